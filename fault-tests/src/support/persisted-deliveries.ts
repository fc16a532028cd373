// Reads back from Postgres what became of a run's deliveries: waits (polling) until every acknowledged
// one has its audit row, then collects the audit rows and bookings the ledger checks.
import type { DataSource } from "@churchhub/database";
import type { LedgerEntry, PersistedState } from "./ledger.js";

export interface DrainLimits {
  /**
   * Give up when no acknowledged delivery has been persisted for this long. Longer than the workflow's
   * longest retry interval (1 minute), so activities backing off after an outage are not taken for stuck.
   */
  stallMs: number;
  /** Give up after this long in any case. */
  maxMs: number;
  pollMs?: number;
}

export interface DrainOutcome {
  waitedMs: number;
  /** Acknowledged deliveries still without an audit row when the wait ended (0 when drained). */
  outstanding: number;
  /** Why the wait ended early: nothing moved for stallMs, or maxMs passed. */
  gaveUp: "stalled" | "deadline" | null;
  /** The last failed poll's error, if the last poll failed. */
  lastError: string | null;
}

async function countAudited(dataSource: DataSource, deliveryIds: string[]): Promise<number> {
  const [row] = await dataSource.query(
    "SELECT count(DISTINCT delivery_id)::int AS n FROM audit_logs WHERE delivery_id = ANY($1)",
    [deliveryIds],
  );
  return row.n;
}

/**
 * The audit row is the workflow's last step, so once every acknowledged delivery has one, the run is
 * drained. The wait is bounded by progress rather than by a fixed time: a slow machine drains slowly but
 * steadily, a stuck pipeline stops moving. Postgres may have just come back, so failed polls are retried.
 */
export async function waitUntilPersisted(
  dataSource: DataSource,
  ledger: readonly LedgerEntry[],
  limits: DrainLimits,
): Promise<DrainOutcome> {
  const ids = [...new Set(ledger.flatMap((entry) => (entry.ackedDeliveryId ? [entry.ackedDeliveryId] : [])))];
  const started = Date.now();
  let audited = -1;
  let lastProgress = started;
  let lastError: string | null = null;
  for (;;) {
    try {
      const now = await countAudited(dataSource, ids);
      if (now > audited) lastProgress = Date.now();
      audited = now;
      lastError = null;
    } catch (error) {
      lastError = (error as Error).message;
    }
    const outcome = (gaveUp: DrainOutcome["gaveUp"]): DrainOutcome => ({
      waitedMs: Date.now() - started,
      outstanding: ids.length - Math.max(audited, 0),
      gaveUp,
      lastError,
    });
    if (audited === ids.length) return outcome(null);
    if (Date.now() - lastProgress >= limits.stallMs) return outcome("stalled");
    if (Date.now() - started >= limits.maxMs) return outcome("deadline");
    await new Promise((resolve) => setTimeout(resolve, limits.pollMs ?? 500));
  }
}

export async function readPersistedState(
  dataSource: DataSource,
  ledger: readonly LedgerEntry[],
): Promise<PersistedState> {
  // Every delivery the run sent, acknowledged or not: the ledger also reports what was recorded unacked.
  const deliveryIds = [...new Set(ledger.map((entry) => entry.expectedDeliveryId))];
  const uids = [...new Set(ledger.map((entry) => entry.bookingUid))];
  const audits: Array<{ delivery_id: string; n: number }> = await dataSource.query(
    "SELECT delivery_id, count(*)::int AS n FROM audit_logs WHERE delivery_id = ANY($1) GROUP BY delivery_id",
    [deliveryIds],
  );
  const bookings: Array<{ uid: string; status: string; status_history: Array<{ deliveryId: string }> }> =
    await dataSource.query("SELECT uid, status, status_history FROM bookings WHERE uid = ANY($1)", [uids]);
  const byUid = new Map<string, { rows: number; status: string; historyCounts: Map<string, number> }>();
  for (const booking of bookings) {
    const entry = byUid.get(booking.uid) ?? {
      rows: 0,
      status: booking.status,
      historyCounts: new Map<string, number>(),
    };
    entry.rows += 1;
    for (const change of booking.status_history)
      entry.historyCounts.set(change.deliveryId, (entry.historyCounts.get(change.deliveryId) ?? 0) + 1);
    byUid.set(booking.uid, entry);
  }
  return { auditRows: new Map(audits.map((row) => [row.delivery_id, row.n])), bookings: byUid };
}
