// Turns a booking as Cal.com's API lists it into the delivery a webhook would have brought, so a
// missed event goes through exactly the same processing. The trigger is the one that would have
// produced the booking's current state; its time is the booking's updatedAt.
import { createHash } from "node:crypto";
import type { CalApiBooking } from "@churchhub/cal-client";
import type { BookingStatus, CalDelivery } from "@churchhub/contracts";

const KNOWN_STATUSES: BookingStatus[] = ["accepted", "pending", "cancelled", "rejected", "awaiting_host"];

function triggerFor(booking: CalApiBooking, status: BookingStatus): string {
  if (status === "cancelled") return "BOOKING_CANCELLED";
  if (status === "rejected") return "BOOKING_REJECTED";
  if (status === "pending") return "BOOKING_REQUESTED";
  return booking.rescheduledFromUid ? "BOOKING_RESCHEDULED" : "BOOKING_CREATED";
}

export function apiBookingToDelivery(booking: CalApiBooking, receivedAt: Date): CalDelivery {
  const lower = booking.status.toLowerCase() as BookingStatus;
  const status: BookingStatus = KNOWN_STATUSES.includes(lower) ? lower : "unknown";
  const triggerEvent = triggerFor(booking, status);
  const occurredAt = new Date(booking.updatedAt ?? booking.createdAt).toISOString();
  const host = booking.hosts[0];
  const rawBody = { triggerEvent, createdAt: occurredAt, source: "reconciled", payload: booking };
  return {
    deliveryId: createHash("sha256")
      .update(JSON.stringify(["reconciled", booking.uid, status, occurredAt, booking.start, booking.end]))
      .digest("hex"),
    triggerEvent,
    kind: "booking",
    occurredAt,
    receivedAt: receivedAt.toISOString(),
    bookingUid: booking.uid,
    source: "reconciled",
    rawBody,
    booking: {
      uid: booking.uid,
      calBookingId: booking.id,
      title: booking.title ?? null,
      description: booking.description || null,
      startTime: new Date(booking.start).toISOString(),
      endTime: new Date(booking.end).toISOString(),
      status,
      eventTypeId: booking.eventType?.id ?? booking.eventTypeId ?? null,
      eventTypeSlug: booking.eventType?.slug ?? null,
      location: booking.location ?? null,
      organizer: {
        calUserId: host?.id ?? 0,
        name: host?.name ?? null,
        email: host?.email ?? null,
        username: host?.username ?? null,
        timeZone: host?.timeZone ?? null,
        locale: null,
        phoneNumber: null,
      },
      attendees: booking.attendees.map((attendee) => ({
        name: attendee.name ?? null,
        email: attendee.email ?? null,
        timeZone: attendee.timeZone ?? null,
        locale: attendee.language ?? null,
        phoneNumber: attendee.phoneNumber ?? null,
      })),
      responses: booking.bookingFieldsResponses ?? null,
      metadata: booking.metadata ?? null,
      rescheduledFromUid: booking.rescheduledFromUid ?? null,
      rescheduledBy: booking.rescheduledByEmail ?? null,
      cancellationReason: booking.cancellationReason ?? null,
      cancelledBy: booking.cancelledByEmail ?? null,
      rejectionReason: null,
    },
  };
}
