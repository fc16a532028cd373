// What an operator searches delivery runs by, and their memo: sizes within Temporal's limits, no personal data.
import { describe, expect, it } from "vitest";
import { MAX_DELIVERIES_PER_RUN, type CalDelivery } from "./cal-delivery.js";
import { deliveryRunMemo, deliveryRunSearchAttributes } from "./search-attributes.js";

/** Temporal's default limit on one search attribute value (bytes of its JSON encoding). */
const VALUE_SIZE_LIMIT = 2_048;

function delivery(index: number, bookingUid: string | null, triggerEvent = "BOOKING_CREATED"): CalDelivery {
  return {
    deliveryId: index.toString(16).padStart(4, "0").padEnd(64, "f"),
    triggerEvent,
    kind: bookingUid ? "booking" : "other",
    occurredAt: "2026-11-20T09:00:00.000Z",
    receivedAt: "2026-11-20T09:00:01.000Z",
    bookingUid,
    booking: null,
    rawBody: { secret: "Sam Lee" },
    requestId: `req-${index}`,
  };
}

describe("a delivery run's search attributes", () => {
  it("stay within Temporal's value size limit for the largest batch (64-character ids and uids)", () => {
    const batch = Array.from({ length: MAX_DELIVERIES_PER_RUN }, (_, index) => delivery(index, "u".repeat(63) + index));
    for (const { key, value } of deliveryRunSearchAttributes(batch))
      expect(Buffer.byteLength(JSON.stringify(value)), key.name).toBeLessThanOrEqual(VALUE_SIZE_LIMIT);
  });

  it("list each trigger, booking and delivery once, leaving out deliveries without a booking", () => {
    const batch = [delivery(1, "a"), delivery(2, "a", "BOOKING_CANCELLED"), delivery(3, null, "PING")];
    expect(Object.fromEntries(deliveryRunSearchAttributes(batch).map(({ key, value }) => [key.name, value]))).toEqual({
      CalTriggers: ["BOOKING_CREATED", "BOOKING_CANCELLED", "PING"],
      CalBookingUids: ["a"],
      CalDeliveryIds: batch.map((entry) => entry.deliveryId),
    });
  });

  it("start with a memo that summarises the run in under 2 KiB, without the deliveries' bodies", () => {
    const memo = deliveryRunMemo([delivery(1, "a"), { ...delivery(2, "b", "BOOKING_CANCELLED"), source: "replay" }]);
    expect(memo).toEqual({
      summary: "2 deliveries: BOOKING_CREATED ×1, BOOKING_CANCELLED ×1; from webhook ×1, replay ×1",
      requestIds: { "0001ffffffffffff": "req-1", "0002ffffffffffff": "req-2" },
    });
    const largest = Array.from({ length: MAX_DELIVERIES_PER_RUN }, (_, index) => ({
      ...delivery(index, "a"),
      requestId: "0f0c5d8e-6a7b-4c1d-9e2f-3a4b5c6d7e8f",
    }));
    const encoded = JSON.stringify(deliveryRunMemo(largest));
    expect(Buffer.byteLength(encoded)).toBeLessThan(1_600);
    expect(encoded).not.toContain("Sam Lee");
  });
});
