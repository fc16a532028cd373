// Contract (published OpenAPI document): the OAuth 2.0 token endpoint and client lookup, /v2/me, and the
// Platform managed-user endpoints ChurchHub calls, success and error answers.
import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { answerConsent } from "../test-support/oauth2-consent.js";
import { SANDBOX, useResetEmulatorPerTest } from "../test-support/start-emulator.js";
import {
  apiErrorBody,
  createManagedUserOutput,
  getManagedUserOutput,
  getManagedUsersOutput,
  getMeOutput,
  keysResponseDto,
  oauth2ClientResponseDto,
  oauth2ErrorBody,
  oauth2TokensDto,
  updateMeOutput,
} from "./openapi-schemas.js";

const api = useResetEmulatorPerTest();
const CLIENT = SANDBOX.oauth2Client;

async function code(clientId: string, codeChallenge?: string) {
  const location = await answerConsent(
    {
      origin: api.running.origin,
      clientId,
      redirectUri: CLIENT.redirectUri,
      state: "s",
      scope: "BOOKING_READ PROFILE_READ",
      ...(codeChallenge ? { codeChallenge } : {}),
    },
    { decision: "allow", accountId: SANDBOX.ordinaryAccount.id },
  );
  return location.searchParams.get("code")!;
}
const token = (body: Record<string, string>) => api.call("POST", "/auth/oauth2/token", { body });

describe("POST /v2/auth/oauth2/token", () => {
  it("200 OAuth2TokensDto for a confidential client (secret) and a public one (PKCE), and on refresh", async () => {
    const confidential = await token({
      client_id: CLIENT.id,
      client_secret: CLIENT.secret,
      grant_type: "authorization_code",
      code: await code(CLIENT.id),
      redirect_uri: CLIENT.redirectUri,
    });
    const tokens = oauth2TokensDto.parse(confidential.body);
    const verifier = randomBytes(32).toString("base64url");
    const challenge = createHash("sha256").update(verifier).digest("base64url");
    oauth2TokensDto.parse(
      (
        await token({
          client_id: SANDBOX.publicOAuth2Client.id,
          grant_type: "authorization_code",
          code: await code(SANDBOX.publicOAuth2Client.id, challenge),
          redirect_uri: CLIENT.redirectUri,
          code_verifier: verifier,
        })
      ).body,
    );
    oauth2TokensDto.parse(
      (
        await token({
          client_id: CLIENT.id,
          client_secret: CLIENT.secret,
          grant_type: "refresh_token",
          refresh_token: tokens.refresh_token,
        })
      ).body,
    );
  });

  it("errors are RFC 6749 bodies: secret + verifier 400, unknown client 401, bad code 400", async () => {
    const both = await token({
      client_id: CLIENT.id,
      client_secret: CLIENT.secret,
      grant_type: "authorization_code",
      code: await code(CLIENT.id),
      redirect_uri: CLIENT.redirectUri,
      code_verifier: "v".repeat(43),
    });
    expect(both.status).toBe(400);
    expect(oauth2ErrorBody.parse(both.body).error).toBe("invalid_request");
    const unknown = await token({
      client_id: "nobody",
      client_secret: "x",
      grant_type: "authorization_code",
      code: "c",
      redirect_uri: CLIENT.redirectUri,
    });
    expect(unknown.status).toBe(401);
    oauth2ErrorBody.parse(unknown.body);
    const bad = await token({
      client_id: CLIENT.id,
      client_secret: CLIENT.secret,
      grant_type: "authorization_code",
      code: "nope",
      redirect_uri: CLIENT.redirectUri,
    });
    expect(bad.status).toBe(400);
    expect(oauth2ErrorBody.parse(bad.body).error).toBe("invalid_grant");
  });
});

describe("GET /v2/auth/oauth2/clients/{clientId}", () => {
  it("200 OAuth2ClientResponseDto for both client types; 404 in the error envelope for an unknown one", async () => {
    oauth2ClientResponseDto.parse((await api.call("GET", `/auth/oauth2/clients/${CLIENT.id}`)).body);
    oauth2ClientResponseDto.parse(
      (await api.call("GET", `/auth/oauth2/clients/${SANDBOX.publicOAuth2Client.id}`)).body,
    );
    const unknown = await api.call("GET", "/auth/oauth2/clients/nobody");
    expect(unknown.status).toBe(404);
    apiErrorBody.parse(unknown.body);
  });
});

describe("/v2/me", () => {
  it("GetMeOutput and UpdateMeOutput for a managed user and an OAuth 2.0 account", async () => {
    const { accessToken } = await api.tokensFor(SANDBOX.pastor.id);
    const managed = { Authorization: `Bearer ${accessToken}` };
    expect(
      getMeOutput.parse((await api.call("GET", "/me", { headers: managed })).body).data.organization,
    ).toBeDefined();
    updateMeOutput.parse(
      (await api.call("PATCH", "/me", { headers: managed, body: { timeZone: "Europe/Paris" } })).body,
    );
    const oauth = api.emulator.issueOAuth2Tokens({ userId: SANDBOX.ordinaryAccount.id }).access_token;
    getMeOutput.parse((await api.call("GET", "/me", { headers: { Authorization: `Bearer ${oauth}` } })).body);
  });

  it("401, 498 and 403 in the error envelope", async () => {
    const none = await api.call("GET", "/me");
    expect(none.status).toBe(401);
    apiErrorBody.parse(none.body);
    const { accessToken } = await api.tokensFor(SANDBOX.pastor.id);
    api.emulator.expireAccessTokens({ accessToken });
    const expired = await api.call("GET", "/me", { headers: { Authorization: `Bearer ${accessToken}` } });
    expect(expired.status).toBe(498);
    apiErrorBody.parse(expired.body);
    const scoped = api.emulator.issueOAuth2Tokens({ userId: SANDBOX.ordinaryAccount.id, scopes: ["BOOKING_READ"] });
    const refused = await api.call("GET", "/me", { headers: { Authorization: `Bearer ${scoped.access_token}` } });
    expect(refused.status).toBe(403);
    apiErrorBody.parse(refused.body);
  });
});

describe("managed users (Platform)", () => {
  const base = `/oauth-clients/${SANDBOX.clientId}/users`;

  it("CreateManagedUserOutput (201), GetManagedUsersOutput, GetManagedUserOutput, KeysResponseDto", async () => {
    const created = await api.call("POST", base, {
      headers: api.clientHeaders,
      body: { email: "ruth.new@example.org", name: "Ruth New", timeZone: "Europe/London" },
    });
    expect(created.status).toBe(201);
    const { data } = createManagedUserOutput.parse(created.body);
    getManagedUsersOutput.parse((await api.call("GET", base, { headers: api.clientHeaders })).body);
    getManagedUserOutput.parse((await api.call("GET", `${base}/${data.user.id}`, { headers: api.clientHeaders })).body);
    const refreshed = await api.call("POST", `${base}/${data.user.id}/force-refresh`, { headers: api.clientHeaders });
    keysResponseDto.parse(refreshed.body);
    const rotated = await api.call("POST", `/oauth/${SANDBOX.clientId}/refresh`, {
      headers: { "x-cal-secret-key": SANDBOX.secret },
      body: { refreshToken: keysResponseDto.parse(refreshed.body).data.refreshToken },
    });
    keysResponseDto.parse(rotated.body);
  });

  it("409 and 401 in the error envelope", async () => {
    const body = { email: "dup@example.org", name: "Dup", timeZone: "Europe/London" };
    await api.call("POST", base, { headers: api.clientHeaders, body });
    const again = await api.call("POST", base, { headers: api.clientHeaders, body });
    expect(again.status).toBe(409);
    apiErrorBody.parse(again.body);
    const wrong = await api.call("GET", base, { headers: { "x-cal-secret-key": "nope" } });
    expect(wrong.status).toBe(401);
    apiErrorBody.parse(wrong.body);
  });
});
