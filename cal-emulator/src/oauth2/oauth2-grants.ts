// Cal.com's OAuth 2.0 grants for ordinary accounts: authorization codes (single use, 10 minutes, bound to
// client, redirect URI and PKCE challenge), the authorization_code and refresh_token grants with their
// checks in Cal.com's order, and access (1800 s) / refresh (30 days) tokens on the emulator clock.
// Sources: packages/features/oauth/services/OAuthService.ts (exchangeCodeForTokens, refreshAccessToken,
// verifyPKCE, createTokens), packages/trpc/server/routers/viewer/oAuth/generateAuthCode.handler.ts
// (10-minute codes, base64url of 40 random bytes), packages/features/oauth/lib/constants.ts (lifetimes).
import { createHash, createHmac, randomBytes, randomUUID } from "node:crypto";
import { unauthorized } from "../http/api-error.js";
import type { EmulatorState, OAuth2Client, OAuth2TokenRecord } from "../state.js";
import { INVALID_ACCESS_TOKEN } from "../tokens.js";
import { invalidClient, invalidGrant, invalidRequest } from "./oauth2-error.js";

export const ACCESS_TOKEN_SECONDS = 1800;
export const REFRESH_TOKEN_SECONDS = 30 * 24 * 60 * 60;
export const AUTHORIZATION_CODE_SECONDS = 10 * 60;

/** The raw RFC 6749 §5.1 body Cal.com's token endpoint answers with. */
export interface OAuth2TokenResponse {
  access_token: string;
  token_type: "bearer";
  refresh_token: string;
  expires_in: number;
  scope: string;
}

export interface NewAuthorizationCode {
  clientId: string;
  userId: number;
  redirectUri: string;
  scopes: string[];
  codeChallenge?: string;
  codeChallengeMethod?: string;
}

export interface OAuth2Grants {
  issueAuthorizationCode(input: NewAuthorizationCode): string;
  exchangeCode(input: {
    clientId: string;
    code: string;
    redirectUri: string;
    clientSecret?: string;
    codeVerifier?: string;
  }): OAuth2TokenResponse;
  refresh(input: { clientId: string; refreshToken: string; clientSecret?: string }): OAuth2TokenResponse;
  /** Tokens for an account without the consent page (a test shortcut). */
  issueTokens(clientId: string, userId: number, scopes: string[]): OAuth2TokenResponse;
  /** The record of an OAuth 2.0 access token, null when the value is not one; an expired one is Cal.com's 401. */
  verifyAccessToken(token: string): OAuth2TokenRecord | null;
  expireAccessTokens(filter?: { userId?: number; accessToken?: string }): number;
  revokeRefreshToken(refreshToken: string): boolean;
}

const base64url = (value: string | Buffer) => Buffer.from(value).toString("base64url");

/** RFC 7636 S256: BASE64URL(SHA256(code_verifier)) must equal the stored challenge. */
export function s256CodeChallenge(codeVerifier: string): string {
  return createHash("sha256").update(codeVerifier, "ascii").digest("base64url");
}

export function createOAuth2Grants(deps: { state: () => EmulatorState; clock: () => Date }): OAuth2Grants {
  // Per-process key: the signature only makes values look like Cal.com's HS256 JWTs; they are looked up by value.
  const signingKey = randomBytes(32);

  function mint(tokenType: "Access Token" | "Refresh Token", record: OAuth2TokenRecord, now: Date): string {
    const header = base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
    const payload = base64url(
      JSON.stringify({
        userId: record.userId,
        teamId: null,
        scope: record.scopes,
        token_type: tokenType,
        clientId: record.clientId,
        iat: Math.floor(now.getTime() / 1000),
        exp: Math.floor(record.expiresAt.getTime() / 1000),
        jti: randomUUID(),
      }),
    );
    return `${header}.${payload}.${createHmac("sha256", signingKey).update(`${header}.${payload}`).digest("base64url")}`;
  }

  function issueTokens(clientId: string, userId: number, scopes: string[]): OAuth2TokenResponse {
    const now = deps.clock();
    const state = deps.state();
    const access: OAuth2TokenRecord = {
      clientId,
      userId,
      scopes,
      expiresAt: new Date(now.getTime() + ACCESS_TOKEN_SECONDS * 1000),
      revokedAt: null,
    };
    const refresh: OAuth2TokenRecord = {
      clientId,
      userId,
      scopes,
      expiresAt: new Date(now.getTime() + REFRESH_TOKEN_SECONDS * 1000),
      revokedAt: null,
    };
    const accessToken = mint("Access Token", access, now);
    const refreshToken = mint("Refresh Token", refresh, now);
    state.oauth2AccessTokens.set(accessToken, access);
    state.oauth2RefreshTokens.set(refreshToken, refresh);
    return {
      access_token: accessToken,
      token_type: "bearer",
      refresh_token: refreshToken,
      expires_in: ACCESS_TOKEN_SECONDS,
      scope: scopes.join(" "),
    };
  }

  function clientOf(clientId: string): OAuth2Client {
    const client = deps.state().oauth2Clients.get(clientId);
    if (!client) throw invalidClient("client_not_found");
    return client;
  }

  /** OAuthService.validateClient: a confidential client must send its secret; a public one sends none. */
  function assertClientSecret(client: OAuth2Client, clientSecret: string | undefined): void {
    if (client.clientType === "CONFIDENTIAL" && (!clientSecret || clientSecret !== client.secret))
      throw invalidClient("invalid_client_credentials");
  }

  return {
    issueAuthorizationCode(input) {
      const code = randomBytes(40).toString("base64url");
      deps.state().authorizationCodes.set(code, {
        clientId: input.clientId,
        userId: input.userId,
        redirectUri: input.redirectUri,
        scopes: input.scopes,
        codeChallenge: input.codeChallenge ?? null,
        codeChallengeMethod: input.codeChallenge ? (input.codeChallengeMethod ?? "S256") : null,
        expiresAt: new Date(deps.clock().getTime() + AUTHORIZATION_CODE_SECONDS * 1000),
      });
      return code;
    },

    exchangeCode({ clientId, code, redirectUri, clientSecret, codeVerifier }) {
      const client = clientOf(clientId);
      // RFC 6749 §5.2: a redirect URI the client never registered is invalid_grant at the token step.
      if (!client.redirectUris.includes(redirectUri)) throw invalidGrant("redirect_uri_mismatch");
      // A confidential client proves itself with its secret, or (the PKCE-only builds) with a code_verifier.
      if (clientSecret !== undefined || !codeVerifier) assertClientSecret(client, clientSecret);

      const state = deps.state();
      const now = deps.clock();
      const stored = state.authorizationCodes.get(code);
      const valid = stored && stored.clientId === clientId && stored.expiresAt > now ? stored : undefined;
      // deleteExpiredAndUsedCodes runs before any later check: a code is spent even if PKCE then fails.
      if (stored?.clientId === clientId) state.authorizationCodes.delete(code);
      for (const [value, candidate] of state.authorizationCodes)
        if (candidate.expiresAt <= now) state.authorizationCodes.delete(value);
      if (!valid) throw invalidGrant("code_invalid_or_expired");
      if (valid.redirectUri !== redirectUri) throw invalidGrant("redirect_uri_mismatch");

      if (client.clientType === "PUBLIC" || valid.codeChallenge) {
        if (!valid.codeChallenge || !codeVerifier || valid.codeChallengeMethod !== "S256")
          throw invalidRequest("pkce_missing_parameters_or_invalid_method");
        if (s256CodeChallenge(codeVerifier) !== valid.codeChallenge) throw invalidGrant("pkce_verification_failed");
      } else if (clientSecret === undefined) {
        // A verifier without a challenge to check it against proves nothing about a confidential client.
        throw invalidClient("invalid_client_credentials");
      }
      return issueTokens(clientId, valid.userId, valid.scopes);
    },

    refresh({ clientId, refreshToken, clientSecret }) {
      const client = clientOf(clientId);
      assertClientSecret(client, clientSecret);
      const record = deps.state().oauth2RefreshTokens.get(refreshToken);
      const now = deps.clock();
      if (!record || record.expiresAt <= now) throw invalidGrant("invalid_refresh_token");
      if (record.clientId !== clientId) throw invalidGrant("client_id_mismatch");
      if (record.revokedAt) throw invalidGrant("refresh_token_already_used");
      // Rotation: the presented refresh token is spent; scopes carry over from the original grant.
      record.revokedAt = now;
      return issueTokens(clientId, record.userId, record.scopes);
    },

    issueTokens,

    verifyAccessToken(token) {
      const record = deps.state().oauth2AccessTokens.get(token);
      if (!record) return null;
      // Cal.com verifies these as JWTs: an expired one fails jwt.verify and is "Invalid Access Token." (401, not 498).
      if (deps.clock().getTime() >= record.expiresAt.getTime()) throw unauthorized(INVALID_ACCESS_TOKEN);
      return record;
    },

    expireAccessTokens(filter = {}) {
      const expiredAt = new Date(deps.clock().getTime() - 1000);
      let count = 0;
      for (const [value, record] of deps.state().oauth2AccessTokens) {
        if (filter.accessToken !== undefined && value !== filter.accessToken) continue;
        if (filter.userId !== undefined && record.userId !== filter.userId) continue;
        record.expiresAt = expiredAt;
        count += 1;
      }
      return count;
    },

    revokeRefreshToken(refreshToken) {
      const record = deps.state().oauth2RefreshTokens.get(refreshToken);
      if (!record || record.revokedAt) return false;
      record.revokedAt = deps.clock();
      return true;
    },
  };
}
