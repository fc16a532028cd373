// The access log: one entry per look at a booking's personal data by a staff member (who, in which role,
// which booking, list or detail, when, from which address). Append-only (a trigger refuses edits and
// deletes) and tamper-evident: each entry's hash covers the previous entry's hash and its own fields, so
// changing or removing an entry breaks every hash after it. The client address is sealed like other
// personal data; the hash covers its keyed blind index, so re-encrypting the address under a new key
// leaves the chain intact while the address itself never appears in the clear.
import { createHash } from "node:crypto";
import type { PersonalDataProtector } from "@churchhub/field-encryption";
import type { Pool } from "pg";

export const ACCESS_LOG_GENESIS_HASH = "0".repeat(64);
const ADDRESS_PURPOSE = "staff_access_log.client_address";
// Serializes appends across api replicas: each entry must see the one before it.
const APPEND_LOCK_KEY = 4_217_001;

/** A list row, a booking's page, its questionnaire answers, or a secure note's text read by its author. */
export type AccessAction = "booking.list" | "booking.view" | "questionnaire.view" | "note.read";

export interface AccessLogEntry {
  staffUserId: string;
  staffRole: string;
  bookingUid: string;
  action: AccessAction;
  clientAddress: string | null;
}

export interface StoredAccessLogEntry extends Omit<AccessLogEntry, "clientAddress"> {
  sequence: string;
  viewedAt: Date;
}

/** An entry as administrators read it on the access-log screen: the person named, the address opened. */
export interface AccessLogView extends StoredAccessLogEntry {
  staffName: string | null;
  staffEmail: string | null;
  clientAddress: string | null;
}

export type ChainVerdict =
  | { intact: true; entries: number }
  | { intact: false; entries: number; firstBroken: { sequence: string; reason: string } };

interface Row {
  sequence: string;
  staff_user_id: string;
  staff_role: string;
  booking_uid: string;
  action: string;
  viewed_at: Date;
  client_address_encrypted: string | null;
  previous_hash: string;
  entry_hash: string;
}

export function createStaffAccessLog(deps: { pool: Pool; protector: PersonalDataProtector; clock: () => Date }) {
  const addressDigest = (address: string | null) =>
    // The keyed blind index (the HMAC our email lookups use): not reversible without the key.
    address === null ? "" : deps.protector.emailIndex(address);

  // On the screen an address that does not open shows as unknown; the chain's verdict beside it says why.
  function openedAddress(sealed: string | null): string | null {
    try {
      return deps.protector.openText(sealed, ADDRESS_PURPOSE);
    } catch {
      return null;
    }
  }

  function entryHash(
    previousHash: string,
    entry: Omit<AccessLogEntry, "clientAddress">,
    viewedAt: Date,
    digest: string,
  ): string {
    const fields = [entry.staffUserId, entry.staffRole, entry.bookingUid, entry.action, viewedAt.toISOString(), digest];
    return createHash("sha256").update(previousHash).update("\n").update(JSON.stringify(fields)).digest("hex");
  }

  return {
    /** Appends the entries in order, in one transaction, after the latest entry. */
    async record(entries: AccessLogEntry[]): Promise<void> {
      if (entries.length === 0) return;
      const client = await deps.pool.connect();
      try {
        await client.query("BEGIN");
        await client.query("SELECT pg_advisory_xact_lock($1)", [APPEND_LOCK_KEY]);
        const last = await client.query<{ entry_hash: string }>(
          "SELECT entry_hash FROM staff_access_log ORDER BY sequence DESC LIMIT 1",
        );
        let previousHash = last.rows[0]?.entry_hash ?? ACCESS_LOG_GENESIS_HASH;
        const viewedAt = deps.clock();
        for (const entry of entries) {
          const hash = entryHash(previousHash, entry, viewedAt, addressDigest(entry.clientAddress));
          await client.query(
            `INSERT INTO staff_access_log (staff_user_id, staff_role, booking_uid, action, viewed_at,
               client_address_encrypted, previous_hash, entry_hash)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
            [
              entry.staffUserId,
              entry.staffRole,
              entry.bookingUid,
              entry.action,
              viewedAt,
              deps.protector.sealText(entry.clientAddress, ADDRESS_PURPOSE),
              previousHash,
              hash,
            ],
          );
          previousHash = hash;
        }
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },

    /** Entries for one booking, oldest first (for administrators; the address stays sealed). */
    async forBooking(bookingUid: string): Promise<StoredAccessLogEntry[]> {
      const { rows } = await deps.pool.query<Row>(
        "SELECT * FROM staff_access_log WHERE booking_uid = $1 ORDER BY sequence",
        [bookingUid],
      );
      return rows.map((row) => ({
        sequence: row.sequence,
        staffUserId: row.staff_user_id,
        staffRole: row.staff_role,
        bookingUid: row.booking_uid,
        action: row.action as AccessAction,
        viewedAt: row.viewed_at,
      }));
    },

    /** The whole log, newest first, a page at a time (`before`: the last sequence of the previous page). */
    async page(options: { before: string | null; limit: number }): Promise<{
      entries: AccessLogView[];
      nextBefore: string | null;
    }> {
      const { rows } = await deps.pool.query<Row & { staff_name: string | null; staff_email: string | null }>(
        `SELECT l.*, s.name AS staff_name, s.email AS staff_email
           FROM staff_access_log l LEFT JOIN staff_users s ON s.id = l.staff_user_id
          WHERE $1::bigint IS NULL OR l.sequence < $1::bigint
          ORDER BY l.sequence DESC LIMIT $2`,
        [options.before, options.limit + 1],
      );
      const entries = rows.slice(0, options.limit).map((row) => ({
        sequence: row.sequence,
        staffUserId: row.staff_user_id,
        staffRole: row.staff_role,
        bookingUid: row.booking_uid,
        action: row.action as AccessAction,
        viewedAt: row.viewed_at,
        staffName: row.staff_name,
        staffEmail: row.staff_email,
        clientAddress: openedAddress(row.client_address_encrypted),
      }));
      return { entries, nextBefore: rows.length > options.limit ? (entries.at(-1)?.sequence ?? null) : null };
    },

    /** Walks the whole chain in order and names the first entry whose hashes do not hold. */
    async verify(): Promise<ChainVerdict> {
      let previousHash = ACCESS_LOG_GENESIS_HASH;
      let entries = 0;
      const batch = 1000;
      for (let after = "0"; ; ) {
        const { rows } = await deps.pool.query<Row>(
          "SELECT * FROM staff_access_log WHERE sequence > $1 ORDER BY sequence LIMIT $2",
          [after, batch],
        );
        for (const row of rows) {
          const broken = (reason: string): ChainVerdict => ({
            intact: false,
            entries,
            firstBroken: { sequence: row.sequence, reason },
          });
          if (row.previous_hash !== previousHash)
            return broken("its previous_hash is not the hash of the entry before it (an entry was removed or altered)");
          let address: string | null;
          try {
            address = deps.protector.openText(row.client_address_encrypted, ADDRESS_PURPOSE);
          } catch {
            return broken("its client address does not decrypt (altered, or sealed under a key not configured)");
          }
          const expected = entryHash(
            row.previous_hash,
            {
              staffUserId: row.staff_user_id,
              staffRole: row.staff_role,
              bookingUid: row.booking_uid,
              action: row.action as AccessAction,
            },
            row.viewed_at,
            addressDigest(address),
          );
          if (row.entry_hash !== expected) return broken("its contents do not match its entry_hash (it was altered)");
          previousHash = row.entry_hash;
          entries += 1;
          after = row.sequence;
        }
        if (rows.length < batch) return { intact: true, entries };
      }
    },
  };
}

export type StaffAccessLog = ReturnType<typeof createStaffAccessLog>;
