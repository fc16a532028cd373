// The note key store: one random data key per secure note, kept in a database of its own
// (NOTE_KEYSTORE_URL), apart from the notes. Destroying a note's key here is what makes its deletion real:
// the notes' database (and every copy of it) holds only ciphertext, and without this row nothing opens it.
// Keys are stored wrapped under the key ring, so a copy of this database alone opens nothing either.
// The deletion is final only if this database keeps no history of its own: no WAL archive or
// point-in-time recovery beyond a short window, no long-kept backups (README, "Secure notes").
import { randomBytes } from "node:crypto";
import type { PersonalDataProtector } from "@churchhub/field-encryption";
import pg from "pg";

const KEY_BYTES = 32;
const wrapPurpose = (noteId: string) => `note_keys.wrapped_key:${noteId}`;

export interface NoteKeystore {
  /** Generates and stores the key of a new note; returns it. */
  create(noteId: string): Promise<Buffer>;
  /** The note's key, or null once it was destroyed (or never existed). */
  find(noteId: string): Promise<Buffer | null>;
  /** Destroys the keys for good: deleted, then the table vacuumed so the dead rows leave its files too. */
  destroy(noteIds: readonly string[]): Promise<number>;
  /** Re-wraps every key not under the key ring's active key (key rotation, `npm run data:reencrypt`). */
  rewrap(): Promise<number>;
  close(): Promise<void>;
}

export class NoteKeystoreError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "NoteKeystoreError";
  }
}

/**
 * Outside production, the key store's database is created beside the notes' one when missing (the
 * embedded Postgres of `npm run dev`, the tests' server). In production it is provisioned like any database.
 */
async function createDatabaseIfMissing(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  const client = new pg.Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    const existing = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (existing.rowCount === 0)
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`).catch((error: { code?: string }) => {
        // Another process created it at the same moment.
        if (error.code !== "42P04" && error.code !== "23505") throw error;
      });
  } finally {
    await client.end();
  }
}

/** Creates the key store's one table when it is missing (its own database: not part of the migrations). */
export async function ensureNoteKeystoreSchema(pool: pg.Pool): Promise<void> {
  await pool.query(`CREATE TABLE IF NOT EXISTS "note_keys" (
    "note_id" uuid PRIMARY KEY,
    "wrapped_key" text NOT NULL,
    "created_at" timestamptz NOT NULL DEFAULT now())`);
}

export function createNoteKeystore(deps: {
  url: string;
  protector: PersonalDataProtector;
  /** The notes' own database: the key store must never be the same one. */
  notesDatabaseUrl: string;
  /** Create the key store's database when it does not exist (never in production). */
  createDatabase?: boolean;
  poolSize?: number;
}): NoteKeystore {
  if (sameDatabase(deps.url, deps.notesDatabaseUrl))
    throw new NoteKeystoreError(
      "NOTE_KEYSTORE_URL: must name another database than DATABASE_URL (a note's key beside its text makes deletion undoable from a backup)",
    );
  const pool = new pg.Pool({
    connectionString: deps.url,
    max: deps.poolSize ?? 3,
    application_name: "churchhub-note-keys",
    connectionTimeoutMillis: 5_000,
  });
  let schemaReady: Promise<void> | undefined;
  const ready = () => {
    schemaReady ??= (async () => {
      if (deps.createDatabase) await createDatabaseIfMissing(deps.url);
      await ensureNoteKeystoreSchema(pool);
    })().catch((error) => {
      schemaReady = undefined;
      throw new NoteKeystoreError("the note key store could not be reached", { cause: error });
    });
    return schemaReady;
  };

  return {
    async create(noteId) {
      await ready();
      const key = randomBytes(KEY_BYTES);
      await pool.query(`INSERT INTO note_keys (note_id, wrapped_key) VALUES ($1, $2)`, [
        noteId,
        deps.protector.sealText(key.toString("base64"), wrapPurpose(noteId)),
      ]);
      return key;
    },

    async find(noteId) {
      await ready();
      const { rows } = await pool.query<{ wrapped_key: string }>(
        `SELECT wrapped_key FROM note_keys WHERE note_id = $1`,
        [noteId],
      );
      const wrapped = rows[0]?.wrapped_key;
      if (wrapped === undefined) return null;
      return Buffer.from(deps.protector.openText(wrapped, wrapPurpose(noteId))!, "base64");
    },

    async destroy(noteIds) {
      if (noteIds.length === 0) return 0;
      await ready();
      const deleted = await pool.query(`DELETE FROM note_keys WHERE note_id = ANY($1::uuid[])`, [noteIds]);
      // A deleted row stays in the table's pages until vacuumed; a file-level copy would still hold it.
      await pool.query(`VACUUM note_keys`);
      return deleted.rowCount ?? 0;
    },

    async rewrap() {
      await ready();
      const active = `v1.${deps.protector.cipher.activeKeyId}.`;
      const { rows } = await pool.query<{ note_id: string; wrapped_key: string }>(
        `SELECT note_id, wrapped_key FROM note_keys WHERE left(wrapped_key, $1) <> $2`,
        [active.length, active],
      );
      for (const row of rows) {
        const key = deps.protector.openText(row.wrapped_key, wrapPurpose(row.note_id));
        await pool.query(`UPDATE note_keys SET wrapped_key = $2 WHERE note_id = $1`, [
          row.note_id,
          deps.protector.sealText(key, wrapPurpose(row.note_id)),
        ]);
      }
      return rows.length;
    },

    close: () => pool.end(),
  };
}

function sameDatabase(a: string, b: string): boolean {
  const left = new URL(a);
  const right = new URL(b);
  return left.host === right.host && left.pathname === right.pathname;
}
