// A real local HTTP server standing in for our webhook endpoint: it keeps each request's exact raw body
// and headers, answers with a chosen status, and lets a test await the Nth delivery instead of sleeping.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedWebhook {
  rawBody: string;
  headers: IncomingHttpHeaders;
  method: string;
  /** The request path, so a test can tell apart subscribers registered at different paths. */
  path: string;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Status for the next answers (default 200). */
  respondWith(status: number): void;
  /** Holds answers until release() — to prove the emulator does not wait for its subscriber. */
  hold(): void;
  release(): void;
  waitFor(count: number): Promise<ReceivedWebhook[]>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  let status = 200;
  let held: (() => void)[] | undefined;

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({
        rawBody: Buffer.concat(chunks).toString("utf8"),
        headers: request.headers,
        method: request.method ?? "",
        path: request.url ?? "",
      });
      for (const waiter of waiters.filter((candidate) => received.length >= candidate.count)) waiter.resolve();
      const answer = () => response.writeHead(status).end();
      if (held) held.push(answer);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/webhooks/cal`,
    received,
    respondWith(next) {
      status = next;
    },
    hold() {
      held = [];
    },
    release() {
      const pending = held ?? [];
      held = undefined;
      for (const answer of pending) answer();
    },
    waitFor(count) {
      if (received.length >= count) return Promise.resolve(received.slice(0, count));
      return new Promise((resolve) => waiters.push({ count, resolve: () => resolve(received.slice(0, count)) }));
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
