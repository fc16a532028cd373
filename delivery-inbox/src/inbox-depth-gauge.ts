// The inbox depth as a Prometheus gauge, read from Postgres when scraped; the api and the worker both
// expose it (one scrape target may be down while the other is up).
import { Gauge, type Registry } from "prom-client";

export function registerInboxDepthGauge(registry: Registry, inboxDepth: () => Promise<number>): void {
  new Gauge({
    name: "churchhub_inbox_pending",
    help: "Acknowledged deliveries waiting in the inbox for their workflow to start",
    registers: [registry],
    async collect() {
      this.set(await inboxDepth().catch(() => Number.NaN));
    },
  });
}
