// Every Cal.com user we know, for the administrators' hosts screen: the managed users of our Platform
// client (asked of Cal.com), the accounts connected through OAuth 2.0 (cal_connections) and the organizers
// of bookings we received (users), merged by Cal.com user id, each with its connection state and the
// staff accounts linked to it. Names are opened here for administrators only.
import type { CalClient } from "@churchhub/cal-client";
import type { PersonalDataProtector } from "@churchhub/field-encryption";
import type { Pool } from "pg";
import { STAFF_TABLES } from "../auth/staff-auth-tables.js";

/**
 * `managed`: a managed user of the Platform client (its webhook is the client's). For an OAuth 2.0
 * account: `connected`, `missing_scope` (connected, but Cal.com refused our webhook: polled instead),
 * `needs_reconnect` (Cal.com refused the refresh token) or `disconnected`. `not_connected`: we only know
 * the user as the organizer of bookings.
 */
export type HostConnectionState =
  | "managed"
  | "connected"
  | "missing_scope"
  | "needs_reconnect"
  | "disconnected"
  | "not_connected";

export interface HostOverview {
  calUserId: number;
  username: string | null;
  name: string | null;
  state: HostConnectionState;
  /** Our webhook on a connected account: registered or missing; null where we keep none (managed, unknown). */
  webhook: "registered" | "missing" | null;
  connection: {
    id: string;
    connectedAt: string;
    needsReconnectSince: string | null;
    disconnectedAt: string | null;
  } | null;
  staff: Array<{ id: string; name: string; email: string; active: boolean }>;
}

const MANAGED_USERS_PAGE = 250;

export function createHostsOverview(deps: {
  pool: Pool;
  protector: PersonalDataProtector;
  /** The Platform client's managed users; absent when no Platform client is configured. */
  calClient?: Pick<CalClient, "listManagedUsers">;
}) {
  async function managedUsers(): Promise<Array<{ id: number; username: string | null; name: string | null }>> {
    if (!deps.calClient) return [];
    const users = [];
    for (let offset = 0; ; offset += MANAGED_USERS_PAGE) {
      const page = await deps.calClient.listManagedUsers({ limit: MANAGED_USERS_PAGE, offset });
      users.push(...page.map((user) => ({ id: user.id, username: user.username, name: user.name })));
      if (page.length < MANAGED_USERS_PAGE) return users;
    }
  }

  function openedName(sealed: string | null): string | null {
    try {
      return deps.protector.openText(sealed, "users.name");
    } catch {
      return null;
    }
  }

  return {
    /** By name (or username), those needing attention included. */
    async list(): Promise<HostOverview[]> {
      const [managed, known, connections, staff] = await Promise.all([
        managedUsers(),
        deps.pool.query("SELECT cal_user_id, username, name FROM users"),
        deps.pool.query(
          `SELECT id, cal_user_id, username, status, webhook_status, cal_webhook_id, connected_at,
                  needs_reconnect_since, disconnected_at FROM cal_connections`,
        ),
        deps.pool.query(
          `SELECT id, name, email, banned, cal_user_id FROM ${STAFF_TABLES.user} WHERE cal_user_id IS NOT NULL
            ORDER BY lower(name)`,
        ),
      ]);
      const hosts = new Map<number, HostOverview>();
      const entry = (calUserId: number): HostOverview => {
        let host = hosts.get(calUserId);
        if (!host) {
          host = {
            calUserId,
            username: null,
            name: null,
            state: "not_connected",
            webhook: null,
            connection: null,
            staff: [],
          };
          hosts.set(calUserId, host);
        }
        return host;
      };
      for (const row of known.rows) {
        const host = entry(row.cal_user_id);
        host.username = row.username;
        host.name = openedName(row.name);
      }
      for (const row of connections.rows) {
        const host = entry(row.cal_user_id);
        host.username = row.username;
        host.state =
          row.status === "connected" && row.webhook_status === "missing_scope" ? "missing_scope" : row.status;
        host.webhook = row.status === "disconnected" ? null : row.cal_webhook_id ? "registered" : "missing";
        host.connection = {
          id: row.id,
          connectedAt: row.connected_at.toISOString(),
          needsReconnectSince: row.needs_reconnect_since?.toISOString() ?? null,
          disconnectedAt: row.disconnected_at?.toISOString() ?? null,
        };
      }
      for (const user of managed) {
        const host = entry(user.id);
        host.username = user.username ?? host.username;
        host.name = user.name ?? host.name;
        host.state = "managed";
      }
      for (const row of staff.rows) {
        entry(row.cal_user_id).staff.push({ id: row.id, name: row.name, email: row.email, active: !row.banned });
      }
      return [...hosts.values()].sort((a, b) =>
        (a.name ?? a.username ?? "").localeCompare(b.name ?? b.username ?? "", "en"),
      );
    },

    /** Whether a Cal.com user id is one we know (a host's staff account is linked only to one of these). */
    async isKnown(calUserId: number): Promise<boolean> {
      const { rowCount } = await deps.pool.query(
        "SELECT 1 FROM users WHERE cal_user_id = $1 UNION ALL SELECT 1 FROM cal_connections WHERE cal_user_id = $1",
        [calUserId],
      );
      if (rowCount) return true;
      return (await managedUsers()).some((user) => user.id === calUserId);
    },
  };
}

export type HostsOverview = ReturnType<typeof createHostsOverview>;
