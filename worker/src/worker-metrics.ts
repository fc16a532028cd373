// The worker's own Prometheus metrics (the Temporal SDK reports workflow and activity outcomes and
// latencies itself): inbox depth and what the relay started or could not start.
import { Counter, Registry, collectDefaultMetrics } from "prom-client";
import { registerInboxDepthGauge } from "@churchhub/delivery-inbox";

export function createWorkerMetrics(deps: { inboxDepth: () => Promise<number> }) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "churchhub_worker_" });
  const relayed = new Counter({
    name: "churchhub_relay_started_total",
    help: "Inbox deliveries whose workflow the relay started",
    registers: [registry],
  });
  const failed = new Counter({
    name: "churchhub_relay_failures_total",
    help: "Inbox deliveries the relay could not start yet (retried)",
    registers: [registry],
  });
  registerInboxDepthGauge(registry, deps.inboxDepth);
  return {
    registry,
    relay: { relayed: (count: number) => relayed.inc(count), failed: (count: number) => failed.inc(count) },
  };
}
