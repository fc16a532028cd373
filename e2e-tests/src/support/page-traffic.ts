// Records every request a page makes and every response it receives (headers and bodies), so a test
// can say what crossed between the browser and the world during a visit.
import type { Page, Request, Response } from "playwright-core";

export interface RecordedExchange {
  url: string;
  method: string;
  requestHeaders: Record<string, string>;
  status: number | null;
  responseHeaders: Record<string, string>;
  /** Text bodies (HTML, scripts, JSON, CSS, SVG); null for other content or when unreadable. */
  responseBody: string | null;
  failure: string | null;
}

export interface PageTraffic {
  exchanges: RecordedExchange[];
  /** Waits for bodies still being read. */
  settled(): Promise<RecordedExchange[]>;
}

const TEXTUAL = /^(text\/|application\/(json|javascript|x-javascript|xml|.*\+json)|image\/svg\+xml)/;

export function recordPageTraffic(page: Page): PageTraffic {
  const exchanges: RecordedExchange[] = [];
  const pending: Array<Promise<void>> = [];
  const byRequest = new Map<Request, RecordedExchange>();

  page.on("request", (request) => {
    const exchange: RecordedExchange = {
      url: request.url(),
      method: request.method(),
      requestHeaders: {},
      status: null,
      responseHeaders: {},
      responseBody: null,
      failure: null,
    };
    byRequest.set(request, exchange);
    exchanges.push(exchange);
    // allHeaders() includes what the network stack adds (cookies, authorization), not only what the page set.
    pending.push(
      request.allHeaders().then(
        (headers) => {
          exchange.requestHeaders = headers;
        },
        () => undefined,
      ),
    );
  });
  page.on("response", (response: Response) => {
    const exchange = byRequest.get(response.request());
    if (!exchange) return;
    exchange.status = response.status();
    pending.push(
      (async () => {
        exchange.responseHeaders = await response.allHeaders().catch(() => ({}));
        const type = exchange.responseHeaders["content-type"] ?? "";
        if (TEXTUAL.test(type)) exchange.responseBody = await response.text().catch(() => null);
      })(),
    );
  });
  page.on("requestfailed", (request) => {
    const exchange = byRequest.get(request);
    if (exchange) exchange.failure = request.failure()?.errorText ?? "failed";
  });

  return {
    exchanges,
    async settled() {
      while (pending.length > 0) await Promise.all(pending.splice(0));
      return exchanges;
    },
  };
}
