// Contract: managed-user access tokens on the injected clock: 498 TokenExpiredException after 60 minutes,
// 401 "Invalid Access Token." for unknown ones, refresh rotation, the Origin check, /me and /provider.
import { describe, expect, it } from "vitest";
import { errorEnvelopeSchema, successEnvelopeSchema, successWithoutDataSchema } from "./schemas/envelope.schema.js";
import { tokensSchema } from "./schemas/managed-user.schema.js";
import { meSchema } from "./schemas/me.schema.js";
import { SANDBOX, useResetEmulatorPerTest } from "./test-support/start-emulator.js";

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const api = useResetEmulatorPerTest();

describe("access tokens", () => {
  it("serve GET /v2/me in Cal.com’s shape", async () => {
    const { accessToken } = await api.tokensFor(SANDBOX.pastor.id);
    const response = await api.call("GET", "/me", { headers: bearer(accessToken) });
    expect(response.status).toBe(200);
    expect(successEnvelopeSchema(meSchema).parse(response.body).data).toMatchObject({
      id: SANDBOX.pastor.id,
      username: SANDBOX.pastor.username,
      timeZone: "Europe/London",
      organizationId: 4100,
      organization: { isPlatform: true, id: 4100 },
    });
  });

  it("expire after 60 minutes with HTTP 498 TokenExpiredException ACCESS_TOKEN_IS_EXPIRED", async () => {
    const { accessToken } = await api.tokensFor(SANDBOX.pastor.id);
    api.clock.advance(59 * 60_000);
    expect((await api.call("GET", "/me", { headers: bearer(accessToken) })).status).toBe(200);
    api.clock.advance(2 * 60_000);
    const response = await api.call("GET", "/me", { headers: bearer(accessToken) });
    expect(response.status).toBe(498);
    expect(errorEnvelopeSchema.parse(response.body).error).toEqual({
      code: "TokenExpiredException",
      message: "ACCESS_TOKEN_IS_EXPIRED",
      details: "ACCESS_TOKEN_IS_EXPIRED",
    });
  });

  it('answer 401 "Invalid Access Token." when unknown', async () => {
    const response = await api.call("GET", "/me", { headers: bearer("eyJ.not-a-token.x") });
    expect(response.status).toBe(401);
    expect(errorEnvelopeSchema.parse(response.body).error).toMatchObject({
      code: "UnauthorizedException",
      message: "Invalid Access Token.",
    });
  });

  it("are refused from an Origin missing from the client’s redirect URIs", async () => {
    const { accessToken } = await api.tokensFor(SANDBOX.pastor.id);
    const allowed = await api.call("GET", "/me", {
      headers: { ...bearer(accessToken), Origin: "http://localhost:3000" },
    });
    expect(allowed.status).toBe(200);
    const refused = await api.call("GET", "/me", {
      headers: { ...bearer(accessToken), Origin: "https://elsewhere.example" },
    });
    expect(refused.status).toBe(401);
    expect(refused.body.error.message).toContain("add the origin 'https://elsewhere.example'");
  });

  it("let PATCH /v2/me change the time zone, as the Booker does", async () => {
    const { accessToken } = await api.tokensFor(SANDBOX.counsellor.id);
    const response = await api.call("PATCH", "/me", {
      headers: bearer(accessToken),
      body: { timeZone: "America/Chicago" },
    });
    expect(response.status).toBe(200);
    expect(meSchema.parse(response.body.data).timeZone).toBe("America/Chicago");
  });
});

describe("POST /v2/oauth/{clientId}/refresh", () => {
  const refresh = (refreshToken: string, secret: string = SANDBOX.secret) =>
    api.call("POST", `/oauth/${SANDBOX.clientId}/refresh`, {
      headers: { "x-cal-secret-key": secret },
      body: { refreshToken },
    });

  it("rotates: new tokens; the old refresh token is deleted; the old access token lives until it expires", async () => {
    const first = await api.tokensFor(SANDBOX.pastor.id);
    api.clock.advance(30 * 60_000);
    const response = await refresh(first.refreshToken);
    expect(response.status).toBe(200);
    const second = tokensSchema.parse(response.body.data);
    expect(second.accessTokenExpiresAt).toBe(Date.parse("2030-01-06T13:30:00.000Z"));

    const reuse = await refresh(first.refreshToken);
    expect(reuse.status).toBe(400);
    expect(errorEnvelopeSchema.parse(reuse.body).error).toMatchObject({
      code: "BadRequestException",
      message: "Invalid refresh token",
    });

    expect((await api.call("GET", "/me", { headers: bearer(first.accessToken) })).status).toBe(200);
    api.clock.advance(31 * 60_000);
    expect((await api.call("GET", "/me", { headers: bearer(first.accessToken) })).status).toBe(498);
    expect((await api.call("GET", "/me", { headers: bearer(second.accessToken) })).status).toBe(200);
  });

  it("answers 401 for a wrong client secret", async () => {
    const { refreshToken } = await api.tokensFor(SANDBOX.pastor.id);
    const response = await refresh(refreshToken, "wrong-secret");
    expect(response.status).toBe(401);
    expect(response.body.error.message).toBe("Invalid client secret");
  });

  it("refuses a refresh token revoked through the test hook", async () => {
    const { refreshToken } = await api.tokensFor(SANDBOX.pastor.id);
    expect(api.emulator.revokeRefreshToken(refreshToken)).toBe(true);
    expect((await refresh(refreshToken)).status).toBe(400);
  });
});

describe("GET /v2/provider/{clientId}/access-token (the CalProvider’s check)", () => {
  it('answers {status:"success"} for a live token, 498 once expired, 401 for an unknown one', async () => {
    const { accessToken } = await api.tokensFor(SANDBOX.pastor.id);
    const path = `/provider/${SANDBOX.clientId}/access-token`;
    const live = await api.call("GET", path, { headers: bearer(accessToken) });
    expect(live.status).toBe(200);
    successWithoutDataSchema.parse(live.body);

    expect(api.emulator.expireAccessTokens({ userId: SANDBOX.pastor.id })).toBe(1);
    expect((await api.call("GET", path, { headers: bearer(accessToken) })).status).toBe(498);
    expect((await api.call("GET", path, { headers: bearer("unknown") })).status).toBe(401);
  });

  it("answers 401 for an unknown client on GET /v2/provider/{clientId}", async () => {
    const response = await api.call("GET", "/provider/not-a-client");
    expect(response.status).toBe(401);
    expect(errorEnvelopeSchema.parse(response.body).error.code).toBe("UnauthorizedException");
  });
});
