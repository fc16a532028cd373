// Contract: bookings. The legacy body the Booker sends and the 2024-08-13 body, 201 with each version's
// shape, refusal of unavailable slots, the 2024-08-13 list with pagination and filters, cancel, reschedule.
import { describe, expect, it } from "vitest";
import {
  legacyBookingSchema,
  bookingSchema,
  listBookingsResponseSchema,
  legacyCancelOutputSchema,
} from "./schemas/booking-outputs.schema.js";
import { errorEnvelopeSchema, successEnvelopeSchema } from "./schemas/envelope.schema.js";
import { SANDBOX, useResetEmulatorPerTest } from "./test-support/start-emulator.js";

const V2024_08_13 = { "cal-api-version": "2024-08-13" };
const api = useResetEmulatorPerTest();

/** What the Booker (atoms 2.6, cal-api-version 2024-06-14) posts: dayjs().format() times and `responses`. */
const bookerBody = (start = "2030-01-07T10:00:00+01:00") => ({
  start,
  end: "2030-01-07T10:30:00+01:00",
  eventTypeId: SANDBOX.pastoralConversation,
  eventTypeSlug: "pastoral-conversation",
  timeZone: "Europe/Paris",
  language: "en",
  metadata: {},
  hasHashedBookingLink: false,
  user: SANDBOX.pastor.username,
  responses: {
    name: "Sam Lee",
    email: "sam@example.org",
    notes: "Grief after my father died",
    guests: [],
    location: { value: "inPerson", optionValue: "" },
  },
});

const book = (start: string, extra: Record<string, unknown> = {}) =>
  api.call("POST", "/bookings", {
    headers: V2024_08_13,
    body: {
      start,
      eventTypeId: SANDBOX.pastoralConversation,
      attendee: { name: "Jo Park", email: "jo@example.org", timeZone: "Europe/London" },
      ...extra,
    },
  });

describe("POST /v2/bookings", () => {
  it("accepts the Booker’s legacy body without a token and answers 201 with the legacy booking (upper-case status)", async () => {
    const response = await api.call("POST", "/bookings", {
      headers: { "cal-api-version": "2024-06-14", "x-cal-platform-embed": "false" },
      body: bookerBody(),
    });
    expect(response.status).toBe(201);
    const booking = successEnvelopeSchema(legacyBookingSchema).parse(response.body).data;
    expect(booking).toMatchObject({
      eventTypeId: SANDBOX.pastoralConversation,
      userId: SANDBOX.pastor.id,
      status: "ACCEPTED",
      startTime: "2030-01-07T09:00:00.000Z",
      endTime: "2030-01-07T09:30:00.000Z",
      title: "Pastoral conversation between Pastor Anna Whitfield and Sam Lee",
      description: "Grief after my father died",
      location: "Grace Community Church, 12 Chapel Lane",
      iCalUID: `${booking.uid}@Cal.com`,
    });
    expect(booking.attendees).toEqual([
      {
        name: "Sam Lee",
        email: "sam@example.org",
        timeZone: "Europe/Paris",
        locale: "en",
        phoneNumber: null,
        noShow: false,
      },
    ]);
  });

  it("accepts the 2024-08-13 body and answers 201 with the 2024-08-13 booking (lower-case status)", async () => {
    const response = await book("2030-01-07T11:00:00Z", {
      bookingFieldsResponses: { notes: "Baptism questions" },
      guests: ["partner@example.org"],
    });
    expect(response.status).toBe(201);
    const booking = successEnvelopeSchema(bookingSchema).parse(response.body).data;
    expect(booking).toMatchObject({
      status: "accepted",
      start: "2030-01-07T11:00:00.000Z",
      end: "2030-01-07T11:30:00.000Z",
      duration: 30,
      eventType: { id: SANDBOX.pastoralConversation, slug: "pastoral-conversation" },
      hosts: [{ id: SANDBOX.pastor.id, username: SANDBOX.pastor.username, timeZone: "Europe/London" }],
      guests: ["partner@example.org"],
      bookingFieldsResponses: {
        name: "Jo Park",
        email: "jo@example.org",
        guests: ["partner@example.org"],
        notes: "Baptism questions",
      },
    });
  });

  it("gives a Cal Video event its video link in metadata and meetingUrl", async () => {
    const response = await api.call("POST", "/bookings", {
      headers: V2024_08_13,
      body: {
        start: "2030-01-07T15:00:00Z",
        eventTypeId: SANDBOX.counsellingSession,
        attendee: { name: "Kim", email: "kim@example.org", timeZone: "America/New_York" },
      },
    });
    const booking = bookingSchema.parse(response.body.data);
    expect(booking.location).toBe("integrations:daily");
    expect(booking.meetingUrl).toBe(`https://app.cal.com/video/${booking.uid}`);
    expect(booking.metadata).toEqual({ videoCallUrl: `https://app.cal.com/video/${booking.uid}` });
  });

  it("refuses a slot that is taken with 400 in each version’s words", async () => {
    expect((await book("2030-01-07T09:00:00Z")).status).toBe(201);
    const again = await book("2030-01-07T09:00:00Z");
    expect(again.status).toBe(400);
    expect(errorEnvelopeSchema.parse(again.body).error).toMatchObject({
      code: "BadRequestException",
      message: "User either already has booking at this time or is not available",
    });
    const legacy = await api.call("POST", "/bookings", { body: bookerBody() });
    expect(legacy.status).toBe(400);
    expect(legacy.body.error.message).toBe("no_available_users_found_error");
  });

  it("refuses times outside working hours, off the slot grid, in the past, or inside the minimum notice", async () => {
    expect((await book("2030-01-07T18:00:00Z")).body.error.message).toBe(
      "User either already has booking at this time or is not available",
    );
    expect((await book("2030-01-07T09:10:00Z")).status).toBe(400);
    expect((await book("2030-01-06T10:00:00Z")).body.error.message).toBe("Attempting to book a meeting in the past.");
    expect((await book("2030-01-06T13:00:00Z")).body.error.message).toMatch(
      /^The event type can't be booked at the "start" time provided/,
    );
  });

  it("answers 404 for an unknown event type and 400 for a body missing the attendee", async () => {
    expect((await book("2030-01-07T11:00:00Z", { eventTypeId: 424242 })).status).toBe(404);
    const invalid = await api.call("POST", "/bookings", {
      headers: V2024_08_13,
      body: { start: "2030-01-07T11:00:00Z", eventTypeId: SANDBOX.pastoralConversation },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details.errors.map((error: { property: string }) => error.property)).toContain(
      "attendee",
    );
  });
});

describe("GET /v2/bookings (2024-08-13)", () => {
  it("pages with Cal.com’s pagination block and filters by lower-case status", async () => {
    for (const start of ["2030-01-07T09:00:00Z", "2030-01-07T10:00:00Z", "2030-01-07T11:00:00Z"])
      expect((await book(start)).status).toBe(201);
    const response = await api.call("GET", "/bookings?take=2&skip=0&status=upcoming", {
      headers: { ...V2024_08_13, ...api.clientHeaders },
    });
    expect(response.status).toBe(200);
    const page = listBookingsResponseSchema.parse(response.body);
    expect(page.data.map((booking) => booking.start)).toEqual(["2030-01-07T09:00:00.000Z", "2030-01-07T10:00:00.000Z"]);
    expect(page.pagination).toEqual({
      totalItems: 3,
      remainingItems: 1,
      returnedItems: 2,
      itemsPerPage: 2,
      currentPage: 1,
      totalPages: 2,
      hasNextPage: true,
      hasPreviousPage: false,
    });

    const cancelled = await api.call("GET", "/bookings?status=cancelled", {
      headers: { ...V2024_08_13, ...api.clientHeaders },
    });
    expect(listBookingsResponseSchema.parse(cancelled.body).data).toEqual([]);
  });

  it("filters by afterUpdatedAt, so reconciliation can fetch only what changed", async () => {
    const early = await book("2030-01-07T09:00:00Z");
    api.clock.advance(10 * 60_000);
    await book("2030-01-07T13:00:00Z");
    api.clock.advance(10 * 60_000);
    await api.call("POST", `/bookings/${early.body.data.uid}/cancel`, {
      headers: V2024_08_13,
      body: { cancellationReason: "Unwell" },
    });
    const response = await api.call("GET", "/bookings?afterUpdatedAt=2030-01-06T12:15:00Z&sortUpdatedAt=asc", {
      headers: { ...V2024_08_13, ...api.clientHeaders },
    });
    const changed = listBookingsResponseSchema.parse(response.body).data;
    expect(changed.map((booking) => [booking.start, booking.status])).toEqual([
      ["2030-01-07T09:00:00.000Z", "cancelled"],
    ]);
  });

  it("shows a managed user only their own bookings", async () => {
    await book("2030-01-07T09:00:00Z");
    const { accessToken } = await api.tokensFor(SANDBOX.counsellor.id);
    const response = await api.call("GET", "/bookings", {
      headers: { ...V2024_08_13, Authorization: `Bearer ${accessToken}` },
    });
    expect(listBookingsResponseSchema.parse(response.body).pagination.totalItems).toBe(0);
  });

  it("rejects take above 250 and requires authentication", async () => {
    expect(
      (await api.call("GET", "/bookings?take=251", { headers: { ...V2024_08_13, ...api.clientHeaders } })).status,
    ).toBe(400);
    expect((await api.call("GET", "/bookings", { headers: V2024_08_13 })).status).toBe(401);
  });
});

describe("GET /v2/bookings without 2024-08-13 (the legacy controller)", () => {
  it("answers a missing, older or misspelt version with the legacy list: {bookings, recurringInfo, nextCursor}, upper-case status", async () => {
    for (const start of ["2030-01-07T09:00:00Z", "2030-01-07T10:00:00Z", "2030-01-07T11:00:00Z"])
      expect((await book(start)).status).toBe(201);
    const versions: Record<string, string>[] = [
      {},
      { "cal-api-version": "2024-06-14" },
      { "cal-api-version": "2024-8-13" },
    ];
    for (const version of versions) {
      const response = await api.call("GET", "/bookings?limit=2", { headers: { ...version, ...api.clientHeaders } });
      expect(response.status).toBe(200);
      expect(Array.isArray(response.body.data)).toBe(false);
      expect(response.body).not.toHaveProperty("pagination");
      expect(response.body.data.nextCursor).toBe(2);
      expect(response.body.data.recurringInfo).toEqual([]);
      expect(
        response.body.data.bookings.map((booking: { startTime: string; status: string }) => [
          booking.startTime,
          booking.status,
        ]),
      ).toEqual([
        ["2030-01-07T09:00:00.000Z", "ACCEPTED"],
        ["2030-01-07T10:00:00.000Z", "ACCEPTED"],
      ]);
    }
    const last = await api.call("GET", "/bookings?limit=2&cursor=2", { headers: api.clientHeaders });
    expect(last.body.data.bookings).toHaveLength(1);
    expect(last.body.data.nextCursor).toBeNull();
    const cancelled = await api.call("GET", "/bookings?filters[status]=cancelled", { headers: api.clientHeaders });
    expect(cancelled.body.data.bookings).toEqual([]);
  });
});

describe("cancel and reschedule", () => {
  it("GET /v2/bookings/{uid} returns the booking; cancel answers 200 with it cancelled, and a second cancel is refused", async () => {
    const created = await book("2030-01-07T09:00:00Z");
    const uid = created.body.data.uid as string;
    expect(
      bookingSchema.parse((await api.call("GET", `/bookings/${uid}`, { headers: V2024_08_13 })).body.data).uid,
    ).toBe(uid);

    const cancelled = await api.call("POST", `/bookings/${uid}/cancel`, {
      headers: V2024_08_13,
      body: { cancellationReason: "Travelling" },
    });
    expect(cancelled.status).toBe(200);
    expect(bookingSchema.parse(cancelled.body.data)).toMatchObject({
      status: "cancelled",
      cancellationReason: "Travelling",
    });
    expect((await api.call("POST", `/bookings/${uid}/cancel`, { headers: V2024_08_13, body: {} })).status).toBe(400);
  });

  it("legacy cancel answers {bookingId, bookingUid, onlyRemovedAttendee}", async () => {
    const created = await book("2030-01-07T09:00:00Z");
    const response = await api.call("POST", `/bookings/${created.body.data.uid}/cancel`, { body: {} });
    expect(legacyCancelOutputSchema.parse(response.body.data)).toEqual({
      bookingId: created.body.data.id,
      bookingUid: created.body.data.uid,
      onlyRemovedAttendee: false,
    });
  });

  it("reschedule answers 201 with a new booking; the old one is cancelled and points to it", async () => {
    const created = await book("2030-01-07T09:00:00Z");
    const oldUid = created.body.data.uid as string;
    const response = await api.call("POST", `/bookings/${oldUid}/reschedule`, {
      headers: V2024_08_13,
      body: {
        start: "2030-01-08T14:00:00Z",
        reschedulingReason: "Clash with a funeral",
        rescheduledBy: "jo@example.org",
      },
    });
    expect(response.status).toBe(201);
    const moved = bookingSchema.parse(response.body.data);
    expect(moved).toMatchObject({
      status: "accepted",
      start: "2030-01-08T14:00:00.000Z",
      rescheduledFromUid: oldUid,
      reschedulingReason: "Clash with a funeral",
      icsUid: `${oldUid}@Cal.com`,
    });
    expect(moved.uid).not.toBe(oldUid);
    const old = bookingSchema.parse((await api.call("GET", `/bookings/${oldUid}`, { headers: V2024_08_13 })).body.data);
    expect(old).toMatchObject({ status: "cancelled", rescheduledToUid: moved.uid });
  });

  it("lets a booking be rescheduled to overlap its own old time, and refuses a taken one", async () => {
    const first = await book("2030-01-07T09:00:00Z");
    await book("2030-01-07T10:00:00Z");
    const onto = (start: string) =>
      api.call("POST", `/bookings/${first.body.data.uid}/reschedule`, { headers: V2024_08_13, body: { start } });
    expect((await onto("2030-01-07T10:00:00Z")).status).toBe(400);
    expect((await onto("2030-01-07T09:00:00Z")).status).toBe(201);
  });

  it("answers 404 for an unknown uid", async () => {
    const response = await api.call("GET", "/bookings/no-such-uid", { headers: V2024_08_13 });
    expect(response.status).toBe(404);
  });
});
