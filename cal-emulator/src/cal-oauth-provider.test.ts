// Contract: what a Booker inside CalOAuthProvider calls for an ordinary Cal.com account. The provider checks
// its OAuth 2.0 client with GET /v2/atoms/auth/oauth2/clients/{clientId} (atoms-oauth2.controller.ts: unknown
// → 404 "unauthorized_client", status not checked) and, unlike CalProvider, never sends x-cal-client-id; the
// Booker's public endpoints then book an ordinary account's event type with or without that header.
import { describe, expect, it } from "vitest";
import { legacyBookingSchema } from "./schemas/booking-outputs.schema.js";
import { errorEnvelopeSchema, successEnvelopeSchema } from "./schemas/envelope.schema.js";
import { publicEventTypeSchema } from "./schemas/event-type.schema.js";
import { atomsOAuth2ClientSchema } from "./schemas/oauth2.schema.js";
import { legacySlotsOutputSchema } from "./schemas/slots.schema.js";
import { SANDBOX, useResetEmulatorPerTest } from "./test-support/start-emulator.js";

const api = useResetEmulatorPerTest();
const clientCheck = (clientId: string, headers: Record<string, string> = {}) =>
  api.call("GET", `/atoms/auth/oauth2/clients/${clientId}`, { headers });

describe("GET /v2/atoms/auth/oauth2/clients/{clientId} (CalOAuthProvider’s check)", () => {
  it("answers a known OAuth 2.0 client with its id and no organization, without any credentials", async () => {
    for (const clientId of [SANDBOX.oauth2Client.id, SANDBOX.publicOAuth2Client.id]) {
      const response = await clientCheck(clientId);
      expect(response.status).toBe(200);
      expect(successEnvelopeSchema(atomsOAuth2ClientSchema).parse(response.body).data).toEqual({
        clientId,
        organizationId: null,
      });
    }
  });

  it('answers 404 "unauthorized_client" in the error envelope for an unknown client, as Cal.com’s rethrown HttpException', async () => {
    const response = await clientCheck("no-such-client");
    expect(response.status).toBe(404);
    expect(errorEnvelopeSchema.parse(response.body).error).toEqual({
      code: "HttpException",
      message: "unauthorized_client",
      details: "unauthorized_client",
    });
  });

  it("does not know a Platform OAuth client id, nor /provider an OAuth 2.0 one: the two kinds of client are apart", async () => {
    expect((await clientCheck(SANDBOX.clientId)).status).toBe(404);
    expect((await api.call("GET", `/provider/${SANDBOX.oauth2Client.id}`)).status).toBe(401);
  });

  it.each(["PENDING", "REJECTED"] as const)(
    "still answers 200 for a %s client: getClient does not check the status",
    async (status) => {
      api.emulator.state.oauth2Clients.get(SANDBOX.oauth2Client.id)!.status = status;
      const response = await clientCheck(SANDBOX.oauth2Client.id);
      expect(response.status).toBe(200);
      expect(response.body.data).toEqual({ clientId: SANDBOX.oauth2Client.id, organizationId: null });
    },
  );

  it("is open to any origin, errors included, and its preflight is Cal.com’s", async () => {
    const ok = await clientCheck(SANDBOX.oauth2Client.id, { Origin: "https://church.example" });
    const unknown = await clientCheck("no-such-client", { Origin: "https://church.example" });
    expect([ok.headers.get("access-control-allow-origin"), unknown.headers.get("access-control-allow-origin")]).toEqual(
      ["*", "*"],
    );

    const preflight = await fetch(`${api.running.url}/atoms/auth/oauth2/clients/${SANDBOX.oauth2Client.id}`, {
      method: "OPTIONS",
      headers: {
        Origin: "https://church.example",
        "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "cal-api-version,x-cal-platform-embed",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-headers")).toContain("x-cal-platform-embed");
  });

  it("is counted and can be faulted under its declared route", async () => {
    const route = "GET /v2/atoms/auth/oauth2/clients/:clientId";
    api.emulator.failNext(route, 1, 503);
    expect((await clientCheck(SANDBOX.oauth2Client.id)).status).toBe(503);
    expect((await clientCheck(SANDBOX.oauth2Client.id)).status).toBe(200);
    expect(api.emulator.callCount(route)).toBe(2);
  });
});

/** The headers of every Booker request: CalOAuthProvider sends no client id, CalProvider (managed mode) does. */
const BOOKER_HEADERS = {
  CalOAuthProvider: { "cal-api-version": "2024-06-14", "x-cal-platform-embed": "false" },
  CalProvider: {
    "cal-api-version": "2024-06-14",
    "x-cal-platform-embed": "false",
    "x-cal-client-id": SANDBOX.clientId,
  },
} as const;

const ORDINARY_HOSTS = [
  {
    username: SANDBOX.ordinaryAccount.username,
    userId: SANDBOX.ordinaryAccount.id,
    eventTypeId: SANDBOX.youthMentoring,
    slug: "youth-mentoring",
    day: "2030-01-08",
    location: "integrations:daily",
  },
  {
    username: SANDBOX.secondOrdinaryAccount.username,
    userId: SANDBOX.secondOrdinaryAccount.id,
    eventTypeId: SANDBOX.musicPlanning,
    slug: "music-planning",
    day: "2030-01-07",
    location: "inPerson",
  },
] as const;

/** The Booker's public calls, in its order: event, slots, reserve, book, release. Returns what a visitor would see. */
async function bookAsTheBooker(host: (typeof ORDINARY_HOSTS)[number], headers: Record<string, string>) {
  const event = await api.call(
    "GET",
    `/atoms/event-types/${host.slug}/public?username=${host.username}&isTeamEvent=false`,
    { headers },
  );
  expect(event.status).toBe(200);
  const publicEvent = successEnvelopeSchema(publicEventTypeSchema).parse(event.body).data;

  const range = `startTime=${host.day}T00:00:00.000Z&endTime=${host.day}T23:59:59.999Z`;
  const slotsResponse = await api.call(
    "GET",
    `/slots/available?usernameList[]=${host.username}&eventTypeId=${host.eventTypeId}&${range}&timeZone=UTC`,
    { headers },
  );
  expect(slotsResponse.status).toBe(200);
  const slots = successEnvelopeSchema(legacySlotsOutputSchema).parse(slotsResponse.body).data.slots as Record<
    string,
    { time: string }[]
  >;
  const start = new Date(slots[host.day]![0]!.time);
  const end = new Date(start.getTime() + publicEvent.length * 60_000);

  const reserve = await api.call("POST", "/slots/reserve", {
    headers,
    body: { eventTypeId: host.eventTypeId, slotUtcStartDate: start.toISOString(), slotUtcEndDate: end.toISOString() },
  });
  expect(reserve.status).toBe(201);

  const created = await api.call("POST", "/bookings", {
    headers: { ...headers, Cookie: `uid=${reserve.body.data}` },
    body: {
      start: start.toISOString(),
      end: end.toISOString(),
      eventTypeId: host.eventTypeId,
      eventTypeSlug: host.slug,
      timeZone: "Europe/Berlin",
      language: "en",
      metadata: {},
      hasHashedBookingLink: false,
      user: host.username,
      responses: {
        name: "Kofi Mensah",
        email: "kofi@example.org",
        guests: [],
        location: { value: host.location, optionValue: "" },
      },
    },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const booking = successEnvelopeSchema(legacyBookingSchema).parse(created.body).data;

  const released = await api.call("DELETE", `/slots/selected-slot?uid=${reserve.body.data}`, { headers });
  expect(released.status).toBe(200);
  return { publicEvent, slots, booking };
}

/** A booking without what differs between two bookings of the same slot (ids, uid, links made from the uid). */
function comparable(booking: Record<string, unknown>) {
  const { id: _id, uid, iCalUID: _iCalUID, createdAt: _createdAt, metadata, ...rest } = booking;
  return JSON.parse(JSON.stringify({ ...rest, metadata }).replaceAll(String(uid), "<uid>"));
}

describe("an ordinary account booked through the Booker’s public endpoints", () => {
  it.each(ORDINARY_HOSTS)(
    "books $username the same with CalOAuthProvider’s headers (no x-cal-client-id) as with CalProvider’s",
    async (host) => {
      const withoutClientId = await bookAsTheBooker(host, BOOKER_HEADERS.CalOAuthProvider);
      api.emulator.reset();
      const withClientId = await bookAsTheBooker(host, BOOKER_HEADERS.CalProvider);

      expect(withoutClientId.booking).toMatchObject({
        userId: host.userId,
        eventTypeId: host.eventTypeId,
        status: "ACCEPTED",
      });
      expect(withClientId.publicEvent).toEqual(withoutClientId.publicEvent);
      expect(withClientId.slots).toEqual(withoutClientId.slots);
      expect(comparable(withClientId.booking)).toEqual(comparable(withoutClientId.booking));
    },
  );

  it("takes the booked slot out of what the next visitor is offered", async () => {
    const host = ORDINARY_HOSTS[0];
    const first = await bookAsTheBooker(host, BOOKER_HEADERS.CalOAuthProvider);
    const second = await bookAsTheBooker(host, BOOKER_HEADERS.CalOAuthProvider);
    expect(second.booking.startTime).not.toBe(first.booking.startTime);
    expect(second.slots[host.day]!.map((slot) => slot.time)).not.toContain(first.slots[host.day]![0]!.time);
  });

  it("does not make it a Platform booking: without x-cal-client-id nothing names a platform client", async () => {
    const { booking } = await bookAsTheBooker(ORDINARY_HOSTS[0], BOOKER_HEADERS.CalOAuthProvider);
    expect(api.emulator.state.bookings.get(booking.uid)!.platformClientId).toBeNull();
  });
});
