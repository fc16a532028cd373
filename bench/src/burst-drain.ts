// A burst: N deliveries offered at once (a bounded number of connections, so none times out waiting);
// how long until all are acknowledged, and until every acknowledged one has its booking row. The drain
// window is bounded: if it closes first, the drain rate is the burst's rows committed per second so
// far, and the time to drain all is projected from it (and labelled as such).
import type pg from "pg";
import { watchBookingRows } from "./booking-row-watcher.js";
import type { SentDelivery } from "./ledger.js";
import { runOpenLoop, type OpenLoopResult } from "./open-loop-generator.js";
import { buildSignedDeliveries } from "./signed-deliveries.js";

export interface BurstResult {
  events: number;
  acknowledged: number;
  /** From the first send until the last answer. */
  ackSeconds: number;
  acksPerSecond: number;
  /** Whether every acknowledged delivery's row was committed within the window. */
  drained: boolean;
  /** The burst's rows committed when the window closed. */
  rowsCommitted: number;
  /** All booking rows the pipeline committed in the window (the burst's and any older backlog). */
  pipelineRowsCommitted: number;
  /** From the first send until the last row (drained), or until the window closed (not drained). */
  seconds: number;
  /** Drained: acknowledged / seconds. Not drained: pipelineRowsCommitted / seconds. */
  drainedEventsPerSecond: number;
  /** Time to drain all of it: measured when drained, else projected at the rate above. */
  drainSeconds: number | null;
  drainSecondsProjected: boolean;
}

export async function measureBurst(options: {
  pool: pg.Pool;
  url: string;
  secret: string;
  events: number;
  windowMs: number;
}) {
  const countRows = async () =>
    (await options.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM bookings")).rows[0]!.n;
  const rowsBefore = await countRows();
  const watcher = watchBookingRows(options.pool, 250);
  const deliveries = buildSignedDeliveries(options.events, options.secret);
  const started = Date.now();
  const ack: OpenLoopResult = await runOpenLoop({
    url: options.url,
    rate: 100_000,
    deliveries,
    maxSockets: 64,
    timeoutMs: 300_000,
    onAcknowledged: (delivery) => watcher.expect(delivery.uid),
  });
  const ackSeconds = (Date.now() - started) / 1000;
  const drained = await watcher.waitForAll(Math.max(0, options.windowMs - (Date.now() - started)));
  const windowEnd = Date.now();
  await watcher.stop();
  const pipelineRowsCommitted = (await countRows()) - rowsBefore;
  const rowsCommitted = watcher.seen.size;
  const lastRow =
    rowsCommitted > 0 ? Math.max(...[...watcher.seen.values()].map((row) => row.seenAtEpochMs)) : windowEnd;
  const seconds = ((drained ? lastRow : windowEnd) - started) / 1000;
  const rate = (drained ? ack.acknowledged : pipelineRowsCommitted) / seconds;
  const result: BurstResult = {
    events: options.events,
    acknowledged: ack.acknowledged,
    ackSeconds: Math.round(ackSeconds * 10) / 10,
    acksPerSecond: Math.round(ack.acknowledged / ackSeconds),
    drained,
    rowsCommitted,
    pipelineRowsCommitted,
    seconds: Math.round(seconds * 10) / 10,
    drainedEventsPerSecond: Math.round(rate * 10) / 10,
    drainSeconds: drained ? Math.round(seconds * 10) / 10 : rate > 0 ? Math.round(ack.acknowledged / rate) : null,
    drainSecondsProjected: !drained,
  };
  const sent: SentDelivery[] = deliveries.map((delivery, index) => ({
    uid: delivery.uid,
    outcome: ack.outcomes[index]!,
  }));
  return { result, ack, sent };
}
