// A host's own Cal.com access token, whichever way they are connected: a connected ordinary account
// (OAuth 2.0, through the connection token keeper) or a managed user of our Platform client (through the
// managed-user token cache, refreshed like the booking page's tokens, never force-refreshed from here so
// the host's open Booker sessions keep working). Tokens stay inside the activity.
import type { DataSource } from "typeorm";
import type { CalClient } from "@churchhub/cal-client";
import type { ManagedUserTokenStore } from "@churchhub/database";
import type { ConnectionTokenKeeper } from "../cal-connections/connection-token-keeper.js";
import type { TokenActivities } from "../managed-user-tokens/create-token-activities.js";

/** How the host reaches Cal.com: the connection's granted scopes matter for what it may change. */
export type HostCredential = { kind: "connection"; connectionId: string; scopes: string } | { kind: "managed_user" };

export class HostNotConnectedError extends Error {
  constructor(readonly calUserId: number) {
    super(`Cal.com user ${calUserId} is neither a connected account nor a managed user we hold tokens for`);
    this.name = "HostNotConnectedError";
  }
}

interface HostAccessTokenDependencies {
  dataSource: DataSource;
  calClient: CalClient;
  tokenKeeper?: ConnectionTokenKeeper;
  tokenStore: ManagedUserTokenStore;
  tokenActivities: Pick<TokenActivities, "ensureManagedUserAccessToken">;
}

// Cal.com caps managed-user list pages at 250.
const MANAGED_USERS_PAGE = 250;
/** Long enough for a handful of calls. */
const MIN_VALIDITY_MS = 5 * 60_000;

export function createHostAccessTokens(deps: HostAccessTokenDependencies) {
  async function credentialOf(calUserId: number): Promise<HostCredential> {
    if (deps.tokenKeeper) {
      const rows: Array<{ id: string; scopes: string }> = await deps.dataSource.query(
        `SELECT id, scopes FROM cal_connections WHERE cal_user_id = $1 AND status <> 'disconnected'
         ORDER BY connected_at DESC LIMIT 1`,
        [calUserId],
      );
      if (rows[0]) return { kind: "connection", connectionId: rows[0].id, scopes: rows[0].scopes };
    }
    if (deps.calClient.platformClientId !== null) return { kind: "managed_user" };
    throw new HostNotConnectedError(calUserId);
  }

  /** The managed user's username (the token cache is keyed by it): ours, else from the Platform's list. */
  async function managedUsername(calUserId: number): Promise<string> {
    const known = await deps.tokenStore.findByCalUserId(calUserId);
    if (known) return known.username;
    for (let offset = 0; ; offset += MANAGED_USERS_PAGE) {
      const page = await deps.calClient.listManagedUsers({ limit: MANAGED_USERS_PAGE, offset });
      const match = page.find((user) => user.id === calUserId);
      if (match?.username) return match.username;
      if (page.length < MANAGED_USERS_PAGE) throw new HostNotConnectedError(calUserId);
    }
  }

  async function managedUserToken(calUserId: number): Promise<string> {
    const username = await managedUsername(calUserId);
    await deps.tokenActivities.ensureManagedUserAccessToken({ calUserId, username, minValidityMs: MIN_VALIDITY_MS });
    const fresh = await deps.tokenStore.findByCalUserId(calUserId);
    if (!fresh) throw new HostNotConnectedError(calUserId);
    return fresh.accessToken;
  }

  return {
    credentialOf,
    /** Calls Cal.com as the host. Errors (CalApiError, NeedsReconnectError, HostNotConnectedError) are the caller's. */
    async withHostAccessToken<T>(
      calUserId: number,
      call: (accessToken: string) => Promise<T>,
    ): Promise<{ result: T; credential: HostCredential }> {
      const credential = await credentialOf(calUserId);
      if (credential.kind === "connection") {
        const result = await deps.tokenKeeper!.withAccessToken(credential.connectionId, call);
        return { result, credential };
      }
      return { result: await call(await managedUserToken(calUserId)), credential };
    },
  };
}

export type HostAccessTokens = ReturnType<typeof createHostAccessTokens>;
