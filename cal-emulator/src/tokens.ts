// Managed-user tokens as Cal.com issues them (apps/api/v2/src/modules/tokens/tokens.repository.ts):
// access token = now + 60 min floored to the minute, refresh token = now + 1 year floored to the day,
// refresh rotates (old refresh token deleted, old access token lives until it expires). Values are
// JWT-shaped but opaque here: the emulator looks them up by value, as Cal.com looks them up in its DB.
import { createHmac, randomBytes, randomUUID } from "node:crypto";
import type { EmulatorState, TokenRecord } from "./state.js";
import { badRequest, tokenExpired, unauthorized } from "./http/api-error.js";

export const INVALID_ACCESS_TOKEN = "Invalid Access Token.";

export interface IssuedTokens {
  accessToken: string;
  accessTokenExpiresAt: number;
  refreshToken: string;
  refreshTokenExpiresAt: number;
}

export interface TokenService {
  issue(clientId: string, userId: number): IssuedTokens;
  /** The token's record, or Cal.com's 401 (unknown) / 498 (expired). */
  verifyAccessToken(token: string): TokenRecord;
  /** POST /v2/oauth/{clientId}/refresh after the client secret has been checked. */
  refresh(clientId: string, refreshToken: string): IssuedTokens;
  revokeUserTokens(clientId: string, userId: number): void;
  revokeRefreshToken(refreshToken: string): boolean;
  expireAccessTokens(filter?: { userId?: number; accessToken?: string }): number;
}

function accessTokenExpiry(now: Date): Date {
  const expiry = new Date(now.getTime() + 60 * 60_000);
  expiry.setUTCSeconds(0, 0);
  return expiry;
}

function refreshTokenExpiry(now: Date): Date {
  const expiry = new Date(now);
  expiry.setUTCFullYear(expiry.getUTCFullYear() + 1);
  expiry.setUTCHours(0, 0, 0, 0);
  return expiry;
}

const base64url = (value: string | Buffer) => Buffer.from(value).toString("base64url");

export function createTokenService(deps: { state: () => EmulatorState; clock: () => Date }): TokenService {
  // A per-process key: the signature only makes the value look like Cal.com's HS256 JWTs.
  const signingKey = randomBytes(32);

  function mint(clientId: string, ownerId: number, expiresAt: Date, now: Date): string {
    const header = base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
    const payload = base64url(
      JSON.stringify({
        clientId,
        ownerId,
        iat: Math.floor(now.getTime() / 1000),
        expiresAt: expiresAt.getTime(),
        jti: randomUUID(),
      }),
    );
    const signature = createHmac("sha256", signingKey).update(`${header}.${payload}`).digest("base64url");
    return `${header}.${payload}.${signature}`;
  }

  function issue(clientId: string, userId: number): IssuedTokens {
    const now = deps.clock();
    const state = deps.state();
    const accessExpiresAt = accessTokenExpiry(now);
    const refreshExpiresAt = refreshTokenExpiry(now);
    const accessToken = mint(clientId, userId, accessExpiresAt, now);
    const refreshToken = mint(clientId, userId, refreshExpiresAt, now);
    state.accessTokens.set(accessToken, { clientId, userId, expiresAt: accessExpiresAt });
    state.refreshTokens.set(refreshToken, { clientId, userId, expiresAt: refreshExpiresAt });
    return {
      accessToken,
      accessTokenExpiresAt: accessExpiresAt.getTime(),
      refreshToken,
      refreshTokenExpiresAt: refreshExpiresAt.getTime(),
    };
  }

  return {
    issue,
    verifyAccessToken(token) {
      const record = deps.state().accessTokens.get(token);
      if (!record) throw unauthorized(INVALID_ACCESS_TOKEN);
      // oauth-flow.service.ts: `if (new Date() > tokenExpiresAt) throw new TokenExpiredException()`.
      if (deps.clock().getTime() > record.expiresAt.getTime()) throw tokenExpired();
      return record;
    },
    refresh(clientId, refreshToken) {
      const state = deps.state();
      const record = state.refreshTokens.get(refreshToken);
      if (!record || record.clientId !== clientId) throw badRequest("Invalid refresh token");
      state.refreshTokens.delete(refreshToken);
      return issue(clientId, record.userId);
    },
    revokeUserTokens(clientId, userId) {
      const state = deps.state();
      for (const store of [state.accessTokens, state.refreshTokens]) {
        for (const [value, record] of store)
          if (record.clientId === clientId && record.userId === userId) store.delete(value);
      }
    },
    revokeRefreshToken: (refreshToken) => deps.state().refreshTokens.delete(refreshToken),
    expireAccessTokens(filter = {}) {
      const expiredAt = new Date(deps.clock().getTime() - 1000);
      let count = 0;
      for (const [value, record] of deps.state().accessTokens) {
        if (filter.accessToken !== undefined && value !== filter.accessToken) continue;
        if (filter.userId !== undefined && record.userId !== filter.userId) continue;
        record.expiresAt = expiredAt;
        count += 1;
      }
      return count;
    },
  };
}
