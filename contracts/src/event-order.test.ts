import { describe, expect, it } from "vitest";
import { compareEventVersions, triggerRank } from "./event-order.js";

const at = (iso: string, trigger: string, deliveryId = "a") => ({
  occurredAt: new Date(iso),
  rank: triggerRank(trigger),
  deliveryId,
});

describe("compareEventVersions", () => {
  it("orders by event time first", () => {
    expect(
      compareEventVersions(
        at("2026-01-02T00:00:00Z", "BOOKING_CREATED"),
        at("2026-01-01T00:00:00Z", "BOOKING_CANCELLED"),
      ),
    ).toBeGreaterThan(0);
  });

  it("lets a cancellation outrank a creation with the same timestamp", () => {
    expect(
      compareEventVersions(
        at("2026-01-01T00:00:00Z", "BOOKING_CANCELLED"),
        at("2026-01-01T00:00:00Z", "BOOKING_CREATED"),
      ),
    ).toBeGreaterThan(0);
  });

  it("breaks remaining ties by delivery id, and calls an event equal to itself", () => {
    const a = at("2026-01-01T00:00:00Z", "BOOKING_CREATED", "a");
    const b = at("2026-01-01T00:00:00Z", "BOOKING_CREATED", "b");
    expect(compareEventVersions(a, b)).toBeLessThan(0);
    expect(compareEventVersions(b, a)).toBeGreaterThan(0);
    expect(compareEventVersions(a, { ...a })).toBe(0);
  });

  it("ranks unknown triggers lowest", () => {
    expect(triggerRank("SOMETHING_NEW")).toBe(0);
  });
});
