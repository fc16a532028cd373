// Hosts' short public names in Postgres (host_public_names): which host a name leads to, each host's
// current name and earlier ones, and choosing a new one. A name once used stays with its host, so every
// link ever shared keeps leading to them (the booking page redirects it to the current name).
import type pg from "pg";

export interface PublicNameResolution {
  calUserId: number;
  /** The host's current name (the same as the one asked for, unless that one was retired). */
  currentName: string;
}

export interface HostPublicNameRecord {
  calUserId: number;
  current: string | null;
  /** Earlier names, newest first: they redirect to the current one. */
  previous: string[];
}

/** Another host has (or had) this name, or uses it as their Cal.com username. */
export class PublicNameTakenError extends Error {
  constructor(readonly publicName: string) {
    super(`"${publicName}" is already another host's name; choose another`);
    this.name = "PublicNameTakenError";
  }
}

export interface HostPublicNames {
  resolve(name: string): Promise<PublicNameResolution | null>;
  currentNames(calUserIds: readonly number[]): Promise<Map<number, string>>;
  record(calUserId: number): Promise<HostPublicNameRecord>;
  /** Makes `name` the host's current name (taking an earlier one of theirs back is allowed). */
  choose(input: { calUserId: number; name: string; chosenBy: string }): Promise<HostPublicNameRecord>;
}

// Serialise choices of one name, whoever makes them, and one host's choices (first keys of
// pg_advisory_xact_lock's pairs).
const NAME_LOCK = 0x6e616d65;
const HOST_LOCK = 0x686f7374;

export function createHostPublicNames(pool: pg.Pool): HostPublicNames {
  async function record(query: (sql: string, params: unknown[]) => Promise<pg.QueryResult>, calUserId: number) {
    const { rows } = await query(
      `SELECT name, retired_at FROM host_public_names WHERE cal_user_id = $1
       ORDER BY retired_at IS NULL DESC, retired_at DESC, chosen_at DESC`,
      [calUserId],
    );
    const current = rows.find((row) => row.retired_at === null)?.name ?? null;
    return {
      calUserId,
      current,
      previous: rows.filter((row) => row.retired_at !== null).map((row) => row.name as string),
    };
  }

  return {
    async resolve(name) {
      const { rows } = await pool.query<{ cal_user_id: number; current: string | null }>(
        `SELECT asked.cal_user_id,
                (SELECT name FROM host_public_names c WHERE c.cal_user_id = asked.cal_user_id AND c.retired_at IS NULL) AS current
         FROM host_public_names asked WHERE asked.name = $1`,
        [name],
      );
      const row = rows[0];
      // A host whose every name was retired cannot happen (choosing retires one name for another).
      return row?.current ? { calUserId: row.cal_user_id, currentName: row.current } : null;
    },

    async currentNames(calUserIds) {
      if (calUserIds.length === 0) return new Map();
      const { rows } = await pool.query<{ cal_user_id: number; name: string }>(
        "SELECT cal_user_id, name FROM host_public_names WHERE retired_at IS NULL AND cal_user_id = ANY($1::int[])",
        [calUserIds],
      );
      return new Map(rows.map((row) => [row.cal_user_id, row.name]));
    },

    record: (calUserId) => record((sql, params) => pool.query(sql, params), calUserId),

    async choose({ calUserId, name, chosenBy }) {
      const client = await pool.connect();
      const query = (sql: string, params: unknown[]) => client.query(sql, params);
      try {
        await query("BEGIN", []);
        await query("SELECT pg_advisory_xact_lock($1, $2)", [HOST_LOCK, calUserId]);
        await query("SELECT pg_advisory_xact_lock($1, hashtext($2))", [NAME_LOCK, name]);
        const { rows: owners } = await query(
          `SELECT cal_user_id FROM host_public_names WHERE name = $1
           UNION ALL SELECT cal_user_id FROM users WHERE lower(username) = $1
           UNION ALL SELECT cal_user_id FROM cal_connections WHERE lower(username) = $1
           UNION ALL SELECT cal_user_id FROM managed_user_tokens WHERE lower(username) = $1`,
          [name],
        );
        if (owners.some((owner) => owner.cal_user_id !== calUserId)) throw new PublicNameTakenError(name);
        await query(
          "UPDATE host_public_names SET retired_at = now() WHERE cal_user_id = $1 AND retired_at IS NULL AND name <> $2",
          [calUserId, name],
        );
        await query(
          `INSERT INTO host_public_names (name, cal_user_id, chosen_by) VALUES ($1, $2, $3)
           ON CONFLICT (name) DO UPDATE SET retired_at = NULL, chosen_at = now(), chosen_by = EXCLUDED.chosen_by`,
          [name, calUserId, chosenBy],
        );
        const chosen = await record(query, calUserId);
        await query("COMMIT", []);
        return chosen;
      } catch (error) {
        await query("ROLLBACK", []).catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
}
