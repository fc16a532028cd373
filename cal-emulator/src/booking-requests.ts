// Turns either create-booking body into one NewBooking: the legacy body the Booker sends
// (`responses{name,email,location,notes,guests…}`) or 2024-08-13's (`attendee{…}`, `bookingFieldsResponses`).
import type { NewBooking } from "./bookings.js";
import { notFound } from "./http/api-error.js";
import type { z } from "zod";
import type { createBookingInputSchema, legacyCreateBookingInputSchema } from "./schemas/booking-inputs.schema.js";
import type { EmulatorState, EventType } from "./state.js";

type LegacyInput = z.infer<typeof legacyCreateBookingInputSchema>;
type Input2024_08_13 = z.infer<typeof createBookingInputSchema>;

function requireEventType(state: EmulatorState, id: number | undefined, slug?: string, username?: string): EventType {
  if (id !== undefined) {
    const eventType = state.eventTypes.get(id);
    if (!eventType) throw notFound(`Event type with id ${id} not found.`);
    return eventType;
  }
  const owner = [...state.users.values()].find((user) => user.username === username);
  const eventType =
    owner &&
    [...state.eventTypes.values()].find((candidate) => candidate.ownerId === owner.id && candidate.slug === slug);
  if (!eventType) throw notFound(`Event type with slug ${slug ?? ""} belonging to user ${username ?? ""} not found.`);
  return eventType;
}

export function fromLegacyBody(body: LegacyInput, state: EmulatorState): NewBooking {
  const eventType = requireEventType(state, body.eventTypeId);
  const { responses } = body;
  const name =
    typeof responses.name === "string"
      ? responses.name
      : [responses.name.firstName, responses.name.lastName].filter(Boolean).join(" ");
  const start = new Date(body.start);
  const lengthMinutes = body.end
    ? Math.round((new Date(body.end).getTime() - start.getTime()) / 60_000)
    : eventType.lengthInMinutes;
  const location = typeof responses.location === "string" ? responses.location : responses.location?.value;
  return {
    eventType,
    start,
    lengthMinutes,
    attendee: { name, email: responses.email, timeZone: body.timeZone, locale: body.language, phoneNumber: null },
    guests: responses.guests ?? [],
    responses: { ...responses, name },
    ...(location ? { locationType: location } : {}),
    metadata: body.metadata,
    ...(body.rescheduleUid ? { rescheduleUid: body.rescheduleUid } : {}),
    ...(responses.rescheduleReason ? { reschedulingReason: responses.rescheduleReason } : {}),
    ...(body.rescheduledBy ? { rescheduledBy: body.rescheduledBy } : {}),
    isDryRun: body._isDryRun ?? false,
    ...(body.hashedLink ? { hashedLink: body.hashedLink } : {}),
  };
}

/** 2024-08-13 location objects name the kind ("address", "integration"…); map the common ones to stored types. */
function locationTypeOf(location: Input2024_08_13["location"]): string | undefined {
  if (location === undefined) return undefined;
  if (typeof location === "string") return location;
  const byKind: Record<string, string> = {
    address: "inPerson",
    integration: "integrations:daily",
    link: "link",
    phone: "userPhone",
  };
  return byKind[location.type] ?? location.type;
}

export function fromBody2024_08_13(body: Input2024_08_13, state: EmulatorState): NewBooking {
  const eventType = requireEventType(state, body.eventTypeId, body.eventTypeSlug, body.username);
  const { attendee } = body;
  const locationType = locationTypeOf(body.location);
  return {
    eventType,
    start: new Date(body.start),
    lengthMinutes: body.lengthInMinutes ?? eventType.lengthInMinutes,
    attendee: {
      name: attendee.name,
      email: attendee.email,
      timeZone: attendee.timeZone,
      locale: attendee.language ?? "en",
      phoneNumber: attendee.phoneNumber ?? null,
    },
    guests: body.guests ?? [],
    responses: {
      name: attendee.name,
      email: attendee.email,
      ...(body.guests ? { guests: body.guests } : {}),
      ...(attendee.phoneNumber ? { attendeePhoneNumber: attendee.phoneNumber } : {}),
      ...body.bookingFieldsResponses,
    },
    ...(locationType ? { locationType } : {}),
    metadata: body.metadata ?? {},
  };
}
