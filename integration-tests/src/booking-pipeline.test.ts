// A signed Cal.com delivery travels api → Temporal workflow → activities → Postgres, for every booking
// trigger, exactly once per event, with the audit trail; bad input is refused and leaves no rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  bookingPayload,
  deliveries,
  envelope,
  newBookingFixture,
  type BookingFixture,
} from "@churchhub/test-support/cal-deliveries";
import { readJson, startPipeline, type Pipeline } from "@churchhub/test-support/pipeline";
import { waitUntil } from "@churchhub/test-support/wait-until";

let pipeline: Pipeline;

beforeAll(async () => {
  pipeline = await startPipeline();
});
afterAll(async () => {
  await pipeline?.stop();
});

async function deliver(body: unknown): Promise<unknown> {
  const response = await pipeline.send(body);
  expect(response.status).toBe(202);
  return pipeline.processed(response, body);
}

/** The booking as the application reads it back (personal data decrypted). */
async function booking(uid: string) {
  return (await pipeline.reader.findByUid(uid)) ?? undefined;
}

async function rawBookingRow(uid: string) {
  const rows = await pipeline.dataSource.query("SELECT * FROM bookings WHERE uid = $1", [uid]);
  return rows[0];
}

async function auditRows(bookingUid: string) {
  return pipeline.dataSource.query("SELECT * FROM audit_logs WHERE booking_uid = $1 ORDER BY occurred_at", [
    bookingUid,
  ]);
}

async function rowCounts(uid: string): Promise<{ bookings: number; audit: number }> {
  const [bookings] = await pipeline.dataSource.query("SELECT count(*)::int AS n FROM bookings WHERE uid = $1", [uid]);
  const [audit] = await pipeline.dataSource.query("SELECT count(*)::int AS n FROM audit_logs WHERE booking_uid = $1", [
    uid,
  ]);
  return { bookings: bookings.n, audit: audit.n };
}

describe("a signed booking delivery", () => {
  it("BOOKING_CREATED stores the organizer, the booking and an audit entry with Cal.com’s values", async () => {
    const fixture = newBookingFixture();
    const body = deliveries.created(fixture, "2026-11-20T09:00:00.000Z");
    await deliver(body);

    const [user] = await pipeline.dataSource.query("SELECT * FROM users WHERE cal_user_id = $1", [fixture.organizerId]);
    expect(user).toMatchObject({ username: "dana-host", time_zone: "America/New_York", locale: "en" });

    const stored = (await booking(fixture.uid))!;
    expect(stored.organizer).toEqual({
      calUserId: fixture.organizerId,
      username: "dana-host",
      name: "Dana Host",
      email: "dana@example.org",
      timeZone: "America/New_York",
    });
    expect(stored).toMatchObject({
      calBookingId: fixture.bookingId,
      status: "accepted",
      eventTypeId: 1234,
      eventTypeSlug: "pastoral-care-30",
      location: "integrations:daily",
      organizerTimeZone: "America/New_York",
      title: "Pastoral care between Dana Host and Sam Lee",
      description: "Would like to talk about a family matter",
    });
    expect(stored.startTime.toISOString()).toBe("2026-12-10T14:00:00.000Z");
    expect(stored.endTime.toISOString()).toBe("2026-12-10T14:30:00.000Z");
    expect(stored.attendees).toEqual([
      { name: "Sam Lee", email: "sam@example.org", timeZone: "Europe/London", locale: "en", phoneNumber: null },
    ]);
    expect(stored.responses?.notes).toEqual({
      label: "additional_notes",
      value: "Would like to talk about a family matter",
    });
    expect(stored.metadata).toEqual({ videoCallUrl: `https://app.cal.com/video/${fixture.uid}` });
    expect(stored.statusHistory).toHaveLength(1);

    const audit = await auditRows(fixture.uid);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      trigger_event: "BOOKING_CREATED",
      outcome: "applied",
      source: "webhook",
      user_id: user.id,
    });
    expect(audit[0].occurred_at.toISOString()).toBe("2026-11-20T09:00:00.000Z");
    expect((await pipeline.reader.auditTrail(fixture.uid))[0]!.payload).toEqual(body);
  });

  it("stores personal data only encrypted, findable by attendee email through the blind index", async () => {
    const fixture = newBookingFixture();
    await deliver(deliveries.created(fixture));
    const raw = JSON.stringify(await rawBookingRow(fixture.uid)) + JSON.stringify(await auditRows(fixture.uid));
    for (const secret of ["Sam Lee", "sam@example.org", "family matter", "Dana Host", "dana@example.org"])
      expect(raw).not.toContain(secret);
    const [user] = await pipeline.dataSource.query("SELECT name, email FROM users WHERE cal_user_id = $1", [
      fixture.organizerId,
    ]);
    expect(JSON.stringify(user)).not.toContain("dana@example.org");
    const found = await pipeline.reader.findByAttendeeEmail("SAM@example.org");
    expect(found.map((entry) => entry.uid)).toContain(fixture.uid);
  });

  const statusByTrigger: Array<[string, (fixture: BookingFixture) => Record<string, unknown>, string]> = [
    ["BOOKING_REQUESTED", (f) => deliveries.requested(f), "pending"],
    ["BOOKING_REJECTED", (f) => deliveries.rejected(f, "Host unavailable"), "rejected"],
    ["BOOKING_PAYMENT_INITIATED", (f) => deliveries.paymentInitiated(f), "accepted"],
    ["BOOKING_PAID", (f) => deliveries.paid(f), "accepted"],
  ];
  it.each(statusByTrigger)("%s stores the booking with status %s", async (trigger, build, status) => {
    const fixture = newBookingFixture();
    await deliver(build(fixture));
    expect(await booking(fixture.uid)).toMatchObject({ status });
    const audit = await auditRows(fixture.uid);
    expect(audit.map((row: { trigger_event: string }) => row.trigger_event)).toEqual([trigger]);
  });

  it("BOOKING_CANCELLED keeps the cancellation reason and the status history", async () => {
    const fixture = newBookingFixture();
    await deliver(deliveries.created(fixture, "2026-11-20T09:00:00.000Z"));
    await deliver(deliveries.cancelled(fixture, "Feeling better, thank you", "2026-11-21T09:00:00.000Z"));
    const cancelled = (await booking(fixture.uid))!;
    expect(cancelled).toMatchObject({
      status: "cancelled",
      cancellationReason: "Feeling better, thank you",
      cancelledBy: "sam@example.org",
    });
    expect(cancelled.statusHistory.map((entry) => (entry as { status: string }).status)).toEqual([
      "accepted",
      "cancelled",
    ]);
    expect((await auditRows(fixture.uid)).map((row: { trigger_event: string }) => row.trigger_event)).toEqual([
      "BOOKING_CREATED",
      "BOOKING_CANCELLED",
    ]);
  });

  it("BOOKING_RESCHEDULED stores the new booking linked to the one it replaces", async () => {
    const original = newBookingFixture();
    const replacement = newBookingFixture({
      organizerId: original.organizerId,
      startTime: "2026-12-11T15:00:00Z",
      endTime: "2026-12-11T15:30:00Z",
    });
    await deliver(deliveries.created(original, "2026-11-20T09:00:00.000Z"));
    await deliver(deliveries.rescheduled(replacement, original, "2026-11-22T09:00:00.000Z"));

    const newRow = (await booking(replacement.uid))!;
    expect(newRow).toMatchObject({
      status: "accepted",
      rescheduledFromUid: original.uid,
      rescheduledBy: "sam@example.org",
    });
    expect(newRow.startTime.toISOString()).toBe("2026-12-11T15:00:00.000Z");
    expect(await booking(original.uid)).toMatchObject({ status: "cancelled", rescheduledToUid: replacement.uid });
  });

  it("keeps fields Cal.com adds that we do not know yet", async () => {
    const fixture = newBookingFixture();
    const body = envelope("BOOKING_CREATED", bookingPayload(fixture, { brandNewField: { nested: [1, 2, 3] } }));
    await deliver(body);
    expect(
      ((await booking(fixture.uid))!.payload as { payload: { brandNewField: unknown } }).payload.brandNewField,
    ).toEqual({ nested: [1, 2, 3] });
  });

  it("is processed once when the same delivery arrives five times", async () => {
    const fixture = newBookingFixture();
    const body = deliveries.created(fixture);
    const raw = JSON.stringify(body);
    const concurrent = await Promise.all([1, 2, 3].map(() => pipeline.send(body, { rawBody: raw })));
    for (const response of concurrent) expect(response.status).toBe(202);
    await pipeline.processed(concurrent[0]!, body);
    const later = [await pipeline.send(body, { rawBody: raw }), await pipeline.send(body, { rawBody: raw })];
    for (const response of later) expect(response.status).toBe(202);
    expect((await readJson(later[1]!)).duplicate).toBe(true);

    expect(await rowCounts(fixture.uid)).toEqual({ bookings: 1, audit: 1 });
    expect((await booking(fixture.uid))!.statusHistory).toHaveLength(1);
  });

  it("is processed once when Cal.com re-sends the same event with a new send time", async () => {
    const fixture = newBookingFixture();
    await deliver(deliveries.created(fixture, "2026-11-20T09:00:00.000Z"));
    const resend = await pipeline.send(deliveries.created(fixture, "2026-11-20T09:05:00.000Z"));
    expect(resend.status).toBe(202);
    expect((await readJson(resend)).duplicate).toBe(true);
    expect(await rowCounts(fixture.uid)).toEqual({ bookings: 1, audit: 1 });
  });

  it("is accepted on the seed’s /booking.created and /booking.updated routes too", async () => {
    const fixture = newBookingFixture();
    const created = deliveries.created(fixture, "2026-11-20T09:00:00.000Z");
    const response = await pipeline.send(created, { path: "/webhooks/cal/booking.created" });
    expect(response.status).toBe(202);
    await pipeline.processed(response, created);
    const cancelled = deliveries.cancelled(fixture, "No longer needed", "2026-11-21T09:00:00.000Z");
    const update = await pipeline.send(cancelled, { path: "/webhooks/cal/booking.updated" });
    expect(update.status).toBe(202);
    await pipeline.processed(update, cancelled);
    expect(await booking(fixture.uid)).toMatchObject({ status: "cancelled" });
  });
});

describe("deliveries that are not bookings", () => {
  it.each([
    ["PING (Cal.com’s test button)", () => deliveries.ping(), null],
    ["MEETING_STARTED without the payload envelope", (f: BookingFixture) => deliveries.meetingStarted(f), "uid"],
    ["BOOKING_NO_SHOW_UPDATED", (f: BookingFixture) => deliveries.noShowUpdated(f), "uid"],
    [
      "an unknown trigger",
      (f: BookingFixture) => envelope("SOMETHING_NEW", { bookingUid: f.uid, anything: true }),
      "uid",
    ],
  ])("%s is acknowledged and audited with its raw body, without a booking row", async (_name, build, linked) => {
    const fixture = newBookingFixture();
    const body = build(fixture);
    const response = await pipeline.send(body);
    expect(response.status).toBe(202);
    const { deliveryId } = (await response.clone().json()) as { deliveryId: string };
    await pipeline.processed(response, body);
    const [audit] = await pipeline.dataSource.query("SELECT * FROM audit_logs WHERE delivery_id = $1", [deliveryId]);
    expect(audit).toMatchObject({
      trigger_event: (body as { triggerEvent: string }).triggerEvent,
      outcome: "recorded",
      booking_uid: linked ? fixture.uid : null,
    });
    expect((await pipeline.reader.auditEntry(deliveryId))!.payload).toEqual(body);
    expect(await booking(fixture.uid)).toBeUndefined();
  });
});

describe("bad input", () => {
  it('a wrong, missing or "no-secret-provided" signature gets 401 with no detail and writes nothing', async () => {
    const fixture = newBookingFixture();
    const body = deliveries.created(fixture);
    for (const signature of ["0".repeat(64), null, "no-secret-provided", "not-hex"]) {
      const response = await pipeline.send(body, { signature });
      expect(response.status).toBe(401);
      expect(await readJson(response)).toEqual({ error: { code: "unauthorized", message: "Unauthorized" } });
    }
    expect(await rowCounts(fixture.uid)).toEqual({ bookings: 0, audit: 0 });
  });

  it("a body signed with another secret gets 401", async () => {
    const { signCalBody } = await import("@churchhub/api");
    const fixture = newBookingFixture();
    const raw = JSON.stringify(deliveries.created(fixture));
    const response = await pipeline.send(null, {
      rawBody: raw,
      signature: signCalBody(raw, "some-other-secret-value"),
    });
    expect(response.status).toBe(401);
  });

  it("malformed JSON gets 400 naming the body", async () => {
    const response = await pipeline.send(null, { rawBody: '{"triggerEvent": "BOOKING_CREATED", ' });
    expect(response.status).toBe(400);
    expect((await readJson(response)).error.message).toBe("body: is not valid JSON");
  });

  it.each([
    ["payload.uid", (payload: Record<string, unknown>) => delete payload.uid],
    ["payload.organizer", (payload: Record<string, unknown>) => delete payload.organizer],
    [
      "payload.organizer.id",
      (payload: Record<string, unknown>) => delete (payload.organizer as Record<string, unknown>).id,
    ],
    ["payload.attendees", (payload: Record<string, unknown>) => delete payload.attendees],
    ["payload.startTime", (payload: Record<string, unknown>) => (payload.startTime = "next tuesday")],
    ["payload.endTime", (payload: Record<string, unknown>) => delete payload.endTime],
    [
      "payload.eventTypeId",
      (payload: Record<string, unknown>) => {
        delete payload.eventTypeId;
        delete payload.type;
      },
    ],
  ])("a booking without a valid %s gets 400 naming it and writes nothing", async (field, mutate) => {
    const fixture = newBookingFixture();
    const body = deliveries.created(fixture) as { payload: Record<string, unknown> };
    mutate(body.payload);
    const response = await pipeline.send(body);
    expect(response.status).toBe(400);
    expect((await readJson(response)).error.message).toContain(field);
    expect(await rowCounts(fixture.uid)).toEqual({ bookings: 0, audit: 0 });
  });

  // Only a payloadTemplate makes Cal.com send a body without its envelope's trigger; Cal.com never retries a
  // refusal, so it is acknowledged and kept sealed for an operator (webhook-templates.test.ts has the rest).
  it("a signed body without triggerEvent is acknowledged as an unsupported template, not lost", async () => {
    const response = await pipeline.send({ createdAt: new Date().toISOString(), payload: {} });
    expect(response.status).toBe(202);
    const { deliveryId } = await readJson(response);
    const audit = await waitUntil(
      "the audit entry of the templated body",
      async () =>
        (
          await pipeline.dataSource.query("SELECT trigger_event, outcome FROM audit_logs WHERE delivery_id = $1", [
            deliveryId,
          ])
        )[0],
    );
    expect(audit).toEqual({ trigger_event: "UNSUPPORTED_TEMPLATE", outcome: "unsupported_template" });
  });

  it("a body over the size cap gets 413", async () => {
    const fixture = newBookingFixture();
    const body = envelope("BOOKING_CREATED", bookingPayload(fixture, { padding: "x".repeat(600 * 1024) }));
    const response = await pipeline.send(body);
    expect(response.status).toBe(413);
    expect(await rowCounts(fixture.uid)).toEqual({ bookings: 0, audit: 0 });
  });

  it("a body that is not JSON by its content type gets 415", async () => {
    const fixture = newBookingFixture();
    const response = await pipeline.send(deliveries.created(fixture), { contentType: "text/plain" });
    expect(response.status).toBe(415);
    expect((await readJson(response)).error.message).toContain("text/plain");
  });

  it("a compressed body gets 415 naming the encoding", async () => {
    const response = await pipeline.send(deliveries.ping(), { headers: { "content-encoding": "gzip" } });
    expect(response.status).toBe(415);
    expect((await readJson(response)).error.message).toContain("gzip");
  });
});

describe("GET /health", () => {
  it("reports the api, the database and Temporal as up", async () => {
    const response = await fetch(`${pipeline.baseUrl}/health`);
    expect(response.status).toBe(200);
    expect(await readJson(response)).toEqual({ status: "ok", api: "up", database: "up", temporal: "up" });
  });
});
