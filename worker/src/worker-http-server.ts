// The worker's small HTTP server: /health (the process is alive), /ready (database and Temporal
// reachable, the worker polling) and /metrics (ours plus the Temporal SDK's, for an operator key).
import { createServer, type Server } from "node:http";
import type { Registry } from "prom-client";
import type { Principal } from "@churchhub/database";

interface WorkerHttpDependencies {
  checks: Record<string, () => Promise<boolean>>;
  registry: Registry;
  /** The Temporal SDK's own Prometheus endpoint, appended to ours. */
  sdkMetricsUrl: string;
  authenticate(key: string): Promise<Principal | null>;
}

async function runChecks(checks: WorkerHttpDependencies["checks"]): Promise<Record<string, "up" | "down">> {
  const names = Object.keys(checks);
  const results = await Promise.all(names.map((name) => checks[name]!().catch(() => false)));
  return Object.fromEntries(names.map((name, index) => [name, results[index] ? "up" : "down"]));
}

export function createWorkerHttpServer(deps: WorkerHttpDependencies): Server {
  return createServer(async (request, response) => {
    const send = (status: number, body: string, type = "application/json") => {
      response.writeHead(status, { "content-type": type, "cache-control": "no-store" }).end(body);
    };
    try {
      const path = (request.url ?? "/").split("?")[0];
      if (request.method !== "GET")
        return send(405, JSON.stringify({ error: { code: "method_not_allowed", message: "Only GET" } }));
      if (path === "/health") return send(200, JSON.stringify({ status: "ok", worker: "up" }));
      if (path === "/ready") {
        const results = await runChecks(deps.checks);
        const ready = Object.values(results).every((result) => result === "up");
        return send(ready ? 200 : 503, JSON.stringify({ status: ready ? "ok" : "degraded", ...results }));
      }
      if (path === "/metrics") {
        const header = request.headers.authorization ?? "";
        const principal = header.startsWith("Bearer ") ? await deps.authenticate(header.slice(7).trim()) : null;
        if (!principal) return send(401, JSON.stringify({ error: { code: "unauthorized", message: "Unauthorized" } }));
        const ours = await deps.registry.metrics();
        const sdk = await fetch(deps.sdkMetricsUrl, { signal: AbortSignal.timeout(2_000) })
          .then((answer) => answer.text())
          .catch(() => "# Temporal SDK metrics unavailable\n");
        return send(200, `${ours}\n${sdk}`, deps.registry.contentType);
      }
      return send(404, JSON.stringify({ error: { code: "not_found", message: "Not found" } }));
    } catch {
      send(500, JSON.stringify({ error: { code: "internal_error", message: "Internal error" } }));
    }
  });
}
