// Offers each fixed rate in turn to one endpoint (fresh signed deliveries each time) and keeps what
// was sent and how it was answered, for the table and the ledger.
import { runOpenLoop, type RateResult } from "./open-loop-generator.js";
import { describeObserved } from "./report.js";
import type { SentDelivery } from "./ledger.js";
import { buildSignedDeliveries } from "./signed-deliveries.js";

/** Started before a rate is offered; the function it returns collects what was observed meanwhile. */
export type PhaseProbe = () => Promise<() => Promise<Record<string, unknown>>>;

export interface SweepOptions {
  url: string;
  secret: string;
  rates: readonly number[];
  secondsPerRate: number;
  probe?: PhaseProbe;
  /** Runs after each rate, before the next (e.g. waits for the server to finish abandoned work). */
  settle?: () => Promise<void>;
  log: (line: string) => void;
}

export async function sweepRates(options: SweepOptions): Promise<{ results: RateResult[]; sent: SentDelivery[] }> {
  const results: RateResult[] = [];
  const sent: SentDelivery[] = [];
  for (const rate of options.rates) {
    const deliveries = buildSignedDeliveries(rate * options.secondsPerRate, options.secret);
    const finishProbe = await options.probe?.();
    const { outcomes, ...result } = await runOpenLoop({ url: options.url, rate, deliveries });
    const observed = await finishProbe?.();
    for (const [index, delivery] of deliveries.entries()) sent.push({ uid: delivery.uid, outcome: outcomes[index]! });
    const cpuSeconds = observed?.cpuSeconds as Record<string, number> | undefined;
    const cpuMsPerAck =
      cpuSeconds && result.acknowledged > 0
        ? Object.fromEntries(
            Object.entries(cpuSeconds).map(([name, seconds]) => [
              name,
              Math.round((seconds * 1000 * 100) / result.acknowledged) / 100,
            ]),
          )
        : undefined;
    results.push({ ...result, seconds: options.secondsPerRate, observed, cpuMsPerAck });
    await options.settle?.();
    options.log(
      `  ${String(rate).padStart(5)}/s offered: ${result.acknowledged}/${result.sent} acked, ${result.acksPerSecond} acks/s, ` +
        `p50 ${result.ackLatency.p50Ms} ms, p99 ${result.ackLatency.p99Ms} ms, answers ${JSON.stringify(result.statusCounts)}` +
        (observed ? `\n      ${describeObserved(observed)}` : ""),
    );
  }
  return { results, sent };
}
