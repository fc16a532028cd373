// The web server: Next.js's own request handler, after one step Next.js does not take. Next.js keeps an
// incoming X-Forwarded-For exactly as the client sent it (it fills the header only when it is missing),
// and App Router code never sees the socket, so a browser could name any address it liked, and the api's
// sign-in rate limit and the staff access log would believe it (the api trusts this server's address).
// Here the header is replaced before Next.js sees it: by the connecting peer's address, or, when that
// peer is one of WEB_TRUSTED_PROXIES (a TLS proxy in front of us), by the address those proxies name,
// followed back to the first hop that is not one of them (proxy-addr, Express's own implementation).
//
// `node server.mjs [--dev] [--hostname <h>] [--port <p>]`: production (after `next build`), or `--dev`
// for `npm run dev` (compiles on first visit, hot reload through the same server).
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import next from "next";
import proxyaddr from "proxy-addr";

const { values } = parseArgs({
  options: {
    dev: { type: "boolean", default: false },
    hostname: { type: "string", default: "127.0.0.1" },
    port: { type: "string", default: process.env.PORT ?? "3000" },
  },
});
const port = Number(values.port);
const trustedProxies = (process.env.WEB_TRUSTED_PROXIES ?? "").split(/[\s,]+/).filter(Boolean);
let isTrustedProxy;
try {
  isTrustedProxy = proxyaddr.compile(trustedProxies);
} catch (error) {
  console.error(`WEB_TRUSTED_PROXIES: ${error.message} (a list of addresses or CIDR ranges)`);
  process.exit(1);
}

const httpServer = createServer();
const app = next({ dev: values.dev, hostname: values.hostname, port, dir: import.meta.dirname, httpServer });
const handle = app.getRequestHandler();
await app.prepare();
httpServer.on("request", (request, response) => {
  request.headers["x-forwarded-for"] = proxyaddr(request, isTrustedProxy).replace(/^::ffff:/, "");
  void handle(request, response);
});
httpServer.listen(port, values.hostname, () => {
  console.log(`web: listening on http://${values.hostname}:${port}${values.dev ? " (development)" : ""}`);
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    httpServer.close();
    void app.close().finally(() => process.exit(0));
  });
}
