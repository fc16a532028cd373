// Contract: event types as API v2 2024-06-14 prints them and the atoms' PublicEventType the Booker renders.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { errorEnvelopeSchema, successEnvelopeSchema } from "./schemas/envelope.schema.js";
import { eventTypeOutputSchema, publicEventTypeSchema } from "./schemas/event-type.schema.js";
import { SANDBOX, startTestEmulator, type TestEmulator } from "./test-support/start-emulator.js";

const V2024_06_14 = { "cal-api-version": "2024-06-14" };
let api: TestEmulator;
beforeAll(async () => {
  api = await startTestEmulator();
});
afterAll(() => api.stop());

describe("GET /v2/atoms/event-types/{slug}/public", () => {
  it("returns the PublicEventType with the system booking fields around the custom ones, in Cal.com’s order", async () => {
    const response = await api.call(
      "GET",
      `/atoms/event-types/wedding-preparation/public?username=${SANDBOX.pastor.username}`,
    );
    expect(response.status).toBe(200);
    const event = successEnvelopeSchema(publicEventTypeSchema).parse(response.body).data;
    expect(event).toMatchObject({
      id: SANDBOX.weddingPreparation,
      slug: "wedding-preparation",
      length: 60,
      schedulingType: null,
      isDynamic: false,
    });
    expect(event.bookingFields.map((field) => field.name)).toEqual([
      "name",
      "email",
      "location",
      "wedding-date",
      "title",
      "notes",
      "guests",
      "rescheduleReason",
    ]);
    expect(event.profile).toMatchObject({
      username: SANDBOX.pastor.username,
      name: "Pastor Anna Whitfield",
      weekStart: "Monday",
    });
    expect(event.users.map((user) => user.username)).toEqual([SANDBOX.pastor.username]);
    expect(event.schedule).toEqual({ id: 8001, timeZone: "Europe/London" });
  });

  it("keeps a location’s address only when it is meant to be shown publicly", async () => {
    const response = await api.call(
      "GET",
      `/atoms/event-types/counselling-session/public?username=${SANDBOX.counsellor.username}`,
    );
    expect(publicEventTypeSchema.parse(response.body.data).locations).toEqual([{ type: "integrations:daily" }]);
  });

  it("answers 404 for an event the user does not have", async () => {
    const response = await api.call(
      "GET",
      `/atoms/event-types/counselling-session/public?username=${SANDBOX.pastor.username}`,
    );
    expect(response.status).toBe(404);
    expect(errorEnvelopeSchema.parse(response.body).error.code).toBe("NotFoundException");
  });
});

describe("GET /v2/event-types", () => {
  it("lists a user’s event types publicly by username, in the 2024-06-14 shape", async () => {
    const response = await api.call("GET", `/event-types?username=${SANDBOX.pastor.username}`, {
      headers: { "cal-api-version": "2024-06-14" },
    });
    expect(response.status).toBe(200);
    const eventTypes = successEnvelopeSchema(z.array(eventTypeOutputSchema)).parse(response.body).data;
    expect(eventTypes.map((eventType) => eventType.slug)).toEqual(["pastoral-conversation", "wedding-preparation"]);
    expect(eventTypes[0]!.locations).toEqual([
      { type: "address", address: "Grace Community Church, 12 Chapel Lane", public: true },
    ]);
    // Hidden booking fields (the title) are left out of the public list.
    expect(eventTypes[0]!.bookingFields.map((field) => field.slug)).toEqual([
      "name",
      "email",
      "location",
      "notes",
      "guests",
      "rescheduleReason",
    ]);
  });

  it("narrows to one event type with eventSlug, and answers 404 when nothing matches", async () => {
    const one = await api.call(
      "GET",
      `/event-types?username=${SANDBOX.counsellor.username}&eventSlug=counselling-session`,
      { headers: V2024_06_14 },
    );
    expect(one.body.data.map((eventType: { id: number }) => eventType.id)).toEqual([SANDBOX.counsellingSession]);
    const none = await api.call("GET", "/event-types?username=nobody", { headers: V2024_06_14 });
    expect(none.status).toBe(404);
    expect(none.body.error.message).toBe("Event types not found");
  });
});

describe("GET /v2/event-types/{id}", () => {
  it("returns the caller’s own event type and 404 for someone else’s", async () => {
    const { accessToken } = await api.tokensFor(SANDBOX.counsellor.id);
    const own = await api.call("GET", `/event-types/${SANDBOX.counsellingSession}`, {
      headers: { Authorization: `Bearer ${accessToken}`, ...V2024_06_14 },
    });
    expect(own.status).toBe(200);
    expect(eventTypeOutputSchema.parse(own.body.data)).toMatchObject({
      id: SANDBOX.counsellingSession,
      lengthInMinutes: 50,
      ownerId: SANDBOX.counsellor.id,
    });
    const other = await api.call("GET", `/event-types/${SANDBOX.pastoralConversation}`, {
      headers: { Authorization: `Bearer ${accessToken}`, ...V2024_06_14 },
    });
    expect(other.status).toBe(404);
  });

  it("requires authentication", async () => {
    const response = await api.call("GET", `/event-types/${SANDBOX.counsellingSession}`, { headers: V2024_06_14 });
    expect(response.status).toBe(401);
  });
});

describe("routing by cal-api-version", () => {
  it("gives a missing or older version the 2024-04-15 controller: the caller's own event types, grouped, in the row's form", async () => {
    const { accessToken } = await api.tokensFor(SANDBOX.counsellor.id);
    const versions: Record<string, string>[] = [
      {},
      { "cal-api-version": "2024-06-11" },
      { "cal-api-version": "2024-06-1" },
    ];
    for (const headers of versions) {
      const response = await api.call("GET", "/event-types", {
        headers: { Authorization: `Bearer ${accessToken}`, ...headers },
      });
      expect(response.status).toBe(200);
      const [group] = response.body.data.eventTypeGroups;
      expect(
        group.eventTypes.map((eventType: { id: number; length: number }) => [eventType.id, eventType.length]),
      ).toEqual([[SANDBOX.counsellingSession, 50]]);
      expect(group.eventTypes[0]).not.toHaveProperty("lengthInMinutes");
    }
    const one = await api.call("GET", `/event-types/${SANDBOX.counsellingSession}`, {
      headers: { Authorization: `Bearer ${accessToken}` },
    });
    expect(one.body.data.eventType).toMatchObject({
      id: SANDBOX.counsellingSession,
      length: 50,
      userId: SANDBOX.counsellor.id,
    });
  });

  it("needs a user for the legacy list (no public lookup by username there)", async () => {
    expect((await api.call("GET", `/event-types?username=${SANDBOX.pastor.username}`)).status).toBe(401);
  });

  it("answers 404 to a version no event-types controller serves (2024-08-13, 2024-09-04)", async () => {
    for (const version of ["2024-08-13", "2024-09-04"]) {
      const response = await api.call("GET", `/event-types?username=${SANDBOX.pastor.username}`, {
        headers: { "cal-api-version": version },
      });
      expect(response.status).toBe(404);
      expect(response.body.error.message).toBe("Cannot GET /v2/event-types");
    }
  });
});
