// Contract: slots computed from fixture availability in the host's time zone, shown in the viewer's,
// minus the minimum booking notice, accepted bookings and other visitors' reservations.
// Fixture hosts: the pastor works Mon–Fri 09:00–17:00 Europe/London (30-min events); the counsellor
// Mon–Fri 09:00–17:00 America/New_York (50-min sessions every 60 min). "Now" is Sunday 2030-01-06 12:00Z.
import { describe, expect, it } from "vitest";
import { errorEnvelopeSchema, successEnvelopeSchema } from "./schemas/envelope.schema.js";
import { legacySlotsOutputSchema, slotsOutputSchema } from "./schemas/slots.schema.js";
import { SANDBOX, useResetEmulatorPerTest } from "./test-support/start-emulator.js";

const api = useResetEmulatorPerTest();

const legacySlots = async (query: string) => {
  const response = await api.call("GET", `/slots/available?${query}`);
  expect(response.status).toBe(200);
  return successEnvelopeSchema(legacySlotsOutputSchema).parse(response.body).data.slots as Record<
    string,
    { time: string }[]
  >;
};
const mondayPastor = `eventTypeId=${SANDBOX.pastoralConversation}&usernameList[]=${SANDBOX.pastor.username}&startTime=2030-01-07T00:00:00.000Z&endTime=2030-01-07T23:59:59.999Z`;

describe("GET /v2/slots/available (legacy, what the Booker calls)", () => {
  it("offers the pastor’s London working day in UTC when no time zone is given", async () => {
    const slots = await legacySlots(mondayPastor);
    const times = slots["2030-01-07"]!.map((slot) => slot.time);
    expect(times).toHaveLength(16);
    expect(times[0]).toBe("2030-01-07T09:00:00.000Z");
    expect(times.at(-1)).toBe("2030-01-07T16:30:00.000Z");
  });

  it("prints times in the viewer’s time zone and groups them by the viewer’s date", async () => {
    const slots = await legacySlots(`${mondayPastor}&timeZone=Asia/Tokyo`);
    // 09:00 London is 18:00 in Tokyo; 15:00 London is midnight, so later slots fall on Tokyo’s next day.
    expect(slots["2030-01-07"]![0]!.time).toBe("2030-01-07T18:00:00.000+09:00");
    expect(slots["2030-01-08"]![0]!.time).toBe("2030-01-08T00:00:00.000+09:00");
    expect(Object.values(slots).flat()).toHaveLength(16);
  });

  it("places the counsellor’s hours in New York time and steps by the slot interval", async () => {
    const slots = await legacySlots(
      `eventTypeId=${SANDBOX.counsellingSession}&usernameList[]=${SANDBOX.counsellor.username}&startTime=2030-01-07T00:00:00Z&endTime=2030-01-08T00:00:00Z`,
    );
    expect(slots["2030-01-07"]!.map((slot) => slot.time.slice(11, 16))).toEqual([
      "14:00",
      "15:00",
      "16:00",
      "17:00",
      "18:00",
      "19:00",
      "20:00",
      "21:00",
    ]);
  });

  it("follows daylight saving time: London’s 09:00 is 08:00Z after the clocks go forward", async () => {
    api.clock.set("2030-03-30T12:00:00Z");
    const slots = await legacySlots(
      `eventTypeId=${SANDBOX.pastoralConversation}&usernameList[]=${SANDBOX.pastor.username}&startTime=2030-04-01T00:00:00Z&endTime=2030-04-01T23:59:59Z`,
    );
    expect(slots["2030-04-01"]![0]!.time).toBe("2030-04-01T08:00:00.000Z");
  });

  it("leaves out slots inside the minimum booking notice (120 min)", async () => {
    api.clock.set("2030-01-07T09:10:00Z");
    const slots = await legacySlots(mondayPastor);
    expect(slots["2030-01-07"]![0]!.time).toBe("2030-01-07T11:30:00.000Z");
  });

  it("removes a booked slot, and gives it back once the booking is cancelled", async () => {
    const booked = await api.call("POST", "/bookings", {
      headers: { "cal-api-version": "2024-08-13" },
      body: {
        start: "2030-01-07T10:00:00Z",
        eventTypeId: SANDBOX.pastoralConversation,
        attendee: { name: "Sam Lee", email: "sam@example.org", timeZone: "Europe/London" },
      },
    });
    expect(booked.status).toBe(201);
    // Any event type of the same host is blocked: the 60-minute wedding slot at 09:30 would overlap too.
    const pastoral = (await legacySlots(mondayPastor))["2030-01-07"]!.map((slot) => slot.time);
    expect(pastoral).not.toContain("2030-01-07T10:00:00.000Z");
    expect(pastoral).toContain("2030-01-07T09:30:00.000Z");
    const wedding = (
      await legacySlots(
        mondayPastor.replace(
          `eventTypeId=${SANDBOX.pastoralConversation}`,
          `eventTypeId=${SANDBOX.weddingPreparation}`,
        ),
      )
    )["2030-01-07"]!.map((slot) => slot.time);
    expect(wedding).toEqual([
      "2030-01-07T09:00:00.000Z",
      "2030-01-07T11:00:00.000Z",
      "2030-01-07T12:00:00.000Z",
      "2030-01-07T13:00:00.000Z",
      "2030-01-07T14:00:00.000Z",
      "2030-01-07T15:00:00.000Z",
      "2030-01-07T16:00:00.000Z",
    ]);

    await api.call("POST", `/bookings/${booked.body.data.uid}/cancel`, {
      headers: { "cal-api-version": "2024-08-13" },
      body: {},
    });
    expect((await legacySlots(mondayPastor))["2030-01-07"]!.map((slot) => slot.time)).toContain(
      "2030-01-07T10:00:00.000Z",
    );
  });

  it("answers 400 when the range is backwards", async () => {
    const response = await api.call(
      "GET",
      `/slots/available?eventTypeId=${SANDBOX.pastoralConversation}&startTime=2030-01-08T00:00:00Z&endTime=2030-01-07T00:00:00Z`,
    );
    expect(response.status).toBe(400);
    expect(errorEnvelopeSchema.parse(response.body).error.message).toBe(
      "Invalid time range given - check the 'startTime' and 'endTime' query parameters.",
    );
  });
});

describe("GET /v2/slots (2024-09-04)", () => {
  it("takes whole days in the requested zone and returns {date: [{start}]} with offsets", async () => {
    const response = await api.call(
      "GET",
      `/slots?eventTypeId=${SANDBOX.counsellingSession}&start=2030-01-07&end=2030-01-07&timeZone=America/New_York`,
      {
        headers: { "cal-api-version": "2024-09-04" },
      },
    );
    expect(response.status).toBe(200);
    const data = successEnvelopeSchema(slotsOutputSchema).parse(response.body).data;
    expect(Object.keys(data)).toEqual(["2030-01-07"]);
    expect(data["2030-01-07"]![0]).toEqual({ start: "2030-01-07T09:00:00.000-05:00" });
    expect(data["2030-01-07"]).toHaveLength(8);
  });

  it("gives start and end with format=range", async () => {
    const response = await api.call(
      "GET",
      `/slots?eventTypeSlug=pastoral-conversation&username=${SANDBOX.pastor.username}&start=2030-01-07&end=2030-01-07&format=range`,
      { headers: { "cal-api-version": "2024-09-04" } },
    );
    expect(response.body.data["2030-01-07"][0]).toEqual({
      start: "2030-01-07T09:00:00.000Z",
      end: "2030-01-07T09:30:00.000Z",
    });
  });
});

describe("routing by cal-api-version", () => {
  it("serves GET /v2/slots only to 2024-09-04 and the legacy /slots/available to older or missing versions", async () => {
    const query = `eventTypeId=${SANDBOX.counsellingSession}&start=2030-01-07&end=2030-01-07`;
    const versions: Record<string, string>[] = [
      {},
      { "cal-api-version": "2024-06-14" },
      { "cal-api-version": "2024-9-04" },
    ];
    for (const headers of versions) {
      const response = await api.call("GET", `/slots?${query}`, { headers });
      expect(response.status).toBe(404);
      expect(response.body.error.message).toBe("Cannot GET /v2/slots");
    }
    const legacy = `/slots/available?eventTypeId=${SANDBOX.counsellingSession}&startTime=2030-01-07T00:00:00Z&endTime=2030-01-07T23:59:59Z`;
    expect((await api.call("GET", legacy, { headers: { "cal-api-version": "2024-06-14" } })).status).toBe(200);
    expect((await api.call("GET", legacy)).status).toBe(200);
    expect((await api.call("GET", legacy, { headers: { "cal-api-version": "2024-09-04" } })).status).toBe(404);
  });
});

describe("slot reservations", () => {
  it("reserve answers 201 with the uid and a uid cookie; the slot is hidden from others, not from its holder, until released", async () => {
    const reserve = await api.call("POST", "/slots/reserve", {
      body: {
        eventTypeId: SANDBOX.pastoralConversation,
        slotUtcStartDate: "2030-01-07T09:00:00.000Z",
        slotUtcEndDate: "2030-01-07T09:30:00.000Z",
      },
    });
    expect(reserve.status).toBe(201);
    const uid = reserve.body.data as string;
    expect(typeof uid).toBe("string");
    expect(reserve.headers.get("set-cookie")).toContain(`uid=${uid}`);

    const firstTime = async (headers: Record<string, string> = {}) =>
      (await api.call("GET", `/slots/available?${mondayPastor}`, { headers })).body.data.slots["2030-01-07"][0].time;
    expect(await firstTime()).toBe("2030-01-07T09:30:00.000Z");
    expect(await firstTime({ Cookie: `uid=${uid}` })).toBe("2030-01-07T09:00:00.000Z");

    const released = await api.call("DELETE", `/slots/selected-slot?uid=${uid}`);
    expect(released.status).toBe(200);
    expect(released.body).toEqual({ status: "success" });
    expect(await firstTime()).toBe("2030-01-07T09:00:00.000Z");
  });

  it("lets a reservation lapse after five minutes", async () => {
    await api.call("POST", "/slots/reserve", {
      body: {
        eventTypeId: SANDBOX.pastoralConversation,
        slotUtcStartDate: "2030-01-07T09:00:00.000Z",
        slotUtcEndDate: "2030-01-07T09:30:00.000Z",
      },
    });
    api.clock.advance(5 * 60_000 + 1);
    expect((await legacySlots(mondayPastor))["2030-01-07"]![0]!.time).toBe("2030-01-07T09:00:00.000Z");
  });
});
