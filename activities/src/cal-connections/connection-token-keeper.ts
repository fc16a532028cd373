// Keeps a connected account's access token usable. Cal.com's OAuth 2.0 access tokens live 30 minutes
// and each refresh spends the refresh token and returns its successor, so refreshes run one at a time
// per connection under its lock, and the successor is stored in the same transaction: concurrent users
// of one expired token collapse into a single refresh. A refresh token Cal.com refuses marks the
// connection "needs reconnect" once; later callers are told so without calling Cal.com again.
import { CalApiError, type CalOAuth2Client } from "@churchhub/cal-client";
import type { CalConnectionStore } from "@churchhub/database";
import { ConnectionGoneError, NeedsReconnectError } from "./connection-failures.js";

interface TokenKeeperDependencies {
  store: CalConnectionStore;
  oauth2Client: CalOAuth2Client;
  clock: () => Date;
  /** Told once per connection that stops working (metrics, audit). */
  onNeedsReconnect?: (connectionId: string) => Promise<void> | void;
}

type FreshTokenOutcome = "cached" | "refreshed";

/** Refresh this long before expiry, so a token handed out is still good for the call it is used in. */
const MIN_VALIDITY_MS = 5 * 60_000;

export function createConnectionTokenKeeper(deps: TokenKeeperDependencies) {
  async function freshAccessToken(
    connectionId: string,
    options: { refusedAccessToken?: string } = {},
  ): Promise<{ accessToken: string; outcome: FreshTokenOutcome; expiresAt: Date }> {
    let markedNow = false;
    const result = await deps.store.withConnectionLock(connectionId, async (locked) => {
      const current = await locked.read();
      if (!current || current.connection.status === "disconnected") throw new ConnectionGoneError(connectionId);
      if (current.connection.status === "needs_reconnect" || !current.tokens)
        throw new NeedsReconnectError(connectionId);
      const { tokens } = current;
      const now = deps.clock().getTime();
      const refused = options.refusedAccessToken !== undefined && options.refusedAccessToken === tokens.accessToken;
      if (!refused && tokens.accessTokenExpiresAt.getTime() - now > MIN_VALIDITY_MS) {
        return { accessToken: tokens.accessToken, outcome: "cached" as const, expiresAt: tokens.accessTokenExpiresAt };
      }
      try {
        if (tokens.refreshTokenExpiresAt.getTime() <= now)
          throw new CalApiError("invalid", 400, "invalid_grant", "refresh OAuth 2.0 token (expired locally)");
        const next = await deps.oauth2Client.refreshTokens(tokens.refreshToken);
        await locked.saveTokens({ ...next, scope: next.scope || tokens.scope });
        return { accessToken: next.accessToken, outcome: "refreshed" as const, expiresAt: next.accessTokenExpiresAt };
      } catch (error) {
        // invalid_grant: the refresh token is revoked, expired or already spent. No retry can bring it back.
        if (error instanceof CalApiError && error.kind === "invalid" && error.code === "invalid_grant") {
          markedNow = await locked.markNeedsReconnect();
          return null;
        }
        throw error;
      }
    });
    if (result) return result;
    if (markedNow) await deps.onNeedsReconnect?.(connectionId);
    throw new NeedsReconnectError(connectionId);
  }

  return {
    freshAccessToken,

    /**
     * Calls Cal.com with the connection's token. A 401 on a token we believed valid (Cal.com revoked it
     * early) gets one forced refresh and one more try; anything else is the caller's to handle.
     */
    async withAccessToken<T>(connectionId: string, call: (accessToken: string) => Promise<T>): Promise<T> {
      const { accessToken } = await freshAccessToken(connectionId);
      try {
        return await call(accessToken);
      } catch (error) {
        if (!(error instanceof CalApiError && error.kind === "rejected" && error.status === 401)) throw error;
        const renewed = await freshAccessToken(connectionId, { refusedAccessToken: accessToken });
        return call(renewed.accessToken);
      }
    },
  };
}

export type ConnectionTokenKeeper = ReturnType<typeof createConnectionTokenKeeper>;
