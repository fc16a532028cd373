// Minimal deliveries for workflow tests: the workflows read only identity fields; the mocked
// activities decide what happens to them.
import type { CalDelivery } from "@churchhub/contracts";

export function testDelivery(bookingUid: string, triggerEvent = "BOOKING_CREATED"): CalDelivery {
  return {
    deliveryId: `${bookingUid}-${triggerEvent}`.padEnd(64, "0"),
    triggerEvent,
    kind: "booking",
    occurredAt: "2026-11-20T09:00:00.000Z",
    receivedAt: "2026-11-20T09:00:01.000Z",
    bookingUid,
    booking: null,
    rawBody: {},
  };
}
