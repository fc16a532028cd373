import { describe, expect, it } from "vitest";
import { compareEventVersions, inEventOrderPerBooking, triggerRank } from "./event-order.js";

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

describe("inEventOrderPerBooking", () => {
  const delivery = (bookingUid: string | null, occurredAt: string, triggerEvent: string, deliveryId: string) => ({
    bookingUid,
    occurredAt,
    triggerEvent,
    deliveryId,
  });

  it("groups by booking, oldest event first, deliveries without a booking last", () => {
    const batch = [
      delivery(null, "2026-01-01T00:00:00Z", "PING", "p"),
      delivery("b", "2026-01-03T00:00:00Z", "BOOKING_CANCELLED", "b2"),
      delivery("a", "2026-01-02T00:00:00Z", "BOOKING_CANCELLED", "a2"),
      delivery("b", "2026-01-01T00:00:00Z", "BOOKING_CREATED", "b1"),
      delivery("a", "2026-01-02T00:00:00Z", "BOOKING_CREATED", "a1"),
    ];
    expect(inEventOrderPerBooking(batch).map((entry) => entry.deliveryId)).toEqual(["a1", "a2", "b1", "b2", "p"]);
    // The input is left as it was.
    expect(batch[0]!.deliveryId).toBe("p");
  });
});
