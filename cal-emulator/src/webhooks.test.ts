// Contract: the webhook bodies Cal.com delivers on create, reschedule and cancel, received by a real local
// HTTP server; the signature is checked here independently (HMAC-SHA256 of the exact raw body, hex).
import { createHmac, timingSafeEqual } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { webhookBodySchema } from "./schemas/webhook.schema.js";
import { SANDBOX, SUNDAY_NOON, startTestEmulator, type TestEmulator } from "./test-support/start-emulator.js";
import { startWebhookReceiver, type ReceivedWebhook, type WebhookReceiver } from "./test-support/webhook-receiver.js";

const SECRET = "whsec-test-3f9a";
const V2024_08_13 = { "cal-api-version": "2024-08-13" };
let api: TestEmulator;
let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  api = await startTestEmulator({ webhook: { subscriberUrl: receiver.url, secret: SECRET } });
});
beforeEach(() => {
  api.emulator.reset();
  api.clock.set(SUNDAY_NOON);
  receiver.received.length = 0;
  receiver.respondWith(200);
});
afterEach(() => receiver.release());
afterAll(async () => {
  await api.stop();
  await receiver.close();
});

function verifiedBody(delivery: ReceivedWebhook) {
  const expected = createHmac("sha256", SECRET).update(Buffer.from(delivery.rawBody, "utf8")).digest();
  const signature = String(delivery.headers["x-cal-signature-256"]);
  expect(signature).toMatch(/^[0-9a-f]{64}$/);
  expect(timingSafeEqual(expected, Buffer.from(signature, "hex"))).toBe(true);
  expect(delivery.headers["content-type"]).toBe("application/json");
  expect(delivery.headers["x-cal-webhook-version"]).toBe("2021-10-20");
  return webhookBodySchema.parse(JSON.parse(delivery.rawBody));
}

const bookCounselling = (start = "2030-01-07T15:00:00Z") =>
  api.call("POST", "/bookings", {
    headers: V2024_08_13,
    body: {
      start,
      eventTypeId: SANDBOX.counsellingSession,
      attendee: { name: "Kim Ode", email: "kim@example.org", timeZone: "Europe/London" },
      bookingFieldsResponses: { notes: "Struggling at work" },
    },
  });

describe("BOOKING_CREATED", () => {
  it("is signed and carries Cal.com’s payload: slug as type, UTC times without millis, organizer and attendee offsets, labelled responses", async () => {
    api.clock.set("2030-01-06T12:00:00.250Z");
    const booking = (await bookCounselling()).body.data;
    const [delivery] = await receiver.waitFor(1);
    expect(delivery!.method).toBe("POST");
    const body = verifiedBody(delivery!);
    expect(body.triggerEvent).toBe("BOOKING_CREATED");
    expect(body.createdAt).toBe("2030-01-06T12:00:00.250Z");
    expect(body.payload).toMatchObject({
      uid: booking.uid,
      bookingId: booking.id,
      eventTypeId: SANDBOX.counsellingSession,
      type: "counselling-session",
      title: "Counselling session between David Okafor and Kim Ode",
      description: "A confidential one-to-one counselling session by video.",
      additionalNotes: "Struggling at work",
      startTime: "2030-01-07T15:00:00Z",
      endTime: "2030-01-07T15:50:00Z",
      status: "ACCEPTED",
      length: 50,
      location: "integrations:daily",
      iCalUID: `${booking.uid}@Cal.com`,
      metadata: { videoCallUrl: `https://app.cal.com/video/${booking.uid}` },
      organizer: {
        id: SANDBOX.counsellor.id,
        username: SANDBOX.counsellor.username,
        timeZone: "America/New_York",
        timeFormat: "h:mma",
        utcOffset: -300,
        language: { locale: "en" },
      },
      responses: {
        name: { label: "your_name", value: "Kim Ode" },
        email: { label: "email_address", value: "kim@example.org" },
        notes: { label: "additional_notes", value: "Struggling at work" },
      },
    });
    expect(body.payload.attendees).toEqual([
      {
        email: "kim@example.org",
        name: "Kim Ode",
        firstName: "Kim",
        lastName: "Ode",
        timeZone: "Europe/London",
        language: { locale: "en" },
        utcOffset: 0,
      },
    ]);
  });

  it("is sent in the background: the booking is answered while the subscriber has not replied yet", async () => {
    receiver.hold();
    const response = await bookCounselling();
    expect(response.status).toBe(201);
    await receiver.waitFor(1);
    expect(api.emulator.webhookDeliveries()[0]).toMatchObject({ triggerEvent: "BOOKING_CREATED", ok: false });
    expect(api.emulator.webhookDeliveries()[0]!.status).toBeUndefined();
    receiver.release();
    const [delivery] = await api.emulator.settleWebhooks();
    expect(delivery).toMatchObject({ status: 200, ok: true });
  });

  it("is tried once only: a 500 from the subscriber is recorded, not retried", async () => {
    receiver.respondWith(500);
    await bookCounselling();
    const deliveries = await api.emulator.settleWebhooks();
    expect(deliveries.map((delivery) => [delivery.triggerEvent, delivery.status, delivery.ok])).toEqual([
      ["BOOKING_CREATED", 500, false],
    ]);
    expect(receiver.received).toHaveLength(1);
  });
});

describe("BOOKING_RESCHEDULED and BOOKING_CANCELLED", () => {
  it("reschedule sends the new booking with the old one’s id, uid and times, and who moved it", async () => {
    const original = (await bookCounselling("2030-01-07T15:00:00Z")).body.data;
    const moved = (
      await api.call("POST", `/bookings/${original.uid}/reschedule`, {
        headers: V2024_08_13,
        body: { start: "2030-01-08T16:00:00Z", rescheduledBy: "kim@example.org", reschedulingReason: "Shift change" },
      })
    ).body.data;
    const deliveries = await receiver.waitFor(2);
    const body = verifiedBody(deliveries[1]!);
    expect(body.triggerEvent).toBe("BOOKING_RESCHEDULED");
    expect(body.payload).toMatchObject({
      uid: moved.uid,
      bookingId: moved.id,
      rescheduleUid: original.uid,
      rescheduleId: original.id,
      rescheduleStartTime: "2030-01-07T15:00:00Z",
      rescheduleEndTime: "2030-01-07T15:50:00Z",
      rescheduledBy: "kim@example.org",
      startTime: "2030-01-08T16:00:00Z",
      status: "ACCEPTED",
      iCalUID: `${original.uid}@Cal.com`,
      iCalSequence: 1,
    });
  });

  it("cancel sends status CANCELLED with the reason, and the cancelling user’s email when a token was used", async () => {
    const booking = (await bookCounselling()).body.data;
    const { accessToken } = await api.tokensFor(SANDBOX.counsellor.id);
    await api.call("POST", `/bookings/${booking.uid}/cancel`, {
      headers: { ...V2024_08_13, Authorization: `Bearer ${accessToken}` },
      body: { cancellationReason: "Counsellor unwell" },
    });
    const deliveries = await receiver.waitFor(2);
    const body = verifiedBody(deliveries[1]!);
    expect(body.triggerEvent).toBe("BOOKING_CANCELLED");
    expect(body.payload).toMatchObject({
      uid: booking.uid,
      status: "CANCELLED",
      cancellationReason: "Counsellor unwell",
      cancelledBy: "counsellor.david+clxsandbox0client@example.org",
    });
  });
});

describe("platform webhooks", () => {
  it('registered at runtime through the endpoint hear managed users\' bookings; without a secret the signature is "no-secret-provided"', async () => {
    const second = await startWebhookReceiver();
    try {
      const created = await api.call("POST", `/oauth-clients/${SANDBOX.clientId}/webhooks`, {
        headers: api.clientHeaders,
        body: { subscriberUrl: second.url, triggers: ["BOOKING_CANCELLED"], active: true },
      });
      expect(created.status).toBe(201);
      const booking = (await bookCounselling()).body.data;
      await api.call("POST", `/bookings/${booking.uid}/cancel`, { headers: V2024_08_13, body: {} });
      const [delivery] = await second.waitFor(1);
      expect(delivery!.headers["x-cal-signature-256"]).toBe("no-secret-provided");
      expect(JSON.parse(delivery!.rawBody).triggerEvent).toBe("BOOKING_CANCELLED");
      await api.emulator.settleWebhooks();
      expect(second.received).toHaveLength(1);
    } finally {
      await second.close();
    }
  });

  it("are back to the configured one after reset, with the delivery log emptied", async () => {
    api.emulator.seedPlatformWebhook({ subscriberUrl: "http://127.0.0.1:9/never" });
    await bookCounselling();
    await api.emulator.settleWebhooks();
    expect(api.emulator.webhookDeliveries()).toHaveLength(2);
    api.emulator.reset();
    expect(api.emulator.platformWebhooks().map((webhook) => webhook.subscriberUrl)).toEqual([receiver.url]);
    expect(api.emulator.webhookDeliveries()).toEqual([]);
  });
});

describe("deliveries as Cal.com sends them", () => {
  it("carry hashedLink and assignmentReason (null), hideCalendarEventDetails, hideOrganizerEmail, and requestReschedule on cancel", async () => {
    const booking = (await bookCounselling()).body.data;
    const [created] = await receiver.waitFor(1);
    const createdBody = verifiedBody(created!);
    expect(createdBody.payload).toMatchObject({
      hashedLink: null,
      assignmentReason: null,
      hideCalendarEventDetails: false,
      hideOrganizerEmail: false,
    });
    expect(createdBody.payload).not.toHaveProperty("requestReschedule");
    await api.call("POST", `/bookings/${booking.uid}/cancel`, { headers: V2024_08_13, body: {} });
    const [, cancelled] = await receiver.waitFor(2);
    expect(verifiedBody(cancelled!).payload.requestReschedule).toBe(false);
  });
});

describe("payloadTemplate", () => {
  const subscribe = async (payloadTemplate: string) => {
    const { accessToken } = await api.tokensFor(SANDBOX.counsellor.id);
    const created = await api.call("POST", "/webhooks", {
      headers: { Authorization: `Bearer ${accessToken}` },
      body: {
        subscriberUrl: `${receiver.url}/templated`,
        triggers: ["BOOKING_CREATED"],
        active: true,
        payloadTemplate,
        secret: SECRET,
      },
    });
    expect(created.status).toBe(201);
  };
  const templatedDelivery = async () => {
    await bookCounselling();
    await api.emulator.settleWebhooks();
    const delivery = receiver.received.find((received) => received.path.endsWith("/templated"));
    expect(delivery).toBeDefined();
    const signature = createHmac("sha256", SECRET).update(delivery!.rawBody).digest("hex");
    expect(delivery!.headers["x-cal-signature-256"]).toBe(signature);
    expect(delivery!.headers["x-cal-webhook-version"]).toBe("2021-10-20");
    return delivery!;
  };

  it("renders a JSON template over the flattened payload and re-serialises it as JSON", async () => {
    await subscribe(
      '{ "event": "{{triggerEvent}}", "title": "{{title}}", "host": "{{organizer.name}}", "at": "{{startTime}}" }',
    );
    const delivery = await templatedDelivery();
    expect(delivery.headers["content-type"]).toBe("application/json");
    expect(delivery.rawBody).toBe(
      JSON.stringify({
        event: "BOOKING_CREATED",
        title: "Counselling session between David Okafor and Kim Ode",
        host: "David Okafor",
        at: "2030-01-07T15:00:00Z",
      }),
    );
  });

  it("sends a template that is not JSON as the raw rendered text, labelled form-encoded; &quot; becomes a quote, other escapes stay", async () => {
    await subscribe("title={{title}}&who={{attendees.0.name}}&notes={{additionalNotes}}");
    const delivery = await templatedDelivery();
    expect(delivery.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(delivery.rawBody).toBe(
      "title=Counselling session between David Okafor and Kim Ode&who=Kim Ode&notes=Struggling at work",
    );
  });

  it('answers the text "false" when a JSON template renders to something that is not JSON', async () => {
    await subscribe('{ "notes": "{{{additionalNotes}}}" }');
    await api.call("POST", "/bookings", {
      headers: V2024_08_13,
      body: {
        start: "2030-01-07T15:00:00Z",
        eventTypeId: SANDBOX.counsellingSession,
        attendee: { name: "Kim Ode", email: "kim@example.org", timeZone: "Europe/London" },
        bookingFieldsResponses: { notes: 'He said "enough"' },
      },
    });
    await api.emulator.settleWebhooks();
    const delivery = receiver.received.find((received) => received.path.endsWith("/templated"));
    expect(delivery!.headers["content-type"]).toBe("application/json");
    expect(delivery!.rawBody).toBe("false");
  });

  it('turns &quot; into " but keeps other HTML escapes Handlebars made', async () => {
    await subscribe("notes={{additionalNotes}}");
    await api.call("POST", "/bookings", {
      headers: V2024_08_13,
      body: {
        start: "2030-01-07T15:00:00Z",
        eventTypeId: SANDBOX.counsellingSession,
        attendee: { name: "Kim Ode", email: "kim@example.org", timeZone: "Europe/London" },
        bookingFieldsResponses: { notes: 'Tom & "Jerry"' },
      },
    });
    await api.emulator.settleWebhooks();
    const delivery = receiver.received.find((received) => received.path.endsWith("/templated"));
    expect(delivery!.rawBody).toBe('notes=Tom &amp; "Jerry"');
  });
});
