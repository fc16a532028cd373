// Contract (published OpenAPI document + Cal.com source): an event type's privacy settings changed with
// PATCH /v2/event-types/{id} (owner only, EVENT_TYPE_WRITE for a scoped OAuth 2.0 token), what the calendar
// event Cal.com would write holds before and after them, and private links (create, list, book, use up, delete).
import { describe, expect, it } from "vitest";
import { SANDBOX, useResetEmulatorPerTest } from "../test-support/start-emulator.js";
import {
  apiErrorBody,
  createPrivateLinkOutput,
  deletePrivateLinkOutput,
  getEventTypeOutput,
  getPrivateLinksOutput,
  updateEventTypeOutput,
} from "./openapi-schemas.js";

const api = useResetEmulatorPerTest();
const V = { "cal-api-version": "2024-06-14" };

const SENSITIVE = {
  hideCalendarEventDetails: true,
  hideCalendarNotes: true,
  hideOrganizerEmail: true,
  customName: "Pastoral appointment",
  bookingFields: [
    { slug: "notes", hidden: true },
    { slug: "guests", hidden: true },
  ],
};

async function pastorHeaders() {
  const { accessToken } = await api.tokensFor(SANDBOX.pastor.id);
  return { ...V, Authorization: `Bearer ${accessToken}` };
}

/** The Booker's legacy body for the wedding preparation (it has one custom question). */
const weddingBooking = (start: string, extra: Record<string, unknown> = {}) => ({
  start,
  eventTypeId: SANDBOX.weddingPreparation,
  timeZone: "Europe/London",
  language: "en",
  metadata: {},
  responses: {
    name: "Canary Person",
    email: "canary.person@example.org",
    notes: "We are worried about money",
    "wedding-date": "14 June",
    location: { value: "inPerson", optionValue: "" },
  },
  ...extra,
});

async function calendarCopy(bookingUid: string) {
  const response = await fetch(
    `${api.running.origin}/_emulator/calendar-events?bookingUid=${encodeURIComponent(bookingUid)}`,
  );
  const { calendarEvents } = (await response.json()) as { calendarEvents: Array<Record<string, any>> };
  expect(calendarEvents).toHaveLength(1);
  return calendarEvents[0]!;
}

describe("PATCH /v2/event-types/{id} (2024-06-14)", () => {
  it("200 UpdateEventTypeOutput_2024_06_14 with the privacy settings; GET shows them; booking questions replaced", async () => {
    const headers = await pastorHeaders();
    const response = await api.call("PATCH", `/event-types/${SANDBOX.weddingPreparation}`, {
      headers,
      body: SENSITIVE,
    });
    expect(response.status).toBe(200);
    const updated = updateEventTypeOutput.parse(response.body).data;
    expect(updated).toMatchObject({
      hideCalendarEventDetails: true,
      hideCalendarNotes: true,
      hideOrganizerEmail: true,
      customName: "Pastoral appointment",
    });
    const read = getEventTypeOutput.parse(
      (await api.call("GET", `/event-types/${SANDBOX.weddingPreparation}`, { headers })).body,
    ).data;
    // The custom question is gone; notes and guests are still there, hidden.
    expect(read.bookingFields.map((field) => field.slug)).not.toContain("wedding-date");
    expect(read.bookingFields.find((field) => field.slug === "notes")).toMatchObject({ hidden: true });
    expect(read.bookingFields.find((field) => field.slug === "guests")).toMatchObject({ hidden: true });
  });

  it("another host's event type is 404, an unknown property 400, an older version 404", async () => {
    const headers = await pastorHeaders();
    const other = await api.call("PATCH", `/event-types/${SANDBOX.counsellingSession}`, { headers, body: SENSITIVE });
    expect(other.status).toBe(404);
    expect(apiErrorBody.parse(other.body).error.message).toBe(
      `Event type with id ${SANDBOX.counsellingSession} not found`,
    );
    const unknown = await api.call("PATCH", `/event-types/${SANDBOX.weddingPreparation}`, {
      headers,
      body: { hideEverything: true },
    });
    expect(unknown.status).toBe(400);
    const legacy = await api.call("PATCH", `/event-types/${SANDBOX.weddingPreparation}`, {
      headers: { ...headers, "cal-api-version": "2024-04-15" },
      body: SENSITIVE,
    });
    expect(legacy.status).toBe(404);
  });

  it("an OAuth 2.0 token without EVENT_TYPE_WRITE gets Cal.com's 403 insufficient_scope; with it, 200", async () => {
    const readOnly = api.emulator.issueOAuth2Tokens({
      userId: SANDBOX.ordinaryAccount.id,
      scopes: ["BOOKING_READ", "PROFILE_READ"],
    });
    const refused = await api.call("PATCH", `/event-types/${SANDBOX.youthMentoring}`, {
      headers: { ...V, Authorization: `Bearer ${readOnly.access_token}` },
      body: SENSITIVE,
    });
    expect(refused.status).toBe(403);
    expect(apiErrorBody.parse(refused.body).error.message).toBe(
      "insufficient_scope: token does not have the required scopes. Required: EVENT_TYPE_WRITE. Token has: BOOKING_READ, PROFILE_READ",
    );
    expect(api.emulator.eventType(SANDBOX.youthMentoring)?.hideCalendarEventDetails).toBe(false);
    const writer = api.emulator.issueOAuth2Tokens({
      userId: SANDBOX.ordinaryAccount.id,
      scopes: ["EVENT_TYPE_READ", "EVENT_TYPE_WRITE"],
    });
    const allowed = await api.call("PATCH", `/event-types/${SANDBOX.youthMentoring}`, {
      headers: { ...V, Authorization: `Bearer ${writer.access_token}` },
      body: SENSITIVE,
    });
    expect(allowed.status).toBe(200);
    expect(api.emulator.eventType(SANDBOX.youthMentoring)).toMatchObject({
      hideCalendarEventDetails: true,
      customName: "Pastoral appointment",
    });
  });
});

describe("the calendar event Cal.com would write (GET /_emulator/calendar-events)", () => {
  it("names the person, shows notes, answers and the organizer's email, publicly, until the settings are applied", async () => {
    const before = await api.call("POST", "/bookings", {
      headers: V,
      body: weddingBooking("2030-01-07T10:00:00Z"),
    });
    expect(before.status).toBe(201);
    const open = await calendarCopy(before.body.data.uid);
    expect(open.title).toBe("Wedding preparation between Pastor Anna Whitfield and Canary Person");
    expect(open.visibility).toBe("default");
    expect(open.description).toContain("Canary Person\ncanary.person@example.org");
    expect(open.description).toContain("Additional notes:\nWe are worried about money");
    expect(open.description).toContain("Planned wedding date:\n14 June");
    expect(open.description).toContain("pastor.anna+clxsandbox0client@example.org");
    expect(open.organizer.email).toBe("pastor.anna+clxsandbox0client@example.org");

    expect(
      (
        await api.call("PATCH", `/event-types/${SANDBOX.weddingPreparation}`, {
          headers: await pastorHeaders(),
          body: SENSITIVE,
        })
      ).status,
    ).toBe(200);
    const after = await api.call("POST", "/bookings", { headers: V, body: weddingBooking("2030-01-07T13:00:00Z") });
    expect(after.status).toBe(201);
    const closed = await calendarCopy(after.body.data.uid);
    expect(closed.title).toBe("Pastoral appointment");
    expect(closed.visibility).toBe("private");
    expect(closed.description).toContain("Additional notes:\nNotes have been hidden by the organizer");
    expect(closed.description).not.toContain("We are worried about money");
    expect(closed.description).not.toContain("14 June");
    expect(closed.description).not.toContain("pastor.anna+clxsandbox0client@example.org");
    expect(closed.organizer.email).toBeNull();
    // Cal.com still names the attendee: only what the Booker was given reaches it.
    expect(closed.attendees).toEqual([{ name: "Canary Person", email: "canary.person@example.org" }]);
  });

  it("a customName variable fills in the attendee, and a cancelled booking's calendar event is deleted", async () => {
    await api.call("PATCH", `/event-types/${SANDBOX.pastoralConversation}`, {
      headers: await pastorHeaders(),
      body: { customName: "{Event type title} with {Scheduler} ({Event duration})" },
    });
    const booked = await api.call("POST", "/bookings", {
      headers: V,
      body: { ...weddingBooking("2030-01-07T10:00:00Z"), eventTypeId: SANDBOX.pastoralConversation },
    });
    expect(booked.status).toBe(201);
    expect((await calendarCopy(booked.body.data.uid)).title).toBe("Pastoral conversation with Canary Person (30 mins)");
    const cancelled = await api.call("POST", `/bookings/${booked.body.data.uid}/cancel`, {
      headers: { "cal-api-version": "2024-08-13" },
      body: { cancellationReason: "no longer needed" },
    });
    expect(cancelled.status).toBe(200);
    expect((await calendarCopy(booked.body.data.uid)).deleted).toBe(true);
  });
});

describe("/v2/event-types/{id}/private-links", () => {
  it("create (one use by default), list, book with hashedLink once, then 410; delete, then 404", async () => {
    const headers = await pastorHeaders();
    const path = `/event-types/${SANDBOX.pastoralConversation}/private-links`;
    const created = await api.call("POST", path, { headers, body: {} });
    expect(created.status).toBe(201);
    const link = createPrivateLinkOutput.parse(created.body).data;
    expect(link).toMatchObject({ maxUsageCount: 1, usageCount: 0, isExpired: false });
    expect(link.bookingUrl).toBe(`https://cal.com/d/${link.linkId}`);
    const timed = createPrivateLinkOutput.parse(
      (await api.call("POST", path, { headers, body: { expiresAt: "2030-01-06T13:00:00.000Z" } })).body,
    ).data;
    expect(timed).toMatchObject({ expiresAt: "2030-01-06T13:00:00.000Z", isExpired: false });
    expect(getPrivateLinksOutput.parse((await api.call("GET", path, { headers })).body).data).toHaveLength(2);

    const body = { ...weddingBooking("2030-01-07T10:00:00Z"), eventTypeId: SANDBOX.pastoralConversation };
    const first = await api.call("POST", "/bookings", { headers: V, body: { ...body, hashedLink: link.linkId } });
    expect(first.status).toBe(201);
    const usedUp = await api.call("POST", "/bookings", {
      headers: V,
      body: { ...body, start: "2030-01-07T11:00:00Z", hashedLink: link.linkId },
    });
    expect(usedUp.status).toBe(410);
    expect(apiErrorBody.parse(usedUp.body).error.message).toBe("Link has expired");
    const wrongType = await api.call("POST", "/bookings", {
      headers: V,
      body: { ...weddingBooking("2030-01-07T11:00:00Z"), hashedLink: timed.linkId },
    });
    expect(wrongType.status).toBe(400);
    const listed = getPrivateLinksOutput.parse((await api.call("GET", path, { headers })).body).data;
    expect(listed.find((entry) => entry.linkId === link.linkId)).toMatchObject({ usageCount: 1, isExpired: true });

    const deleted = await api.call("DELETE", `${path}/${timed.linkId}`, { headers });
    expect(deleted.status).toBe(200);
    expect(deletePrivateLinkOutput.parse(deleted.body).data.linkId).toBe(timed.linkId);
    const again = await api.call("DELETE", `${path}/${timed.linkId}`, { headers });
    expect(again.status).toBe(404);
    apiErrorBody.parse(again.body);
  });

  it("a time-based link past its expiry is expired; another host's event type is 404", async () => {
    const headers = await pastorHeaders();
    const path = `/event-types/${SANDBOX.pastoralConversation}/private-links`;
    const link = createPrivateLinkOutput.parse(
      (await api.call("POST", path, { headers, body: { expiresAt: "2030-01-06T12:30:00.000Z" } })).body,
    ).data;
    api.clock.advance(60 * 60_000);
    const [listed] = getPrivateLinksOutput.parse((await api.call("GET", path, { headers })).body).data;
    expect(listed).toMatchObject({ linkId: link.linkId, isExpired: true });
    const other = await api.call("GET", `/event-types/${SANDBOX.counsellingSession}/private-links`, { headers });
    expect(other.status).toBe(404);
  });

  it("the schemas refuse a link with neither expiry nor use count", () => {
    expect(
      createPrivateLinkOutput.safeParse({
        status: "success",
        data: { linkId: "x", eventTypeId: 1, isExpired: false, bookingUrl: "https://cal.com/d/x" },
      }).success,
    ).toBe(false);
  });
});
