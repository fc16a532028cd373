// The `payload` of a booking webhook as Cal.com builds it: the CalendarEvent plus booking fields.
// Sources: packages/features/bookings/lib/service/RegularBookingService.ts (~L2420), packages/types/Calendar.d.ts,
// packages/features/webhooks/lib/sendPayload.ts, handleCancelBooking.ts; the field list in `packages/features/bookings/lib/service/RegularBookingService.ts`, `packages/types/Calendar.d.ts`.
import { bookingFieldsWithSystemFields, fieldLabel, SYSTEM_FIELD_NAMES } from "./booking-fields.js";
import type { Booking, EmulatorState } from "./state.js";
import { formatUtcWithoutMillis, utcOffsetMinutes } from "./time-zone.js";

export const BOOKING_WEBHOOK_TRIGGERS = [
  "BOOKING_CREATED",
  "BOOKING_REQUESTED",
  "BOOKING_RESCHEDULED",
  "BOOKING_CANCELLED",
] as const;
export type BookingWebhookTrigger = (typeof BOOKING_WEBHOOK_TRIGGERS)[number];

export interface PayloadExtras {
  /** BOOKING_RESCHEDULED: the booking that was moved. */
  rescheduledFrom?: Booking;
  rescheduledBy?: string | null;
  cancelledBy?: string | null;
}

function labelledResponses(booking: Booking, state: EmulatorState, only: "all" | "custom") {
  const eventType = state.eventTypes.get(booking.eventTypeId);
  const fields = eventType ? bookingFieldsWithSystemFields(eventType) : [];
  const labelled: Record<string, { label: string; value: unknown }> = {};
  for (const field of fields) {
    if (!(field.name in booking.responses)) continue;
    if (only === "custom" && (SYSTEM_FIELD_NAMES as readonly string[]).includes(field.name)) continue;
    labelled[field.name] = { label: fieldLabel(field), value: booking.responses[field.name] };
  }
  return labelled;
}

export function buildBookingPayload(
  booking: Booking,
  state: EmulatorState,
  extras: PayloadExtras = {},
): Record<string, unknown> {
  const organizer = state.users.get(booking.organizerId)!;
  const eventType = state.eventTypes.get(booking.eventTypeId)!;
  const [attendee] = booking.attendees;
  const notes = typeof booking.responses.notes === "string" ? booking.responses.notes : "";
  const attendees = [
    ...booking.attendees.map((person) => {
      const [firstName, ...rest] = person.name.split(" ");
      return {
        email: person.email,
        name: person.name,
        firstName: firstName ?? "",
        lastName: rest.join(" "),
        timeZone: person.timeZone,
        ...(person.phoneNumber ? { phoneNumber: person.phoneNumber } : {}),
        language: { locale: person.locale },
        utcOffset: utcOffsetMinutes(booking.start, person.timeZone),
      };
    }),
    // Guests are attendees too, with no name and the main attendee's time zone.
    ...booking.guests.map((email) => ({
      email,
      name: "",
      firstName: "",
      lastName: "",
      timeZone: attendee?.timeZone ?? organizer.timeZone,
      language: { locale: "en" },
      utcOffset: utcOffsetMinutes(booking.start, attendee?.timeZone ?? organizer.timeZone),
    })),
  ];
  const from = extras.rescheduledFrom;
  const payload: Record<string, unknown> = {
    bookerUrl: "https://cal.com",
    type: eventType.slug,
    title: booking.title,
    // sendPayload.ts: `description: data.description || data.additionalNotes`.
    description: eventType.description || notes,
    additionalNotes: notes,
    customInputs: {},
    startTime: formatUtcWithoutMillis(booking.start),
    endTime: formatUtcWithoutMillis(booking.end),
    organizer: {
      id: organizer.id,
      name: organizer.name,
      email: organizer.email,
      username: organizer.username,
      timeZone: organizer.timeZone,
      language: { locale: organizer.locale ?? "en" },
      timeFormat: organizer.timeFormat === 24 ? "HH:mm" : "h:mma",
      utcOffset: utcOffsetMinutes(booking.start, organizer.timeZone),
    },
    responses: labelledResponses(booking, state, "all"),
    userFieldsResponses: labelledResponses(booking, state, "custom"),
    attendees,
    location: booking.location,
    destinationCalendar: null,
    hideCalendarNotes: false,
    requiresConfirmation: eventType.requiresConfirmation,
    eventTypeId: eventType.id,
    seatsShowAttendees: true,
    seatsPerTimeSlot: null,
    seatsShowAvailabilityCount: true,
    schedulingType: null,
    iCalUID: booking.iCalUID,
    iCalSequence: booking.iCalSequence,
    uid: booking.uid,
    bookingId: booking.id,
    ...(booking.platformClientId ? { platformClientId: booking.platformClientId } : {}),
    organizationId: organizer.organizationId,
    eventTitle: eventType.title,
    eventDescription: eventType.description,
    price: 0,
    currency: "usd",
    length: Math.round((booking.end.getTime() - booking.start.getTime()) / 60_000),
    metadata: booking.metadata,
    status: booking.status.toUpperCase(),
    // The builder always sets these, null when unused (a private link, a round-robin assignment).
    hashedLink: booking.hashedLink,
    assignmentReason: null,
    hideCalendarEventDetails: eventType.hideCalendarEventDetails,
    hideOrganizerEmail: eventType.hideOrganizerEmail,
    disableCancelling: false,
    disableRescheduling: false,
  };
  if (from) {
    Object.assign(payload, {
      rescheduleId: from.id,
      rescheduleUid: from.uid,
      rescheduleStartTime: formatUtcWithoutMillis(from.start),
      rescheduleEndTime: formatUtcWithoutMillis(from.end),
      ...(booking.reschedulingReason ? { rescheduleReason: booking.reschedulingReason } : {}),
    });
  }
  if (extras.rescheduledBy) payload.rescheduledBy = extras.rescheduledBy;
  if (booking.status === "cancelled") {
    payload.cancellationReason = booking.cancellationReason;
    // handleCancelBooking: requestReschedule is set when a host asks the attendee to rebook instead.
    payload.requestReschedule = false;
    if (extras.cancelledBy) payload.cancelledBy = extras.cancelledBy;
  }
  return payload;
}
