// Finds the Cal.com user behind a host's Cal.com username, for linking a host's staff account to the
// bookings it owns (by Cal.com user id, which never changes). Looked up in what we already know (hosts
// with bookings, connected accounts), then among the Platform client's managed users when one is set.
import type { CalClient } from "@churchhub/cal-client";
import type { Pool } from "pg";

export class UnknownHostError extends Error {
  constructor(readonly username: string) {
    super(
      `no Cal.com user "${username}" is known: it is neither a managed user of our Platform client, a connected account, nor the organizer of a booking we received`,
    );
    this.name = "UnknownHostError";
  }
}

export async function resolveHostCalUserId(
  deps: { pool: Pool; calClient?: Pick<CalClient, "listManagedUsers"> },
  username: string,
): Promise<number> {
  const known = await deps.pool.query<{ cal_user_id: number }>(
    `SELECT cal_user_id FROM users WHERE lower(username) = lower($1)
     UNION ALL SELECT cal_user_id FROM cal_connections WHERE lower(username) = lower($1) AND status <> 'disconnected'
     LIMIT 1`,
    [username],
  );
  if (known.rows[0]) return known.rows[0].cal_user_id;
  if (deps.calClient) {
    const pageSize = 250;
    for (let offset = 0; ; offset += pageSize) {
      const page = await deps.calClient.listManagedUsers({ limit: pageSize, offset });
      const match = page.find((user) => user.username?.toLowerCase() === username.toLowerCase());
      if (match) return match.id;
      if (page.length < pageSize) break;
    }
  }
  throw new UnknownHostError(username);
}
