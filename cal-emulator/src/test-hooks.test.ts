// Contract of the emulator's own test hooks: per-route call counts, 5xx fault injection in Cal.com's
// envelope, reset to fixtures, and the same hooks over the /_emulator HTTP prefix.
import { describe, expect, it } from "vitest";
import { errorEnvelopeSchema } from "./schemas/envelope.schema.js";
import { SANDBOX, useResetEmulatorPerTest } from "./test-support/start-emulator.js";

const api = useResetEmulatorPerTest();

const admin = async (method: string, path: string, body?: unknown) => {
  const response = await fetch(`${api.running.origin}/_emulator${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as any };
};

describe("call counts", () => {
  it("count each route by its declared pattern, and nothing else", async () => {
    await api.call("GET", `/provider/${SANDBOX.clientId}`);
    await api.call("GET", `/provider/${SANDBOX.clientId}`);
    await api.call("GET", "/timezones");
    expect(api.emulator.callCount("GET /v2/provider/:clientId")).toBe(2);
    expect(api.emulator.callCount("GET /v2/timezones")).toBe(1);
    expect(api.emulator.callCount("POST /v2/bookings")).toBe(0);
  });
});

describe("failNext", () => {
  it("makes the next N calls to one route answer the given 5xx in the error envelope, then lets calls through", async () => {
    api.emulator.failNext("GET /v2/slots/available", 2, 503);
    const query = `/slots/available?eventTypeId=${SANDBOX.pastoralConversation}&startTime=2030-01-07T00:00:00Z&endTime=2030-01-08T00:00:00Z`;
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const failed = await api.call("GET", query);
      expect(failed.status).toBe(503);
      expect(errorEnvelopeSchema.parse(failed.body).error.code).toBe("ServiceUnavailableException");
    }
    expect((await api.call("GET", query)).status).toBe(200);
    expect(api.emulator.callCount("GET /v2/slots/available")).toBe(3);
  });

  it("does not touch the state when a create is faulted", async () => {
    api.emulator.failNext("POST /v2/bookings", 1);
    const body = {
      start: "2030-01-07T09:00:00Z",
      eventTypeId: SANDBOX.pastoralConversation,
      attendee: { name: "A", email: "a@example.org", timeZone: "UTC" },
    };
    expect((await api.call("POST", "/bookings", { headers: { "cal-api-version": "2024-08-13" }, body })).status).toBe(
      500,
    );
    expect(api.emulator.state.bookings.size).toBe(0);
    expect((await api.call("POST", "/bookings", { headers: { "cal-api-version": "2024-08-13" }, body })).status).toBe(
      201,
    );
  });

  it("refuses an unknown route or a non-5xx status, so a typo cannot pass silently", () => {
    expect(() => api.emulator.failNext("POST /v2/booking", 1)).toThrow(/no route POST \/v2\/booking/);
    expect(() => api.emulator.failNext("POST /v2/bookings", 1, 404)).toThrow(/5xx/);
  });
});

describe("reset", () => {
  it("restores the fixtures and forgets tokens, bookings, counts and faults", async () => {
    const { accessToken } = await api.tokensFor(SANDBOX.pastor.id);
    await api.call("PATCH", "/me", { headers: { Authorization: `Bearer ${accessToken}` }, body: { name: "Changed" } });
    api.emulator.failNext("GET /v2/timezones", 5);
    api.emulator.reset();
    expect(api.emulator.state.users.get(SANDBOX.pastor.id)!.name).toBe("Pastor Anna Whitfield");
    expect((await api.call("GET", "/me", { headers: { Authorization: `Bearer ${accessToken}` } })).status).toBe(401);
    expect((await api.call("GET", "/timezones")).status).toBe(200);
    expect(api.emulator.callCounts()).toEqual({ "GET /v2/me": 1, "GET /v2/timezones": 1 });
  });
});

describe("/_emulator over HTTP", () => {
  it("exposes faults, call counts, token expiry and reset", async () => {
    expect((await admin("POST", "/faults", { route: "GET /v2/timezones", times: 1 })).status).toBe(201);
    expect((await api.call("GET", "/timezones")).status).toBe(500);
    expect((await admin("GET", "/calls")).body.calls["GET /v2/timezones"]).toBe(1);

    const { accessToken } = await api.tokensFor(SANDBOX.pastor.id);
    expect((await admin("POST", "/tokens/expire", { userId: SANDBOX.pastor.id })).body).toEqual({ expired: 1 });
    expect((await api.call("GET", "/me", { headers: { Authorization: `Bearer ${accessToken}` } })).status).toBe(498);

    expect((await admin("POST", "/reset")).body).toEqual({ reset: true });
    expect((await admin("GET", "/calls")).body.calls).toEqual({});
  });

  it("is not under /v2, so it is never counted as a Cal.com call", async () => {
    await admin("GET", "/calls");
    expect(api.emulator.callCounts()).toEqual({});
  });
});
