// What a request may have left in Postgres: total row counts of the tables a delivery writes, and the
// rows that name given booking uids. A rejected request must leave neither.
import type { DataSource } from "@churchhub/database";

export const DELIVERY_TABLES = ["webhook_inbox", "audit_logs", "bookings", "users"] as const;

export type RowCounts = Record<(typeof DELIVERY_TABLES)[number], number>;

export async function countRows(dataSource: DataSource): Promise<RowCounts> {
  const [row] = await dataSource.query(
    `SELECT ${DELIVERY_TABLES.map((table) => `(SELECT count(*)::int FROM ${table}) AS ${table}`).join(", ")}`,
  );
  return row as RowCounts;
}

/** Rows in the inbox, the audit log and bookings that name any of these booking uids. */
export async function rowsNaming(
  dataSource: DataSource,
  uids: readonly string[],
): Promise<{ webhook_inbox: number; audit_logs: number; bookings: number }> {
  const [row] = await dataSource.query(
    `SELECT
       (SELECT count(*)::int FROM webhook_inbox w WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) u WHERE position(u IN w.workflow_id) > 0)) AS webhook_inbox,
       (SELECT count(*)::int FROM audit_logs WHERE booking_uid = ANY($1)) AS audit_logs,
       (SELECT count(*)::int FROM bookings WHERE uid = ANY($1) OR rescheduled_from_uid = ANY($1)) AS bookings`,
    [uids],
  );
  return row;
}

/** Delivery ids (from 202 answers) that have no audit row yet: not processed all the way. */
export async function unprocessedDeliveries(dataSource: DataSource, deliveryIds: readonly string[]): Promise<string[]> {
  const rows: Array<{ delivery_id: string }> = await dataSource.query(
    "SELECT d AS delivery_id FROM unnest($1::text[]) d WHERE NOT EXISTS (SELECT 1 FROM audit_logs a WHERE a.delivery_id = d)",
    [deliveryIds],
  );
  return rows.map((row) => row.delivery_id);
}
