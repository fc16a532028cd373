// Before the ledger closes: wait until the pipeline has nothing left, i.e. every acknowledged delivery
// has its audit entry, no inbox row waits to be relayed and no delivery workflow is still running.
// Bounded: if the time runs out the ledger says how many are still queued, and the run is void. The
// drain's own rate is reported too (audit entries written per second while waiting).
import type pg from "pg";
import type { SentDelivery } from "./ledger.js";

export interface FinalDrain {
  drained: boolean;
  seconds: number;
  /** Acknowledged deliveries without an audit entry when the wait began. */
  outstandingAtStart: number;
  /** ... and when it ended (0 when drained). */
  outstandingAtEnd: number;
  inboxPendingAtEnd: number;
  runningWorkflowsAtEnd: number | null;
  /** outstandingAtStart - outstandingAtEnd over the wait. */
  eventsPerSecond: number | null;
}

export interface FinalDrainOptions {
  pool: pg.Pool;
  sent: readonly SentDelivery[];
  timeoutMs: number;
  /** Delivery workflows still running (null when it cannot be asked). */
  runningWorkflows: () => Promise<number | null>;
  log: (line: string) => void;
}

export async function waitForFinalDrain(options: FinalDrainOptions): Promise<FinalDrain> {
  const acknowledged = options.sent
    .filter((delivery) => delivery.outcome === "acknowledged")
    .map((delivery) => delivery.uid);
  const started = Date.now();
  const outstanding = async () => {
    const { rows } = await options.pool.query<{ audited: number; pending: number }>(
      `SELECT (SELECT count(DISTINCT booking_uid) FROM audit_logs WHERE booking_uid = ANY($1::text[]))::int AS audited,
              (SELECT count(*) FROM webhook_inbox WHERE relayed_at IS NULL)::int AS pending`,
      [acknowledged],
    );
    return { deliveries: acknowledged.length - rows[0]!.audited, inbox: rows[0]!.pending };
  };
  const atStart = await outstanding();
  let now = atStart;
  let running: number | null = null;
  let lastLog = started;
  for (;;) {
    if (now.deliveries === 0 && now.inbox === 0) {
      running = await options.runningWorkflows();
      if (!running) break;
    }
    if (Date.now() - started > options.timeoutMs) break;
    if (Date.now() - lastLog >= 30_000) {
      lastLog = Date.now();
      options.log(
        `  ${Math.round((lastLog - started) / 1000)} s: ${now.deliveries} acknowledged deliveries not yet processed, ${now.inbox} inbox rows not yet relayed`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    now = await outstanding();
  }
  const seconds = (Date.now() - started) / 1000;
  const drained = now.deliveries === 0 && now.inbox === 0 && !running;
  return {
    drained,
    seconds: Math.round(seconds * 10) / 10,
    outstandingAtStart: atStart.deliveries,
    outstandingAtEnd: now.deliveries,
    inboxPendingAtEnd: now.inbox,
    runningWorkflowsAtEnd: running,
    eventsPerSecond:
      seconds >= 1 && atStart.deliveries > 0
        ? Math.round(((atStart.deliveries - now.deliveries) / seconds) * 10) / 10
        : null,
  };
}
