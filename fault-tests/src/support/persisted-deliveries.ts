// Reads back from Postgres what became of a run's deliveries: waits (polling, with a deadline) until
// every acknowledged one has its audit row, then collects the audit rows and bookings the ledger checks.
import type { DataSource } from '@churchhub/database';
import type { LedgerEntry, PersistedState } from './ledger.js';

export interface DrainOutcome {
  waitedMs: number;
  /** Acknowledged deliveries still without an audit row at the deadline (0 when drained). */
  outstanding: number;
  /** The last failed poll's error, if the last poll failed. */
  lastError: string | null;
}

async function countAudited(dataSource: DataSource, deliveryIds: string[]): Promise<number> {
  const [row] = await dataSource.query('SELECT count(DISTINCT delivery_id)::int AS n FROM audit_logs WHERE delivery_id = ANY($1)', [deliveryIds]);
  return row.n;
}

/**
 * The audit row is the workflow's last step, so once every acknowledged delivery has one, the run is
 * drained. Postgres may have just come back, so a failed poll is retried until the deadline.
 */
export async function waitUntilPersisted(dataSource: DataSource, ledger: readonly LedgerEntry[], timeoutMs: number, pollMs = 500): Promise<DrainOutcome> {
  const ids = [...new Set(ledger.flatMap((entry) => (entry.ackedDeliveryId ? [entry.ackedDeliveryId] : [])))];
  const started = Date.now();
  let audited = 0;
  let lastError: string | null = null;
  while (Date.now() - started < timeoutMs) {
    try {
      audited = await countAudited(dataSource, ids);
      lastError = null;
    } catch (error) {
      lastError = (error as Error).message;
    }
    if (audited === ids.length) break;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  return { waitedMs: Date.now() - started, outstanding: ids.length - audited, lastError };
}

export async function readPersistedState(dataSource: DataSource, ledger: readonly LedgerEntry[]): Promise<PersistedState> {
  // Every delivery the run sent, acknowledged or not: the ledger also reports what was recorded unacked.
  const deliveryIds = [...new Set(ledger.map((entry) => entry.expectedDeliveryId))];
  const uids = [...new Set(ledger.map((entry) => entry.bookingUid))];
  const audits: Array<{ delivery_id: string; n: number }> = await dataSource.query(
    'SELECT delivery_id, count(*)::int AS n FROM audit_logs WHERE delivery_id = ANY($1) GROUP BY delivery_id',
    [deliveryIds],
  );
  const bookings: Array<{ uid: string; status: string; status_history: Array<{ deliveryId: string }> }> = await dataSource.query(
    'SELECT uid, status, status_history FROM bookings WHERE uid = ANY($1)',
    [uids],
  );
  const byUid = new Map<string, { rows: number; status: string; historyCounts: Map<string, number> }>();
  for (const booking of bookings) {
    const entry = byUid.get(booking.uid) ?? { rows: 0, status: booking.status, historyCounts: new Map<string, number>() };
    entry.rows += 1;
    for (const change of booking.status_history) entry.historyCounts.set(change.deliveryId, (entry.historyCounts.get(change.deliveryId) ?? 0) + 1);
    byUid.set(booking.uid, entry);
  }
  return { auditRows: new Map(audits.map((row) => [row.delivery_id, row.n])), bookings: byUid };
}
