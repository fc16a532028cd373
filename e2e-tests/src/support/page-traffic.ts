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

/** URLs of the exchanges whose response (body or headers) carried one of `secrets`. */
export function exchangesRevealing(exchanges: readonly RecordedExchange[], secrets: readonly string[]): string[] {
  return exchanges.flatMap((exchange) =>
    secrets
      .filter(
        (secret) =>
          exchange.responseBody?.includes(secret) ||
          Object.values(exchange.responseHeaders).some((value) => value.includes(secret)),
      )
      .map(() => exchange.url),
  );
}

/** URLs of the requests that sent an Authorization header. */
export function requestsWithAuthorization(exchanges: readonly RecordedExchange[]): string[] {
  return exchanges.filter((exchange) => "authorization" in exchange.requestHeaders).map((exchange) => exchange.url);
}

/** URLs of the requests that left the browser for another origin than those of `allowedUrls`. */
export function thirdPartyRequests(exchanges: readonly RecordedExchange[], allowedUrls: readonly string[]): string[] {
  const allowed = new Set(allowedUrls.map((url) => new URL(url).origin));
  // A request blocked by our Content-Security-Policy never leaves the browser; data: URLs are not requests.
  return exchanges
    .filter((exchange) => exchange.failure !== "csp" && !exchange.url.startsWith("data:"))
    .map((exchange) => exchange.url)
    .filter((url) => !allowed.has(new URL(url).origin));
}
