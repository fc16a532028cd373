// The api's Prometheus metrics: deliveries by trigger and outcome, acknowledgement latency, token
// cache hits, and the inbox depth (read from Postgres when scraped). Labels never carry personal data.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { registerInboxDepthGauge } from "@churchhub/delivery-inbox";

export type DeliveryOutcome = "accepted" | "duplicate" | "bad_signature" | "refused" | "invalid" | "unrecorded";

export function createApiMetrics(deps: {
  inboxDepth: () => Promise<number>;
  connectionCounts?: () => Promise<Record<string, number>>;
  connectionsWithoutWebhook?: () => Promise<number>;
}) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "churchhub_api_" });
  const deliveries = new Counter({
    name: "churchhub_webhook_deliveries_total",
    help: "Cal.com webhook deliveries by trigger and outcome",
    labelNames: ["trigger", "outcome"] as const,
    registers: [registry],
  });
  const ackLatency = new Histogram({
    name: "churchhub_webhook_ack_seconds",
    help: "Time from receiving a webhook to answering it",
    labelNames: ["outcome"] as const,
    buckets: [0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const tokens = new Counter({
    name: "churchhub_token_requests_total",
    help: "Managed-user token requests by source (cache hit or minted through Temporal)",
    labelNames: ["source"] as const,
    registers: [registry],
  });
  registerInboxDepthGauge(registry, deps.inboxDepth);
  const connectionCounts = deps.connectionCounts;
  if (connectionCounts) {
    // "needs_reconnect" above zero is what an operator alerts on: a host must connect again.
    new Gauge({
      name: "churchhub_cal_connections",
      help: "Connected Cal.com accounts (OAuth 2.0) by status",
      labelNames: ["status"] as const,
      registers: [registry],
      async collect() {
        for (const [status, count] of Object.entries(await connectionCounts())) this.set({ status }, count);
      },
    });
  }

  const connectionsWithoutWebhook = deps.connectionsWithoutWebhook;
  if (connectionsWithoutWebhook) {
    // Above zero: Cal.com refused a webhook for missing scopes; those hosts' bookings arrive by polling only.
    new Gauge({
      name: "churchhub_cal_connections_without_webhook",
      help: "Connected Cal.com accounts whose webhook Cal.com refused for missing scopes (polled instead)",
      registers: [registry],
      async collect() {
        this.set(await connectionsWithoutWebhook());
      },
    });
  }

  return {
    registry,
    delivery(trigger: string, outcome: DeliveryOutcome, seconds: number): void {
      // Unknown triggers are bounded to one label value so a sender cannot explode the series count.
      const label = /^[A-Z_]{1,60}$/.test(trigger) ? trigger : "OTHER";
      deliveries.inc({ trigger: label, outcome });
      ackLatency.observe({ outcome }, seconds);
    },
    token(source: "cache" | "workflow"): void {
      tokens.inc({ source });
    },
  };
}

export type ApiMetrics = ReturnType<typeof createApiMetrics>;
