// Contract: /v2/oauth-clients/{clientId}/webhooks, the platform OAuth client's webhooks (x-cal-secret-key):
// CRUD in Cal.com's shapes and errors, and deliveries of managed users' bookings to them, each signed with
// its own secret; ordinary accounts' bookings never reach them.
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { errorEnvelopeSchema, successEnvelopeSchema } from "./schemas/envelope.schema.js";
import { SANDBOX, useResetEmulatorPerTest } from "./test-support/start-emulator.js";
import { startWebhookReceiver, type WebhookReceiver } from "./test-support/webhook-receiver.js";

const api = useResetEmulatorPerTest();
const BASE = `/oauth-clients/${SANDBOX.clientId}/webhooks`;
const V2024_08_13 = { "cal-api-version": "2024-08-13" };
let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(() => receiver.close());

const platformWebhookSchema = z.strictObject({
  id: z.uuid(),
  oAuthClientId: z.literal(SANDBOX.clientId),
  triggers: z.array(z.string()),
  subscriberUrl: z.string(),
  active: z.boolean(),
  payloadTemplate: z.string().nullable(),
  secret: z.string().nullable(),
});

const create = (body: Record<string, unknown>, headers: Record<string, string> = api.clientHeaders) =>
  api.call("POST", BASE, { headers, body });

describe("CRUD", () => {
  it("creates (201), lists, reads, updates and deletes with the client's secret", async () => {
    const created = await create({
      subscriberUrl: "https://hooks.example.org/a",
      triggers: ["BOOKING_CREATED"],
      active: true,
      secret: "s1",
    });
    expect(created.status).toBe(201);
    const webhook = successEnvelopeSchema(platformWebhookSchema).parse(created.body).data;
    expect(webhook).toMatchObject({
      subscriberUrl: "https://hooks.example.org/a",
      secret: "s1",
      payloadTemplate: null,
    });

    const list = await api.call("GET", BASE, { headers: api.clientHeaders });
    expect(
      successEnvelopeSchema(z.array(platformWebhookSchema))
        .parse(list.body)
        .data.map((w) => w.id),
    ).toEqual([webhook.id]);
    const one = await api.call("GET", `${BASE}/${webhook.id}`, { headers: api.clientHeaders });
    expect(one.body.data.id).toBe(webhook.id);
    const patched = await api.call("PATCH", `${BASE}/${webhook.id}`, {
      headers: api.clientHeaders,
      body: { active: false },
    });
    expect(platformWebhookSchema.parse(patched.body.data).active).toBe(false);
    const removed = await api.call("DELETE", `${BASE}/${webhook.id}`, { headers: api.clientHeaders });
    expect(removed.status).toBe(200);
    expect((await api.call("GET", `${BASE}/${webhook.id}`, { headers: api.clientHeaders })).status).toBe(404);
  });

  it("deletes all of the client's webhooks with DELETE on the collection", async () => {
    await create({ subscriberUrl: "https://hooks.example.org/a", triggers: ["BOOKING_CREATED"], active: true });
    await create({ subscriberUrl: "https://hooks.example.org/b", triggers: ["BOOKING_CREATED"], active: true });
    const response = await api.call("DELETE", BASE, { headers: api.clientHeaders });
    expect(response.body).toEqual({ status: "success", data: "2 webhooks deleted" });
    expect((await api.call("GET", BASE, { headers: api.clientHeaders })).body.data).toEqual([]);
  });

  it("refuses a second webhook for the same URL (409) and an unknown trigger (400)", async () => {
    const body = { subscriberUrl: "https://hooks.example.org/a", triggers: ["BOOKING_CREATED"], active: true };
    await create(body);
    const again = await create(body);
    expect(again.status).toBe(409);
    expect(errorEnvelopeSchema.parse(again.body).error.message).toBe(
      "Webhook with this subscriber url already exists for this oAuth client",
    );
    expect((await create({ ...body, subscriberUrl: "https://hooks.example.org/p", triggers: ["PING"] })).status).toBe(
      400,
    );
  });

  it("needs the client's secret: wrong secret 401, a managed user's token 401, unknown client 401", async () => {
    const body = { subscriberUrl: "https://hooks.example.org/a", triggers: ["BOOKING_CREATED"], active: true };
    const wrong = await create(body, { "x-cal-secret-key": "nope" });
    expect(wrong.status).toBe(401);
    expect(errorEnvelopeSchema.parse(wrong.body).error.message).toBe("Invalid client secret");
    const { accessToken } = await api.tokensFor(SANDBOX.pastor.id);
    expect((await create(body, { Authorization: `Bearer ${accessToken}` })).status).toBe(401);
    const unknown = await api.call("GET", "/oauth-clients/nobody/webhooks", {
      headers: { "x-cal-secret-key": SANDBOX.secret },
    });
    expect(unknown.status).toBe(401);
    expect(api.emulator.platformWebhooks()).toEqual([]);
  });
});

describe("deliveries", () => {
  it("sends a managed user's booking to the client's active webhooks, each signed with its own secret", async () => {
    receiver.received.length = 0;
    await create({
      subscriberUrl: receiver.url,
      triggers: ["BOOKING_CREATED"],
      active: true,
      secret: "platform-secret",
    });
    await create({ subscriberUrl: `${receiver.url}/off`, triggers: ["BOOKING_CREATED"], active: false });
    const booked = await api.call("POST", "/bookings", {
      headers: V2024_08_13,
      body: {
        start: "2030-01-07T15:00:00Z",
        eventTypeId: SANDBOX.counsellingSession,
        attendee: { name: "Kim Ode", email: "kim@example.org", timeZone: "Europe/London" },
      },
    });
    expect(booked.status).toBe(201);
    const [delivery] = await receiver.waitFor(1);
    const expected = createHmac("sha256", "platform-secret").update(delivery!.rawBody).digest("hex");
    expect(delivery!.headers["x-cal-signature-256"]).toBe(expected);
    expect(JSON.parse(delivery!.rawBody).payload.uid).toBe(booked.body.data.uid);
    await api.emulator.settleWebhooks();
    expect(receiver.received).toHaveLength(1);
  });

  it("does not send an ordinary account's booking to platform webhooks", async () => {
    await create({ subscriberUrl: receiver.url, triggers: ["BOOKING_CREATED"], active: true });
    const booked = await api.call("POST", "/bookings", {
      headers: V2024_08_13,
      body: {
        start: "2030-01-08T13:00:00Z",
        eventTypeId: SANDBOX.youthMentoring,
        attendee: { name: "Kim Ode", email: "kim@example.org", timeZone: "Europe/London" },
      },
    });
    expect(booked.status).toBe(201);
    // The log records every delivery started, synchronously with the booking: none was started.
    expect(await api.emulator.settleWebhooks()).toEqual([]);
  });
});
