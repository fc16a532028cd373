// Secure notes on bookings: each note has its own data key (in the note key store, another database) and
// each version of its text is sealed under that key, bound to the note and version number. Versions are
// appended, never edited. Destroying a note destroys its key first: from then on neither this database
// nor any earlier copy of it can be read, and what stays here says only that a note existed.
// Who may do what (author only, booking scope) is decided by the caller; this store only keeps notes.
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { openNoteText, sealNoteText } from "./note-cipher.js";
import type { NoteKeystore } from "./note-keystore.js";

export type NoteDestroyedReason = "deleted" | "expired" | "forgotten";

export interface SecureNoteSummary {
  id: string;
  bookingUid: string;
  authorStaffUserId: string;
  eraseWithPersonalData: boolean;
  createdAt: Date;
  /** When the newest version was written (null once destroyed). */
  updatedAt: Date | null;
  versions: number;
  destroyedAt: Date | null;
  destroyedReason: NoteDestroyedReason | null;
}

export interface SecureNoteVersion {
  version: number;
  text: string;
  writtenAt: Date;
}

export class SecureNoteUnreadableError extends Error {
  constructor(noteId: string) {
    super(`Secure note ${noteId}: its key is gone (the note was destroyed)`);
    this.name = "SecureNoteUnreadableError";
  }
}

// biome-ignore lint/suspicious/noExplicitAny: rows of a raw query are untyped until mapped here
type Row = Record<string, any>;

const SUMMARY = `SELECT n.id, n.booking_uid, n.author_staff_user_id, n.erase_with_personal_data, n.created_at,
    n.destroyed_at, n.destroyed_reason, count(v.version)::int AS versions, max(v.written_at) AS updated_at
  FROM secure_notes n LEFT JOIN secure_note_versions v ON v.note_id = n.id`;

function summaryOf(row: Row): SecureNoteSummary {
  return {
    id: row.id,
    bookingUid: row.booking_uid,
    authorStaffUserId: row.author_staff_user_id,
    eraseWithPersonalData: row.erase_with_personal_data,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    versions: row.versions,
    destroyedAt: row.destroyed_at,
    destroyedReason: row.destroyed_reason,
  };
}

export function createSecureNoteStore(deps: { pool: pg.Pool; keystore: NoteKeystore; clock: () => Date }) {
  const { pool, keystore } = deps;

  async function summary(noteId: string): Promise<SecureNoteSummary | null> {
    const { rows } = await pool.query(`${SUMMARY} WHERE n.id = $1 GROUP BY n.id`, [noteId]);
    return rows[0] ? summaryOf(rows[0]) : null;
  }

  async function appendVersion(client: pg.PoolClient, noteId: string, key: Buffer, text: string): Promise<void> {
    const latest = await client.query<{ version: number }>(
      `SELECT coalesce(max(version), 0)::int AS version FROM secure_note_versions WHERE note_id = $1`,
      [noteId],
    );
    const version = latest.rows[0]!.version + 1;
    await client.query(
      `INSERT INTO secure_note_versions (note_id, version, body_encrypted, written_at) VALUES ($1, $2, $3, $4)`,
      [noteId, version, sealNoteText(key, noteId, version, text), deps.clock()],
    );
  }

  async function inTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  return {
    summary,

    /** The notes on a booking, oldest first (what exists, never the text). */
    async list(bookingUid: string): Promise<SecureNoteSummary[]> {
      const { rows } = await pool.query(
        `${SUMMARY} WHERE n.booking_uid = $1 GROUP BY n.id ORDER BY n.created_at, n.id`,
        [bookingUid],
      );
      return rows.map(summaryOf);
    },

    async create(input: {
      bookingUid: string;
      authorStaffUserId: string;
      text: string;
      eraseWithPersonalData: boolean;
    }): Promise<SecureNoteSummary> {
      const noteId = randomUUID();
      // The key first: a note row never exists without its key (a key without a note is harmless).
      const key = await keystore.create(noteId);
      await inTransaction(async (client) => {
        await client.query(
          `INSERT INTO secure_notes (id, booking_uid, author_staff_user_id, erase_with_personal_data, created_at)
           VALUES ($1, $2, $3, $4, $5)`,
          [noteId, input.bookingUid, input.authorStaffUserId, input.eraseWithPersonalData, deps.clock()],
        );
        await appendVersion(client, noteId, key, input.text);
      });
      return (await summary(noteId))!;
    },

    /** Appends a new version of a live note's text (the note row is locked, so numbers never collide). */
    async addVersion(noteId: string, text: string): Promise<SecureNoteSummary> {
      const key = await keystore.find(noteId);
      if (!key) throw new SecureNoteUnreadableError(noteId);
      await inTransaction(async (client) => {
        const note = await client.query(`SELECT destroyed_at FROM secure_notes WHERE id = $1 FOR UPDATE`, [noteId]);
        if (note.rows[0]?.destroyed_at !== null) throw new SecureNoteUnreadableError(noteId);
        await appendVersion(client, noteId, key, text);
      });
      return (await summary(noteId))!;
    },

    /** Every version of a live note, opened with its key, oldest first. */
    async read(noteId: string): Promise<SecureNoteVersion[]> {
      const key = await keystore.find(noteId);
      if (!key) throw new SecureNoteUnreadableError(noteId);
      const { rows } = await pool.query(
        `SELECT version, body_encrypted, written_at FROM secure_note_versions WHERE note_id = $1 ORDER BY version`,
        [noteId],
      );
      return rows.map((row: Row) => ({
        version: row.version,
        text: openNoteText(key, noteId, row.version, row.body_encrypted),
        writtenAt: row.written_at,
      }));
    },

    /**
     * Destroys notes: their keys first (final), then marks them destroyed and removes the ciphertext that
     * no key opens any more. Safe to repeat; returns how many keys were destroyed now.
     */
    async destroy(noteIds: readonly string[], reason: NoteDestroyedReason): Promise<number> {
      if (noteIds.length === 0) return 0;
      const destroyedKeys = await keystore.destroy(noteIds);
      await inTransaction(async (client) => {
        await client.query(
          `UPDATE secure_notes SET destroyed_at = $2, destroyed_reason = $3
            WHERE id = ANY($1::uuid[]) AND destroyed_at IS NULL`,
          [noteIds, deps.clock(), reason],
        );
        await client.query(`DELETE FROM secure_note_versions WHERE note_id = ANY($1::uuid[])`, [noteIds]);
      });
      return destroyedKeys;
    },

    /** The live notes of a booking that their authors chose to erase with the booking's personal data. */
    async erasableWithPersonalData(bookingUid: string): Promise<string[]> {
      const { rows } = await pool.query<{ id: string }>(
        `SELECT id FROM secure_notes WHERE booking_uid = $1 AND erase_with_personal_data AND destroyed_at IS NULL`,
        [bookingUid],
      );
      return rows.map((row) => row.id);
    },
  };
}

export type SecureNoteStore = ReturnType<typeof createSecureNoteStore>;
