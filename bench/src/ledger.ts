// The ledger: every delivery sent to our api is persisted (acknowledged, and its booking row and audit
// entry exist), rejected (answered non-2xx or not answered: Cal.com would not count it delivered), or
// missing (acknowledged but its rows are not there). sent = persisted + rejected + missing; missing > 0
// voids the run. A missing delivery whose inbox row exists was recorded durably but not yet processed
// when the drain window closed (a backlog); one without is lost. Duplicates (more than one audit entry
// for one event) are counted too.
import type pg from "pg";
import type { Outcome } from "./open-loop-generator.js";

export interface Ledger {
  sent: number;
  persisted: number;
  rejected: number;
  missing: number;
  /** Of the missing: acknowledged and in the inbox, not yet processed when the window closed. */
  missingButQueued: number;
  /** Of the missing: acknowledged and nowhere to be found. */
  missingLost: number;
  /** Acknowledged events with more than one audit entry. */
  duplicated: number;
  /** Not acknowledged, yet written anyway (allowed: the sender retries and the retry collapses). */
  rejectedButPersisted: number;
  void: boolean;
}

export interface SentDelivery {
  uid: string;
  outcome: Outcome;
}

/** Audit entries per booking uid, for the given uids (absent: no booking row). */
async function countRows(pool: pg.Pool, uids: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (let offset = 0; offset < uids.length; offset += 10_000) {
    const { rows } = await pool.query<{ uid: string; audits: number }>(
      `SELECT b.uid, (SELECT count(*) FROM audit_logs a WHERE a.booking_uid = b.uid)::int AS audits
       FROM bookings b WHERE b.uid = ANY($1::text[])`,
      [uids.slice(offset, offset + 10_000)],
    );
    for (const row of rows) counts.set(row.uid, row.audits);
  }
  return counts;
}

/** Booking uids of the inbox's rows (from their workflow ids: cal-booking_created-<uid>-<16-hex digest>). */
async function inboxUids(pool: pg.Pool): Promise<Set<string>> {
  const prefix = "cal-booking_created-";
  const { rows } = await pool.query<{ workflow_id: string }>(
    "SELECT workflow_id FROM webhook_inbox WHERE starts_with(workflow_id, $1)",
    [prefix],
  );
  return new Set(rows.map((row) => row.workflow_id.slice(prefix.length, -17)));
}

export async function closeLedger(pool: pg.Pool, sent: readonly SentDelivery[]): Promise<Ledger> {
  const counts = await countRows(
    pool,
    sent.map((delivery) => delivery.uid),
  );
  const queued = await inboxUids(pool);
  let persisted = 0;
  let rejected = 0;
  let missing = 0;
  let missingButQueued = 0;
  let duplicated = 0;
  let rejectedButPersisted = 0;
  for (const delivery of sent) {
    const audits = counts.get(delivery.uid) ?? 0;
    if (delivery.outcome !== "acknowledged") {
      rejected++;
      if (audits > 0) rejectedButPersisted++;
    } else if (audits >= 1) {
      persisted++;
      if (audits > 1) duplicated++;
    } else {
      missing++;
      if (queued.has(delivery.uid)) missingButQueued++;
    }
  }
  return {
    sent: sent.length,
    persisted,
    rejected,
    missing,
    missingButQueued,
    missingLost: missing - missingButQueued,
    duplicated,
    rejectedButPersisted,
    void: missing > 0 || duplicated > 0,
  };
}
