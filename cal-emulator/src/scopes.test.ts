// Contract: OAuth 2.0 tokens of ordinary accounts are held to their granted scopes on every endpoint we call,
// as Cal.com's ThirdPartyPermissionsGuard does (403 ForbiddenException, "insufficient_scope: …"), and the
// fixtures' webhookScopeReading picks which of Cal.com's disagreeing readings /v2/webhooks follows.
import { describe, expect, it } from "vitest";
import { loadFixtures } from "./fixtures.js";
import type { WebhookScopeReading } from "./schemas/fixtures.schema.js";
import { errorEnvelopeSchema } from "./schemas/envelope.schema.js";
import { answerConsent, authorizationUrl } from "./test-support/oauth2-consent.js";
import { SANDBOX, useResetEmulatorPerTest } from "./test-support/start-emulator.js";

const RUTH = SANDBOX.ordinaryAccount.id;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}`, "cal-api-version": "2024-08-13" });
const webhookBody = { subscriberUrl: "https://hooks.example.org/cal", triggers: ["BOOKING_CREATED"], active: true };

function expectInsufficientScope(response: { status: number; body: unknown }, message: string | RegExp) {
  expect(response.status).toBe(403);
  const envelope = errorEnvelopeSchema.parse(response.body);
  expect(envelope.error.code).toBe("ForbiddenException");
  expect(envelope.error.message).toMatch(message);
}

function withReading(reading: WebhookScopeReading) {
  const fixtures = loadFixtures();
  return {
    ...fixtures,
    webhookScopeReading: reading,
    oauth2Clients: fixtures.oauth2Clients.map((client) =>
      client.clientId === SANDBOX.oauth2Client.id && reading === "webhook-scopes"
        ? { ...client, scopes: [...client.scopes, "WEBHOOK_READ", "WEBHOOK_WRITE"] }
        : client,
    ),
  };
}

describe("scopes on the endpoints we call (sandbox reading: webhooks need no scope)", () => {
  const api = useResetEmulatorPerTest();
  const tokenWith = (scopes: string[]) =>
    api.emulator.issueOAuth2Tokens({ userId: RUTH, clientId: SANDBOX.oauth2Client.id, scopes }).access_token;

  it("the sandbox fixtures choose the reading under which the connect flow can register its webhook", () => {
    expect(api.emulator.state.webhookScopeReading).toBe("none");
  });

  it("GET /v2/me needs PROFILE_READ, PATCH /v2/me PROFILE_WRITE", async () => {
    const without = tokenWith(["BOOKING_READ"]);
    expectInsufficientScope(
      await api.call("GET", "/me", { headers: bearer(without) }),
      "insufficient_scope: token does not have the required scopes. Required: PROFILE_READ. Token has: BOOKING_READ",
    );
    const reader = tokenWith(["PROFILE_READ"]);
    expect((await api.call("GET", "/me", { headers: bearer(reader) })).status).toBe(200);
    expectInsufficientScope(
      await api.call("PATCH", "/me", { headers: bearer(reader), body: { timeZone: "Europe/Paris" } }),
      /Required: PROFILE_WRITE/,
    );
  });

  it("GET /v2/bookings needs BOOKING_READ", async () => {
    expectInsufficientScope(
      await api.call("GET", "/bookings", { headers: bearer(tokenWith(["PROFILE_READ"])) }),
      /Required: BOOKING_READ\. Token has: PROFILE_READ$/,
    );
    expect((await api.call("GET", "/bookings", { headers: bearer(tokenWith(["BOOKING_READ"])) })).status).toBe(200);
  });

  it("GET /v2/event-types and /v2/event-types/{id} need EVENT_TYPE_READ (public listing without a token stays open)", async () => {
    const without = tokenWith(["BOOKING_READ"]);
    const eventTypes = (token: string) => ({ ...bearer(token), "cal-api-version": "2024-06-14" });
    expectInsufficientScope(await api.call("GET", "/event-types", { headers: eventTypes(without) }), /EVENT_TYPE_READ/);
    expectInsufficientScope(
      await api.call("GET", `/event-types/${SANDBOX.youthMentoring}`, { headers: eventTypes(without) }),
      /EVENT_TYPE_READ/,
    );
    const reader = tokenWith(["EVENT_TYPE_READ"]);
    const own = await api.call("GET", `/event-types/${SANDBOX.youthMentoring}`, { headers: eventTypes(reader) });
    expect(own.status).toBe(200);
    const listing = await api.call("GET", `/event-types?username=${SANDBOX.ordinaryAccount.username}`, {
      headers: { "cal-api-version": "2024-06-14" },
    });
    expect(listing.status).toBe(200);
  });

  it("lets a legacy token (no scopes, or only READ_BOOKING/READ_PROFILE) through everywhere", async () => {
    for (const scopes of [[], ["READ_BOOKING"]]) {
      const legacy = tokenWith(scopes);
      expect((await api.call("GET", "/me", { headers: bearer(legacy) })).status).toBe(200);
      expect((await api.call("GET", "/bookings", { headers: bearer(legacy) })).status).toBe(200);
    }
  });

  it("does not hold managed-user tokens to OAuth 2.0 scopes", async () => {
    const { accessToken } = await api.tokensFor(SANDBOX.pastor.id);
    expect((await api.call("GET", "/me", { headers: bearer(accessToken) })).status).toBe(200);
  });

  it('webhooks: "none" lets a token without any webhook scope manage its webhooks', async () => {
    const token = tokenWith(["BOOKING_READ"]);
    const created = await api.call("POST", "/webhooks", { headers: bearer(token), body: webhookBody });
    expect(created.status).toBe(201);
    expect((await api.call("GET", "/webhooks", { headers: bearer(token) })).status).toBe(200);
    expect((await api.call("DELETE", `/webhooks/${created.body.data.id}`, { headers: bearer(token) })).status).toBe(
      200,
    );
  });

  it("refuses WEBHOOK_* at the authorize step under this reading (Cal.com's scope list has none)", async () => {
    const page = await fetch(
      authorizationUrl({
        origin: api.running.origin,
        clientId: SANDBOX.oauth2Client.id,
        redirectUri: SANDBOX.oauth2Client.redirectUri,
        state: "s",
        scope: "BOOKING_READ WEBHOOK_WRITE",
      }),
      { redirect: "manual" },
    );
    const location = new URL(page.headers.get("location") ?? "");
    expect(location.searchParams.get("error")).toBe("invalid_request");
    expect(location.searchParams.get("error_description")).toBe("Requested scope is not a recognized scope");
  });
});

describe('webhooks under the "webhook-scopes" reading', () => {
  const api = useResetEmulatorPerTest({ fixtures: withReading("webhook-scopes") });
  const tokenWith = (scopes: string[]) =>
    api.emulator.issueOAuth2Tokens({ userId: RUTH, clientId: SANDBOX.oauth2Client.id, scopes }).access_token;

  it("POST/PATCH/DELETE need WEBHOOK_WRITE and GET needs WEBHOOK_READ", async () => {
    const none = tokenWith(["BOOKING_READ"]);
    expectInsufficientScope(
      await api.call("POST", "/webhooks", { headers: bearer(none), body: webhookBody }),
      "insufficient_scope: token does not have the required scopes. Required: WEBHOOK_WRITE. Token has: BOOKING_READ",
    );
    expectInsufficientScope(await api.call("GET", "/webhooks", { headers: bearer(none) }), /Required: WEBHOOK_READ/);

    const writer = tokenWith(["BOOKING_READ", "WEBHOOK_WRITE"]);
    const created = await api.call("POST", "/webhooks", { headers: bearer(writer), body: webhookBody });
    expect(created.status).toBe(201);
    expectInsufficientScope(
      await api.call("GET", `/webhooks/${created.body.data.id}`, { headers: bearer(writer) }),
      /Required: WEBHOOK_READ/,
    );
    const both = tokenWith(["WEBHOOK_READ", "WEBHOOK_WRITE"]);
    expect((await api.call("GET", "/webhooks", { headers: bearer(both) })).body.data).toHaveLength(1);
    expect(
      (await api.call("PATCH", `/webhooks/${created.body.data.id}`, { headers: bearer(both), body: { active: false } }))
        .status,
    ).toBe(200);
  });

  it("recognises WEBHOOK_* at the authorize step and grants them", async () => {
    const location = await answerConsent(
      {
        origin: api.running.origin,
        clientId: SANDBOX.oauth2Client.id,
        redirectUri: SANDBOX.oauth2Client.redirectUri,
        state: "s",
        scope: "BOOKING_READ WEBHOOK_WRITE",
      },
      { decision: "allow", accountId: RUTH },
    );
    expect(location.searchParams.get("code")).toBeTruthy();
  });
});

describe('webhooks under the "unavailable" reading (no @Permissions on the controller)', () => {
  const api = useResetEmulatorPerTest({ fixtures: withReading("unavailable") });

  it("refuses every /v2/webhooks call of a scoped token, whatever its scopes", async () => {
    const token = api.emulator.issueOAuth2Tokens({ userId: RUTH }).access_token;
    expectInsufficientScope(
      await api.call("POST", "/webhooks", { headers: bearer(token), body: webhookBody }),
      "insufficient_scope: this endpoint is not available for third-party OAuth tokens",
    );
    expectInsufficientScope(await api.call("GET", "/webhooks", { headers: bearer(token) }), /not available/);
    expect((await api.call("GET", "/bookings", { headers: bearer(token) })).status).toBe(200);
  });
});
