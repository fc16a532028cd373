// End-to-end latency: deliveries offered at a fixed rate; for each acknowledged one, the time from its
// scheduled send to its committed booking row (watched by polling; see booking-row-watcher.ts). The
// window after the last send is bounded; rows not seen by then are censored (see latency-stats.ts).
import type pg from "pg";
import { watchBookingRows } from "./booking-row-watcher.js";
import type { SentDelivery } from "./ledger.js";
import { summarizeLatencies, type LatencySummary } from "./latency-stats.js";
import { runOpenLoop, type OpenLoopResult } from "./open-loop-generator.js";
import { buildSignedDeliveries } from "./signed-deliveries.js";

export interface EndToEndResult {
  offeredRate: number;
  seconds: number;
  acknowledged: number;
  /** Scheduled send → first poll that saw the committed row (an upper bound on the commit time). */
  toCommittedRow: LatencySummary;
  /** Scheduled send → bookings.created_at (start of the writing transaction; a lower bound). */
  toRowTimestamp: LatencySummary;
  pollIntervalMs: number;
  /** How long after the last send rows were waited for. */
  windowAfterLastSendSeconds: number;
  allArrived: boolean;
}

export interface EndToEndOptions {
  pool: pg.Pool;
  url: string;
  secret: string;
  rate: number;
  seconds: number;
  pollIntervalMs: number;
  windowAfterLastSendMs: number;
}

export async function measureEndToEnd(
  options: EndToEndOptions,
): Promise<{ result: EndToEndResult; ack: OpenLoopResult; sent: SentDelivery[] }> {
  const watcher = watchBookingRows(options.pool, options.pollIntervalMs);
  const scheduled = new Map<string, number>();
  const deliveries = buildSignedDeliveries(options.rate * options.seconds, options.secret);
  const ack = await runOpenLoop({
    url: options.url,
    rate: options.rate,
    deliveries,
    onAcknowledged: (delivery, scheduledAtEpochMs) => {
      scheduled.set(delivery.uid, scheduledAtEpochMs);
      watcher.expect(delivery.uid);
    },
  });
  const allArrived = await watcher.waitForAll(options.windowAfterLastSendMs);
  const windowEnd = Date.now();
  await watcher.stop();
  const committed: number[] = [];
  const stamped: number[] = [];
  const outstanding: number[] = [];
  for (const [uid, sentAt] of scheduled) {
    const row = watcher.seen.get(uid);
    if (!row) {
      outstanding.push(windowEnd - sentAt);
      continue;
    }
    committed.push(row.seenAtEpochMs - sentAt);
    stamped.push(row.createdAtEpochMs - sentAt);
  }
  return {
    result: {
      offeredRate: options.rate,
      seconds: options.seconds,
      acknowledged: ack.acknowledged,
      toCommittedRow: summarizeLatencies(committed, outstanding),
      toRowTimestamp: summarizeLatencies(stamped, outstanding),
      pollIntervalMs: options.pollIntervalMs,
      windowAfterLastSendSeconds: Math.round(options.windowAfterLastSendMs / 1000),
      allArrived,
    },
    ack,
    sent: deliveries.map((delivery, index) => ({ uid: delivery.uid, outcome: ack.outcomes[index]! })),
  };
}
