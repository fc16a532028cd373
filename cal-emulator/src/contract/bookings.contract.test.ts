// Contract (published OpenAPI document): the bookings endpoints ChurchHub and the Booker call, 2024-08-13,
// success and error answers, parsed with the document's schemas (./openapi-schemas.ts).
import { describe, expect, it } from "vitest";
import { SANDBOX, useResetEmulatorPerTest } from "../test-support/start-emulator.js";
import {
  apiErrorBody,
  bookingOutput,
  cancelBookingOutput,
  createBookingOutput,
  getBookingOutput,
  getBookingsOutput,
  rescheduleBookingOutput,
} from "./openapi-schemas.js";

const api = useResetEmulatorPerTest();
const V = { "cal-api-version": "2024-08-13" };

const book = (eventTypeId: number, start: string) =>
  api.call("POST", "/bookings", {
    headers: V,
    body: {
      start,
      eventTypeId,
      attendee: { name: "Kim Ode", email: "kim@example.org", timeZone: "Europe/London", language: "en" },
      guests: ["friend@example.org"],
    },
  });

describe("POST /v2/bookings", () => {
  it("201 CreateBookingOutput_2024_08_13, for an in-person and a Cal Video event", async () => {
    for (const [eventTypeId, start] of [
      [SANDBOX.pastoralConversation, "2030-01-07T10:00:00Z"],
      [SANDBOX.counsellingSession, "2030-01-07T15:00:00Z"],
    ] as const) {
      const response = await book(eventTypeId, start);
      expect(response.status).toBe(201);
      createBookingOutput.parse(response.body);
    }
  });

  it("400 in the error envelope for an unavailable slot, 404 for an unknown event type", async () => {
    const taken = await book(SANDBOX.pastoralConversation, "2030-01-07T03:00:00Z");
    expect(taken.status).toBe(400);
    apiErrorBody.parse(taken.body);
    const unknown = await book(999_999, "2030-01-07T10:00:00Z");
    expect(unknown.status).toBe(404);
    apiErrorBody.parse(unknown.body);
  });
});

describe("GET /v2/bookings", () => {
  it("200 GetBookingsOutput_2024_08_13 for the client, a managed user and an OAuth 2.0 account", async () => {
    await book(SANDBOX.pastoralConversation, "2030-01-07T10:00:00Z");
    getBookingsOutput.parse(
      (await api.call("GET", "/bookings?take=1", { headers: { ...V, ...api.clientHeaders } })).body,
    );
    const { accessToken } = await api.tokensFor(SANDBOX.pastor.id);
    const mine = await api.call("GET", "/bookings", { headers: { ...V, Authorization: `Bearer ${accessToken}` } });
    expect(getBookingsOutput.parse(mine.body).data).toHaveLength(1);
    const oauth = api.emulator.issueOAuth2Tokens({ userId: SANDBOX.ordinaryAccount.id }).access_token;
    getBookingsOutput.parse(
      (await api.call("GET", "/bookings", { headers: { ...V, Authorization: `Bearer ${oauth}` } })).body,
    );
  });

  it("401 and 400 in the error envelope", async () => {
    const anonymous = await api.call("GET", "/bookings", { headers: V });
    expect(anonymous.status).toBe(401);
    apiErrorBody.parse(anonymous.body);
    const tooMany = await api.call("GET", "/bookings?take=251", { headers: { ...V, ...api.clientHeaders } });
    expect(tooMany.status).toBe(400);
    apiErrorBody.parse(tooMany.body);
  });

  it("a dropped or misspelt version header answers a shape the document's list schema refuses", async () => {
    await book(SANDBOX.pastoralConversation, "2030-01-07T10:00:00Z");
    for (const headers of [api.clientHeaders, { ...api.clientHeaders, "cal-api-version": "2024-08-31" }]) {
      const response = await api.call("GET", "/bookings", { headers });
      expect(response.status).toBe(200);
      expect(getBookingsOutput.safeParse(response.body).success).toBe(false);
    }
  });
});

describe("GET /v2/bookings/{uid}, cancel and reschedule", () => {
  it("GetBookingOutput, RescheduleBookingOutput (201) and CancelBookingOutput (200)", async () => {
    const created = createBookingOutput.parse((await book(SANDBOX.pastoralConversation, "2030-01-07T10:00:00Z")).body);
    getBookingOutput.parse((await api.call("GET", `/bookings/${created.data.uid}`, { headers: V })).body);
    const moved = await api.call("POST", `/bookings/${created.data.uid}/reschedule`, {
      headers: V,
      body: { start: "2030-01-07T11:00:00Z", reschedulingReason: "Clash" },
    });
    expect(moved.status).toBe(201);
    const rescheduled = rescheduleBookingOutput.parse(moved.body);
    const cancelled = await api.call("POST", `/bookings/${rescheduled.data.uid}/cancel`, {
      headers: V,
      body: { cancellationReason: "Unwell" },
    });
    expect(cancelled.status).toBe(200);
    expect(cancelBookingOutput.parse(cancelled.body).data.status).toBe("cancelled");
  });

  it("404 and 400 in the error envelope", async () => {
    const missing = await api.call("GET", "/bookings/no-such-uid", { headers: V });
    expect(missing.status).toBe(404);
    apiErrorBody.parse(missing.body);
    const created = createBookingOutput.parse((await book(SANDBOX.pastoralConversation, "2030-01-07T10:00:00Z")).body);
    await api.call("POST", `/bookings/${created.data.uid}/cancel`, { headers: V, body: {} });
    const again = await api.call("POST", `/bookings/${created.data.uid}/cancel`, { headers: V, body: {} });
    expect(again.status).toBe(400);
    apiErrorBody.parse(again.body);
  });
});

describe("the schema itself", () => {
  it("refuses a booking missing displayEmail, with an unknown status, or with an undocumented key", async () => {
    const { data } = createBookingOutput.parse((await book(SANDBOX.pastoralConversation, "2030-01-07T10:00:00Z")).body);
    const [host] = data.hosts;
    const { displayEmail: _dropped, ...hostWithout } = host!;
    expect(bookingOutput.safeParse({ ...data, hosts: [hostWithout] }).success).toBe(false);
    expect(bookingOutput.safeParse({ ...data, status: "ACCEPTED" }).success).toBe(false);
    expect(bookingOutput.safeParse({ ...data, startTime: data.start }).success).toBe(false);
  });
});
