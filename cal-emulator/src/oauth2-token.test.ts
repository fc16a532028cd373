// Contract: POST /v2/auth/oauth2/token for ordinary accounts (docs oauth.mdx §3–4; OAuthService): the
// authorization_code grant (single-use 10-minute codes bound to client, redirect URI and PKCE challenge),
// the refresh_token grant with rotation, raw RFC 6749 bodies with Cache-Control: no-store, and what the
// tokens open: /v2/me, the account's own /v2/bookings, 401 (not 498) once expired.
import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { errorEnvelopeSchema, successEnvelopeSchema } from "./schemas/envelope.schema.js";
import { meSchema } from "./schemas/me.schema.js";
import { oauth2ErrorSchema, oauth2TokenResponseSchema } from "./schemas/oauth2.schema.js";
import { answerConsent, type ConsentRequest } from "./test-support/oauth2-consent.js";
import { SANDBOX, useResetEmulatorPerTest } from "./test-support/start-emulator.js";

const CLIENT = SANDBOX.oauth2Client;
const api = useResetEmulatorPerTest();

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const pkcePair = () => {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
};

async function codeFor(
  overrides: Partial<ConsentRequest> = {},
  accountId: number = SANDBOX.ordinaryAccount.id,
): Promise<string> {
  const request: ConsentRequest = {
    origin: api.running.origin,
    clientId: CLIENT.id,
    redirectUri: CLIENT.redirectUri,
    state: "st-1",
    scope: "PROFILE_READ BOOKING_READ",
    ...overrides,
  };
  const location = await answerConsent(request, { decision: "allow", accountId });
  return location.searchParams.get("code")!;
}

const token = (body: Record<string, string>) => api.call("POST", "/auth/oauth2/token", { body });
const exchange = (code: string, extra: Record<string, string> = {}) =>
  token({
    client_id: CLIENT.id,
    client_secret: CLIENT.secret,
    grant_type: "authorization_code",
    code,
    redirect_uri: CLIENT.redirectUri,
    ...extra,
  });
/** The public input class: the verifier and no client_secret key at all. */
const exchangeWithVerifier = (code: string, codeVerifier: string, clientId: string = CLIENT.id) =>
  token({
    client_id: clientId,
    grant_type: "authorization_code",
    code,
    redirect_uri: CLIENT.redirectUri,
    code_verifier: codeVerifier,
  });
const refresh = (refreshToken: string) =>
  token({
    client_id: CLIENT.id,
    client_secret: CLIENT.secret,
    grant_type: "refresh_token",
    refresh_token: refreshToken,
  });

function expectOAuthError(
  response: { status: number; body: unknown },
  status: number,
  error: string,
  description: string,
) {
  expect(response.status).toBe(status);
  expect(oauth2ErrorSchema.parse(response.body)).toEqual({ error, error_description: description });
}

describe("grant_type=authorization_code", () => {
  it("answers the raw RFC 6749 body with the granted scopes, not cached, and the token opens /v2/me of the chosen account", async () => {
    const response = await exchange(await codeFor());
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const tokens = oauth2TokenResponseSchema.parse(response.body);
    expect(tokens).toMatchObject({ token_type: "bearer", expires_in: 1800, scope: "PROFILE_READ BOOKING_READ" });
    expect(tokens.access_token.split(".")).toHaveLength(3);
    const me = await api.call("GET", "/me", { headers: bearer(tokens.access_token) });
    expect(me.status).toBe(200);
    expect(successEnvelopeSchema(meSchema).parse(me.body).data).toEqual({
      id: SANDBOX.ordinaryAccount.id,
      username: "ruth-mensah",
      email: "ruth.mensah@example.net",
      name: "Ruth Mensah",
      avatarUrl: null,
      bio: "Youth worker with her own Cal.com account (connects through OAuth 2.0).",
      timeFormat: 24,
      defaultScheduleId: 8101,
      weekStart: "Monday",
      timeZone: "Europe/Berlin",
      organizationId: null,
    });
  });

  it("accepts an application/x-www-form-urlencoded body (RFC 6749 §4.1.3)", async () => {
    const code = await codeFor();
    const response = await fetch(`${api.running.url}/auth/oauth2/token`, {
      method: "POST",
      body: new URLSearchParams({
        client_id: CLIENT.id,
        client_secret: CLIENT.secret,
        grant_type: "authorization_code",
        code,
        redirect_uri: CLIENT.redirectUri,
      }),
    });
    expect(response.status).toBe(200);
    oauth2TokenResponseSchema.parse(await response.json());
  });

  it("uses each code once: the second exchange is invalid_grant", async () => {
    const code = await codeFor();
    expect((await exchange(code)).status).toBe(200);
    expectOAuthError(await exchange(code), 400, "invalid_grant", "code_invalid_or_expired");
  });

  it("lets a code live 10 minutes on the emulator clock", async () => {
    const fresh = await codeFor();
    const stale = await codeFor();
    api.clock.advance(10 * 60_000 - 1000);
    expect((await exchange(fresh)).status).toBe(200);
    api.clock.advance(1000);
    expectOAuthError(await exchange(stale), 400, "invalid_grant", "code_invalid_or_expired");
  });

  it("binds the code to its redirect URI and its client", async () => {
    const code = await codeFor();
    expectOAuthError(
      await exchange(code, { redirect_uri: "http://localhost:3001/oauth/cal/callback" }),
      400,
      "invalid_grant",
      "redirect_uri_mismatch",
    );
    const other = await codeFor();
    const asPublicClient = await token({
      client_id: SANDBOX.publicOAuth2Client.id,
      grant_type: "authorization_code",
      code: other,
      redirect_uri: CLIENT.redirectUri,
      code_verifier: "x".repeat(43),
    });
    expectOAuthError(asPublicClient, 400, "invalid_grant", "code_invalid_or_expired");
  });

  it("authenticates the client: unknown → 401 client_not_found, wrong or missing secret → 401 invalid_client_credentials", async () => {
    const code = await codeFor();
    expectOAuthError(await exchange(code, { client_id: "nobody" }), 401, "invalid_client", "client_not_found");
    expectOAuthError(
      await exchange(code, { client_secret: "wrong" }),
      401,
      "invalid_client",
      "invalid_client_credentials",
    );
    expectOAuthError(await exchange(code, { client_secret: "" }), 401, "invalid_client", "invalid_client_credentials");
    // Without the key the pipe reads the public input, which needs a verifier.
    const withoutSecret = await token({
      client_id: CLIENT.id,
      grant_type: "authorization_code",
      code,
      redirect_uri: CLIENT.redirectUri,
    });
    expectOAuthError(
      withoutSecret,
      400,
      "invalid_request",
      "code_verifier property is wrong,code_verifier must be a string ",
    );
    // None of these spent the code.
    expect((await exchange(code)).status).toBe(200);
  });

  it("answers malformed requests with invalid_request in the token pipe’s words", async () => {
    expectOAuthError(
      await token({ grant_type: "authorization_code" }),
      400,
      "invalid_request",
      "client_id is required",
    );
    expectOAuthError(
      await token({ client_id: CLIENT.id, grant_type: "password" }),
      400,
      "invalid_request",
      "grant_type must be 'authorization_code' or 'refresh_token'",
    );
    expectOAuthError(
      await token({
        client_id: CLIENT.id,
        client_secret: CLIENT.secret,
        grant_type: "authorization_code",
        redirect_uri: CLIENT.redirectUri,
      }),
      400,
      "invalid_request",
      "code property is wrong,code must be a string ",
    );
  });
});

describe("PKCE (S256)", () => {
  it("is verified when the code was issued with a challenge; a wrong verifier is invalid_grant and spends the code", async () => {
    const { verifier, challenge } = pkcePair();
    const code = await codeFor({ codeChallenge: challenge });
    expectOAuthError(
      await exchangeWithVerifier(code, pkcePair().verifier),
      400,
      "invalid_grant",
      "pkce_verification_failed",
    );
    expectOAuthError(await exchangeWithVerifier(code, verifier), 400, "invalid_grant", "code_invalid_or_expired");
  });

  it("needs the verifier when a challenge was given (invalid_request without it)", async () => {
    const code = await codeFor({ codeChallenge: pkcePair().challenge });
    expectOAuthError(await exchange(code), 400, "invalid_request", "pkce_missing_parameters_or_invalid_method");
  });

  it("refuses client_secret and code_verifier together: the confidential input forbids the verifier", async () => {
    const { verifier, challenge } = pkcePair();
    const code = await codeFor({ codeChallenge: challenge });
    expectOAuthError(
      await exchange(code, { code_verifier: verifier }),
      400,
      "invalid_request",
      "code_verifier property is wrong,property code_verifier should not exist ",
    );
    // Refused before the grant is looked at: the code is still good for a well-formed request.
    expect((await exchangeWithVerifier(code, verifier)).status).toBe(200);
  });

  it("refuses any field the chosen input class does not declare", async () => {
    const code = await codeFor();
    expectOAuthError(
      await exchange(code, { scope: "BOOKING_READ" }),
      400,
      "invalid_request",
      "scope property is wrong,property scope should not exist ",
    );
    const tokens = oauth2TokenResponseSchema.parse((await exchange(code)).body);
    const refreshWithVerifier = await token({
      client_id: CLIENT.id,
      client_secret: CLIENT.secret,
      grant_type: "refresh_token",
      refresh_token: tokens.refresh_token,
      code_verifier: "x".repeat(43),
    });
    expectOAuthError(
      refreshWithVerifier,
      400,
      "invalid_request",
      "code_verifier property is wrong,property code_verifier should not exist ",
    );
  });

  it("lets the confidential client prove itself with the verifier alone when the code has a challenge (PKCE-only builds)", async () => {
    const { verifier, challenge } = pkcePair();
    expect((await exchangeWithVerifier(await codeFor({ codeChallenge: challenge }), verifier)).status).toBe(200);
    // Without a challenge on the code a verifier proves nothing.
    expectOAuthError(
      await exchangeWithVerifier(await codeFor(), pkcePair().verifier),
      401,
      "invalid_client",
      "invalid_client_credentials",
    );
  });

  it("is how a public client authenticates (no secret)", async () => {
    const { verifier, challenge } = pkcePair();
    const code = await codeFor({
      clientId: SANDBOX.publicOAuth2Client.id,
      scope: "BOOKING_READ",
      codeChallenge: challenge,
    });
    const response = await token({
      client_id: SANDBOX.publicOAuth2Client.id,
      grant_type: "authorization_code",
      code,
      redirect_uri: SANDBOX.publicOAuth2Client.redirectUri,
      code_verifier: verifier,
    });
    expect(oauth2TokenResponseSchema.parse(response.body).scope).toBe("BOOKING_READ");
  });
});

describe("client types", () => {
  it("a public client that sends a client_secret is read as the confidential input and has no verifier for its PKCE", async () => {
    const code = await codeFor({
      clientId: SANDBOX.publicOAuth2Client.id,
      scope: "BOOKING_READ",
      codeChallenge: pkcePair().challenge,
    });
    const withSecret = await token({
      client_id: SANDBOX.publicOAuth2Client.id,
      client_secret: "anything",
      grant_type: "authorization_code",
      code,
      redirect_uri: SANDBOX.publicOAuth2Client.redirectUri,
    });
    expectOAuthError(withSecret, 400, "invalid_request", "pkce_missing_parameters_or_invalid_method");
    expect(api.emulator.fixtures.oauth2Clients.map((client) => [client.clientId, client.clientType])).toEqual([
      [CLIENT.id, "CONFIDENTIAL"],
      [SANDBOX.publicOAuth2Client.id, "PUBLIC"],
    ]);
  });
});

describe("grant_type=refresh_token", () => {
  it("rotates: a new pair with the original scopes, and the old refresh token is then invalid_grant", async () => {
    const first = oauth2TokenResponseSchema.parse((await exchange(await codeFor())).body);
    const response = await refresh(first.refresh_token);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const second = oauth2TokenResponseSchema.parse(response.body);
    expect(second.scope).toBe("PROFILE_READ BOOKING_READ");
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.access_token).not.toBe(first.access_token);
    expect((await api.call("GET", "/me", { headers: bearer(second.access_token) })).status).toBe(200);
    expectOAuthError(await refresh(first.refresh_token), 400, "invalid_grant", "refresh_token_already_used");
    expect((await refresh(second.refresh_token)).status).toBe(200);
  });

  it("refuses a revoked refresh token (test hook, in-process and over HTTP) with invalid_grant", async () => {
    const one = oauth2TokenResponseSchema.parse((await exchange(await codeFor())).body);
    expect(api.emulator.revokeOAuth2RefreshToken(one.refresh_token)).toBe(true);
    expectOAuthError(await refresh(one.refresh_token), 400, "invalid_grant", "refresh_token_already_used");

    const two = oauth2TokenResponseSchema.parse((await exchange(await codeFor())).body);
    const revoked = await fetch(`${api.running.origin}/_emulator/oauth2/tokens/revoke-refresh-token`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ refreshToken: two.refresh_token }),
    });
    expect(await revoked.json()).toEqual({ revoked: true });
    expectOAuthError(await refresh(two.refresh_token), 400, "invalid_grant", "refresh_token_already_used");
  });

  it("refuses an unknown refresh token, one past its 30 days, and one sent by another client", async () => {
    expectOAuthError(await refresh("eyJ.not-a-token.x"), 400, "invalid_grant", "invalid_refresh_token");
    const tokens = oauth2TokenResponseSchema.parse((await exchange(await codeFor())).body);
    const fromPublic = await token({
      client_id: SANDBOX.publicOAuth2Client.id,
      grant_type: "refresh_token",
      refresh_token: tokens.refresh_token,
    });
    expectOAuthError(fromPublic, 400, "invalid_grant", "client_id_mismatch");
    api.clock.advance(30 * 24 * 3600_000);
    expectOAuthError(await refresh(tokens.refresh_token), 400, "invalid_grant", "invalid_refresh_token");
  });

  it("needs the confidential client’s secret", async () => {
    const tokens = oauth2TokenResponseSchema.parse((await exchange(await codeFor())).body);
    const response = await token({
      client_id: CLIENT.id,
      grant_type: "refresh_token",
      refresh_token: tokens.refresh_token,
    });
    expectOAuthError(response, 401, "invalid_client", "invalid_client_credentials");
  });
});

describe("OAuth 2.0 access tokens", () => {
  it('expire after 1800 s with 401 "Invalid Access Token." (not 498)', async () => {
    const tokens = oauth2TokenResponseSchema.parse((await exchange(await codeFor())).body);
    api.clock.advance(1799_000);
    expect((await api.call("GET", "/me", { headers: bearer(tokens.access_token) })).status).toBe(200);
    api.clock.advance(1000);
    const expired = await api.call("GET", "/me", { headers: bearer(tokens.access_token) });
    expect(expired.status).toBe(401);
    expect(errorEnvelopeSchema.parse(expired.body).error).toMatchObject({
      code: "UnauthorizedException",
      message: "Invalid Access Token.",
    });
  });

  it("can be expired early by the test hook, in-process and over HTTP", async () => {
    const one = oauth2TokenResponseSchema.parse((await exchange(await codeFor())).body);
    expect(api.emulator.expireOAuth2AccessTokens({ accessToken: one.access_token })).toBe(1);
    expect((await api.call("GET", "/me", { headers: bearer(one.access_token) })).status).toBe(401);

    const two = oauth2TokenResponseSchema.parse((await exchange(await codeFor())).body);
    const expired = await fetch(`${api.running.origin}/_emulator/oauth2/tokens/expire`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ userId: SANDBOX.ordinaryAccount.id }),
    });
    // Every access token of that account, the one already expired above included.
    expect(await expired.json()).toEqual({ expired: 2 });
    expect((await api.call("GET", "/me", { headers: bearer(two.access_token) })).status).toBe(401);
  });

  it("list only the account’s own bookings on GET /v2/bookings", async () => {
    const v2024_08_13 = { "cal-api-version": "2024-08-13" };
    const book = (eventTypeId: number, start: string) =>
      api.call("POST", "/bookings", {
        headers: v2024_08_13,
        body: {
          start,
          eventTypeId,
          attendee: { name: "Ama Owusu", email: "ama@example.org", timeZone: "Europe/London" },
        },
      });
    const ruths = (await book(SANDBOX.youthMentoring, "2030-01-08T13:00:00Z")).body.data;
    expect((await book(SANDBOX.musicPlanning, "2030-01-07T18:00:00Z")).status).toBe(201);
    expect((await book(SANDBOX.pastoralConversation, "2030-01-07T10:00:00Z")).status).toBe(201);
    const tokens = oauth2TokenResponseSchema.parse((await exchange(await codeFor())).body);
    const list = await api.call("GET", "/bookings", { headers: { ...v2024_08_13, ...bearer(tokens.access_token) } });
    expect(list.status).toBe(200);
    expect(list.body.data.map((booking: { uid: string }) => booking.uid)).toEqual([ruths.uid]);
  });
});

describe("test hooks on the token endpoint", () => {
  it("counts its calls by route", async () => {
    await exchange(await codeFor());
    await token({ grant_type: "refresh_token" });
    expect(api.emulator.callCount("POST /v2/auth/oauth2/token")).toBe(2);
  });

  it("injects faults in OAuth’s error shape (server_error)", async () => {
    api.emulator.failNext("POST /v2/auth/oauth2/token", 1, 503);
    const response = await exchange(await codeFor());
    expect(response.status).toBe(503);
    expect(oauth2ErrorSchema.parse(response.body).error).toBe("server_error");
  });

  it("issues tokens without the consent page for tests that do not exercise it", async () => {
    const tokens = api.emulator.issueOAuth2Tokens({ userId: SANDBOX.secondOrdinaryAccount.id });
    expect(tokens.scope).toBe(CLIENT.scopes.join(" "));
    const me = await api.call("GET", "/me", { headers: bearer(tokens.access_token) });
    expect(me.body.data.username).toBe(SANDBOX.secondOrdinaryAccount.username);
    expect(() => api.emulator.issueOAuth2Tokens({ userId: SANDBOX.pastor.id })).toThrow(/not an ordinary account/);
  });
});
