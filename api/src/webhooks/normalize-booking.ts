// Turns a validated Cal.com booking payload into our BookingSnapshot. Cal.com's webhooks send status
// upper-case (ACCEPTED) while its API sends lower-case (accepted); we store the API's form.
import type { BookingSnapshot, BookingStatus, PersonSnapshot } from "@churchhub/contracts";
import { MAX_KEY_LENGTH, type CalBookingPayload } from "./cal-webhook.schema.js";

function text(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

/** Text for an indexed column (see MAX_KEY_LENGTH): a longer value is no uid or username, so none. */
function key(value: unknown): string | null {
  const candidate = text(value);
  return candidate !== null && candidate.length <= MAX_KEY_LENGTH ? candidate : null;
}

function record(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function locale(language: unknown): string | null {
  // Webhooks serialise Cal.com's language as `{locale}` (its translate function is dropped by JSON).
  return text(language) ?? text(record(language)?.locale);
}

function person(raw: Record<string, unknown>): PersonSnapshot {
  return {
    name: text(raw.name),
    email: text(raw.email),
    timeZone: text(raw.timeZone),
    locale: locale(raw.language),
    phoneNumber: text(raw.phoneNumber),
  };
}

const STATUS_BY_UPPER: Record<string, BookingStatus> = {
  ACCEPTED: "accepted",
  PENDING: "pending",
  CANCELLED: "cancelled",
  REJECTED: "rejected",
  AWAITING_HOST: "awaiting_host",
};

const STATUS_IMPLIED_BY_TRIGGER: Record<string, BookingStatus> = {
  BOOKING_CANCELLED: "cancelled",
  BOOKING_REJECTED: "rejected",
  BOOKING_REQUESTED: "pending",
};

function normalizeStatus(rawStatus: unknown, triggerEvent: string): BookingStatus {
  const implied = STATUS_IMPLIED_BY_TRIGGER[triggerEvent];
  if (implied) return implied;
  const status = text(rawStatus);
  if (!status) return "accepted";
  return STATUS_BY_UPPER[status.toUpperCase()] ?? "unknown";
}

function location(value: unknown): string | null {
  if (typeof value === "string") return value || null;
  return value == null ? null : JSON.stringify(value);
}

export function normalizeBooking(payload: CalBookingPayload, triggerEvent: string): BookingSnapshot {
  return {
    uid: payload.uid,
    calBookingId: payload.bookingId ?? null,
    title: text(payload.title),
    // Cal.com fills `description` from `additionalNotes` when the event type has no description.
    description: text(payload.description) ?? text(payload.additionalNotes),
    startTime: new Date(payload.startTime).toISOString(),
    endTime: new Date(payload.endTime).toISOString(),
    status: normalizeStatus(payload.status, triggerEvent),
    eventTypeId: payload.eventTypeId ?? null,
    eventTypeSlug: payload.type ?? null,
    location: location(payload.location),
    organizer: {
      ...person(payload.organizer),
      calUserId: payload.organizer.id,
      username: key(payload.organizer.username),
    },
    attendees: payload.attendees.map(person),
    responses: record(payload.responses),
    metadata: record(payload.metadata),
    rescheduledFromUid: triggerEvent === "BOOKING_RESCHEDULED" ? key(payload.rescheduleUid) : null,
    rescheduledBy: text(payload.rescheduledBy),
    cancellationReason: text(payload.cancellationReason),
    cancelledBy: text(payload.cancelledBy),
    rejectionReason: text(payload.rejectionReason),
  };
}
