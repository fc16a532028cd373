// Contract: user webhooks (/v2/webhooks, `v2/modules/webhooks/`; webhooks.controller.ts and its e2e spec) created with
// an ordinary account's OAuth 2.0 token: CRUD in the {status,data} envelope, 409 on a second subscription to
// the same URL, 403/404 for others' and unknown ids, and deliveries of that account's bookings signed with
// the subscription's own secret (checked independently here), none after deletion; the PING test hook.
import { createHmac, timingSafeEqual } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { errorEnvelopeSchema, successEnvelopeSchema } from "./schemas/envelope.schema.js";
import { userWebhookSchema } from "./schemas/user-webhook.schema.js";
import { webhookBodySchema, webhookPingBodySchema } from "./schemas/webhook.schema.js";
import { SANDBOX, SUNDAY_NOON, startTestEmulator, type TestEmulator } from "./test-support/start-emulator.js";
import { startWebhookReceiver, type ReceivedWebhook, type WebhookReceiver } from "./test-support/webhook-receiver.js";

const PLATFORM_SECRET = "whsec-platform";
const RUTH_SECRET = "whsec-ruth-connection-7f2e";
const V2024_08_13 = { "cal-api-version": "2024-08-13" };
const BOOKING_TRIGGERS = ["BOOKING_CREATED", "BOOKING_RESCHEDULED", "BOOKING_CANCELLED", "BOOKING_REQUESTED"];

let api: TestEmulator;
let platform: WebhookReceiver;
let connection: WebhookReceiver;
let ruth: Record<string, string>;
let samuel: Record<string, string>;

beforeAll(async () => {
  platform = await startWebhookReceiver();
  connection = await startWebhookReceiver();
  api = await startTestEmulator({ webhook: { subscriberUrl: platform.url, secret: PLATFORM_SECRET } });
});
beforeEach(() => {
  api.emulator.reset();
  api.clock.set(SUNDAY_NOON);
  platform.received.length = 0;
  connection.received.length = 0;
  const tokenOf = (userId: number) => ({
    Authorization: `Bearer ${api.emulator.issueOAuth2Tokens({ userId }).access_token}`,
  });
  ruth = tokenOf(SANDBOX.ordinaryAccount.id);
  samuel = tokenOf(SANDBOX.secondOrdinaryAccount.id);
});
afterEach(() => api.emulator.settleWebhooks());
afterAll(async () => {
  await api.stop();
  await platform.close();
  await connection.close();
});

const subscribe = (headers: Record<string, string>, body: Record<string, unknown> = {}) =>
  api.call("POST", "/webhooks", {
    headers,
    body: { subscriberUrl: connection.url, triggers: BOOKING_TRIGGERS, active: true, secret: RUTH_SECRET, ...body },
  });

const bookRuth = (start = "2030-01-08T13:00:00Z") =>
  api.call("POST", "/bookings", {
    headers: V2024_08_13,
    body: {
      start,
      eventTypeId: SANDBOX.youthMentoring,
      attendee: { name: "Kofi Mensah", email: "kofi@example.org", timeZone: "Europe/Berlin" },
    },
  });

function verifiedWith(secret: string, delivery: ReceivedWebhook): unknown {
  const expected = createHmac("sha256", secret).update(Buffer.from(delivery.rawBody, "utf8")).digest();
  const signature = String(delivery.headers["x-cal-signature-256"]);
  expect(signature).toMatch(/^[0-9a-f]{64}$/);
  expect(timingSafeEqual(expected, Buffer.from(signature, "hex"))).toBe(true);
  return JSON.parse(delivery.rawBody);
}

describe("POST /v2/webhooks", () => {
  it("creates the subscription for the token’s user (201) with a UUID id", async () => {
    const response = await subscribe(ruth, { payloadTemplate: undefined });
    expect(response.status).toBe(201);
    expect(successEnvelopeSchema(userWebhookSchema).parse(response.body).data).toEqual({
      id: expect.any(String),
      userId: SANDBOX.ordinaryAccount.id,
      triggers: BOOKING_TRIGGERS,
      subscriberUrl: connection.url,
      active: true,
      payloadTemplate: null,
      secret: RUTH_SECRET,
    });
  });

  it("refuses the same subscriber URL twice for one user with 409, but another user may use it", async () => {
    expect((await subscribe(ruth)).status).toBe(201);
    const again = await subscribe(ruth, { secret: "another" });
    expect(again.status).toBe(409);
    expect(errorEnvelopeSchema.parse(again.body).error).toMatchObject({
      code: "ConflictException",
      message: "Webhook with this subscriber url already exists for this user",
    });
    expect((await subscribe(samuel)).status).toBe(201);
  });

  it("refuses PING as a trigger (it is only the test button) and DELEGATION_CREDENTIAL_ERROR (organization webhooks only)", async () => {
    const ping = await subscribe(ruth, { triggers: ["BOOKING_CREATED", "PING"] });
    expect(ping.status).toBe(400);
    expect(errorEnvelopeSchema.parse(ping.body).error.code).toBe("BadRequestException");
    const delegation = await subscribe(ruth, { triggers: ["DELEGATION_CREDENTIAL_ERROR"] });
    expect(delegation.status).toBe(400);
    expect(delegation.body.error.message).toBe(
      "DELEGATION_CREDENTIAL_ERROR trigger is only available for organization webhooks",
    );
  });

  it("needs subscriberUrl, triggers and active, and a user token", async () => {
    const missing = await api.call("POST", "/webhooks", { headers: ruth, body: { subscriberUrl: connection.url } });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.errors.map((error: { property: string }) => error.property).sort()).toEqual([
      "active",
      "triggers",
    ]);
    expect(
      (await api.call("POST", "/webhooks", { body: { subscriberUrl: connection.url, triggers: [], active: true } }))
        .status,
    ).toBe(401);
  });
});

describe("GET, PATCH and DELETE /v2/webhooks", () => {
  it("lists only the caller’s own subscriptions, paged by take and skip", async () => {
    const first = (await subscribe(ruth)).body.data;
    const second = (await subscribe(ruth, { subscriberUrl: `${connection.url}/second` })).body.data;
    await subscribe(samuel);
    const all = await api.call("GET", "/webhooks", { headers: ruth });
    expect(
      successEnvelopeSchema(z.array(userWebhookSchema))
        .parse(all.body)
        .data.map((webhook) => webhook.id),
    ).toEqual([first.id, second.id]);
    const page = await api.call("GET", "/webhooks?take=1&skip=1", { headers: ruth });
    expect(page.body.data.map((webhook: { id: string }) => webhook.id)).toEqual([second.id]);
  });

  it("reads, updates and deletes one by id; another user’s is 403, an unknown id 404", async () => {
    const created = (await subscribe(ruth)).body.data;
    expect((await api.call("GET", `/webhooks/${created.id}`, { headers: ruth })).body.data).toEqual(created);
    const patched = await api.call("PATCH", `/webhooks/${created.id}`, {
      headers: ruth,
      body: { active: false, triggers: ["BOOKING_CANCELLED"] },
    });
    expect(patched.status).toBe(200);
    expect(userWebhookSchema.parse(patched.body.data)).toEqual({
      ...created,
      active: false,
      triggers: ["BOOKING_CANCELLED"],
    });

    const foreign = await api.call("GET", `/webhooks/${created.id}`, { headers: samuel });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error).toMatchObject({ code: "ForbiddenException", message: "Forbidden resource" });
    expect((await api.call("DELETE", `/webhooks/${created.id}`, { headers: samuel })).status).toBe(403);
    const unknown = await api.call("GET", "/webhooks/7d9d5a1e-0000-4000-8000-000000000000", { headers: ruth });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe("Webhook (7d9d5a1e-0000-4000-8000-000000000000) not found");

    const deleted = await api.call("DELETE", `/webhooks/${created.id}`, { headers: ruth });
    expect(deleted.status).toBe(200);
    expect(deleted.body.data.id).toBe(created.id);
    expect((await api.call("GET", `/webhooks/${created.id}`, { headers: ruth })).status).toBe(404);
    expect(api.emulator.userWebhooks()).toEqual([]);
  });
});

describe("deliveries to user webhooks", () => {
  it("a booking of the account’s event type is delivered to its subscription, signed with that subscription’s secret", async () => {
    await subscribe(ruth);
    const booking = (await bookRuth()).body.data;
    const [delivery] = await connection.waitFor(1);
    const body = webhookBodySchema.parse(verifiedWith(RUTH_SECRET, delivery!));
    expect(body.triggerEvent).toBe("BOOKING_CREATED");
    expect(body.payload).toMatchObject({
      uid: booking.uid,
      type: "youth-mentoring",
      eventTypeId: SANDBOX.youthMentoring,
      organizer: {
        id: SANDBOX.ordinaryAccount.id,
        username: SANDBOX.ordinaryAccount.username,
        timeZone: "Europe/Berlin",
        utcOffset: 60,
      },
      startTime: "2030-01-08T13:00:00Z",
      status: "ACCEPTED",
    });
    expect(body.payload).not.toHaveProperty("platformClientId");
    // The platform subscription hears managed users' bookings only.
    await api.emulator.settleWebhooks();
    expect(platform.received).toHaveLength(0);
  });

  it("reaches only the organizer’s subscriptions whose triggers include the event, and only active ones", async () => {
    const samuelsReceiver = await startWebhookReceiver();
    try {
      await subscribe(samuel, { subscriberUrl: samuelsReceiver.url, secret: "whsec-samuel" });
      const cancelsOnly = (await subscribe(ruth, { triggers: ["BOOKING_CANCELLED"] })).body.data;
      await subscribe(ruth, { subscriberUrl: `${connection.url}/inactive`, active: false });
      const booking = (await bookRuth()).body.data;
      await api.emulator.settleWebhooks();
      expect(connection.received).toHaveLength(0);
      await api.call("POST", `/bookings/${booking.uid}/cancel`, {
        headers: V2024_08_13,
        body: { cancellationReason: "Ill" },
      });
      const [delivery] = await connection.waitFor(1);
      expect(JSON.parse(delivery!.rawBody).triggerEvent).toBe("BOOKING_CANCELLED");
      const deliveries = await api.emulator.settleWebhooks();
      expect(deliveries.map((sent) => [sent.subscriptionId, sent.triggerEvent])).toEqual([
        [cancelsOnly.id, "BOOKING_CANCELLED"],
      ]);
      expect(samuelsReceiver.received).toHaveLength(0);
    } finally {
      await samuelsReceiver.close();
    }
  });

  it("stop once the subscription is deleted", async () => {
    const created = (await subscribe(ruth)).body.data;
    await api.call("DELETE", `/webhooks/${created.id}`, { headers: ruth });
    expect((await bookRuth()).status).toBe(201);
    expect(await api.emulator.settleWebhooks()).toEqual([]);
    expect(connection.received).toHaveLength(0);
  });

  it("leave managed users’ bookings to the platform subscription, signed with its secret", async () => {
    await subscribe(ruth);
    await api.call("POST", "/bookings", {
      headers: V2024_08_13,
      body: {
        start: "2030-01-07T10:00:00Z",
        eventTypeId: SANDBOX.pastoralConversation,
        attendee: { name: "Kim Ode", email: "kim@example.org", timeZone: "Europe/London" },
      },
    });
    const [delivery] = await platform.waitFor(1);
    expect(webhookBodySchema.parse(verifiedWith(PLATFORM_SECRET, delivery!)).payload.organizer.id).toBe(
      SANDBOX.pastor.id,
    );
    await api.emulator.settleWebhooks();
    expect(connection.received).toHaveLength(0);
  });
});

describe("pingWebhook", () => {
  it("sends Cal.com’s PING test body to the subscription, signed with its secret, whatever its triggers", async () => {
    const created = (await subscribe(ruth, { triggers: ["BOOKING_CANCELLED"] })).body.data;
    api.clock.set("2030-07-01T09:30:00.000Z"); // summer: London is UTC+1
    const delivery = await api.emulator.pingWebhook(created.id);
    expect(delivery).toMatchObject({ triggerEvent: "PING", subscriptionId: created.id, status: 200, ok: true });
    const [received] = await connection.waitFor(1);
    expect(webhookPingBodySchema.parse(verifiedWith(RUTH_SECRET, received!))).toEqual({
      triggerEvent: "PING",
      createdAt: "2030-07-01T09:30:00.000Z",
      payload: {
        type: "Test",
        title: "Test trigger event",
        startTime: "2030-07-01T09:30:00.000Z",
        endTime: "2030-07-01T09:30:00.000Z",
        attendees: [
          {
            email: "jdoe@example.com",
            name: "John Doe",
            timeZone: "Europe/London",
            language: { locale: "en" },
            utcOffset: 60,
          },
        ],
        organizer: {
          name: "Cal",
          email: "no-reply@cal.com",
          timeZone: "Europe/London",
          language: { locale: "en" },
          utcOffset: 60,
        },
      },
    });
  });

  it("is served over HTTP too, and user webhooks can be listed there", async () => {
    const created = (await subscribe(ruth)).body.data;
    const admin = `${api.running.origin}/_emulator/webhooks/user-webhooks`;
    expect(await (await fetch(`${admin}?userId=${SANDBOX.ordinaryAccount.id}`)).json()).toEqual({
      webhooks: [created],
    });
    const pinged = await fetch(`${admin}/${created.id}/ping`, { method: "POST" });
    expect(((await pinged.json()) as { delivery: unknown }).delivery).toMatchObject({ triggerEvent: "PING", ok: true });
    expect((await fetch(`${admin}/no-such-id/ping`, { method: "POST" })).status).toBe(404);
  });
});

describe("reset", () => {
  it("forgets user webhooks", async () => {
    await subscribe(ruth);
    api.emulator.reset();
    expect(api.emulator.userWebhooks()).toEqual([]);
  });
});
