// Unit test of the pure mapping from a Cal.com refusal to the state and sentence staff see.
import { describe, expect, it } from "vitest";
import { CalApiError } from "@churchhub/cal-client";
import { NeedsReconnectError } from "../cal-connections/connection-failures.js";
import { HostNotConnectedError } from "./host-access-token.js";
import { sensitiveProblemOf } from "./sensitive-problems.js";

const connection = { kind: "connection" as const, connectionId: "c1", scopes: "BOOKING_READ PROFILE_READ" };

describe("sensitiveProblemOf", () => {
  it("leaves Cal.com being down to Temporal's retries", () => {
    expect(
      sensitiveProblemOf(new CalApiError("unavailable", 503, null, "update event type"), connection, "x"),
    ).toBeNull();
    expect(sensitiveProblemOf(new Error("socket hang up"), connection, "x")).toBeNull();
  });

  it("names the granted scopes, the missing ones and the steps for a 403", () => {
    const problem = sensitiveProblemOf(
      new CalApiError("rejected", 403, "ForbiddenException", "update event type"),
      connection,
      "change this event type's settings",
    );
    expect(problem?.state).toBe("missing_scope");
    expect(problem?.detail).toContain("granted BOOKING_READ PROFILE_READ");
    expect(problem?.detail).toContain("EVENT_TYPE_READ and EVENT_TYPE_WRITE");
    expect(problem?.detail).toContain("CAL_OAUTH2_SCOPES");
    expect(problem?.detail).toContain("npm run connect:link");
  });

  it("tells staff to reconnect or connect the host, and reports an unknown event type", () => {
    expect(sensitiveProblemOf(new NeedsReconnectError("c1"), connection, "x")).toMatchObject({ state: "failed" });
    expect(sensitiveProblemOf(new HostNotConnectedError(7), null, "x")?.detail).toContain(
      "connect their Cal.com account",
    );
    expect(
      sensitiveProblemOf(new CalApiError("not_found", 404, null, "get event type"), connection, "x"),
    ).toMatchObject({ state: "not_found" });
  });
});
