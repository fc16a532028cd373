// How API v2 prints a booking: 2024-08-13's BookingOutput (lower-case status, optional fields left out
// when empty) and the legacy create response (the stored row with upper-case status), per version.
import type { Booking, EmulatorState } from "./state.js";

/**
 * "Clean email for display purposes": a platform managed user's stored email carries `+<clientId>` before
 * the @ (managed-user emails, README "Sandbox credentials"); the display form drops it. Other emails are
 * unchanged. OpenAPI: components.schemas.BookingHost / BookingAttendee `displayEmail`.
 */
export function displayEmail(email: string, platformClientId: string | null): string {
  return platformClientId ? email.replace(`+${platformClientId}@`, "@") : email;
}

function definedOnly<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== null && field !== undefined)) as T;
}

export function toBookingOutput(booking: Booking, state: EmulatorState) {
  const organizer = state.users.get(booking.organizerId);
  const eventType = state.eventTypes.get(booking.eventTypeId);
  const videoCallUrl = typeof booking.metadata.videoCallUrl === "string" ? booking.metadata.videoCallUrl : undefined;
  return {
    id: booking.id,
    uid: booking.uid,
    title: booking.title,
    description: booking.description,
    hosts: organizer
      ? [
          {
            id: organizer.id,
            name: organizer.name,
            email: organizer.email,
            displayEmail: displayEmail(organizer.email, organizer.oauthClientId),
            username: organizer.username,
            timeZone: organizer.timeZone,
          },
        ]
      : [],
    status: booking.status,
    ...definedOnly({
      cancellationReason: booking.cancellationReason,
      cancelledByEmail: booking.cancelledByEmail,
      reschedulingReason: booking.reschedulingReason,
      rescheduledByEmail: booking.rescheduledByEmail,
      rescheduledFromUid: booking.rescheduledFromUid,
      rescheduledToUid: booking.rescheduledToUid,
    }),
    start: booking.start.toISOString(),
    end: booking.end.toISOString(),
    duration: Math.round((booking.end.getTime() - booking.start.getTime()) / 60_000),
    eventTypeId: booking.eventTypeId,
    eventType: { id: booking.eventTypeId, slug: eventType?.slug ?? "" },
    ...(videoCallUrl ? { meetingUrl: videoCallUrl } : {}),
    location: booking.location,
    absentHost: false,
    createdAt: booking.createdAt.toISOString(),
    updatedAt: booking.updatedAt.toISOString(),
    metadata: booking.metadata,
    icsUid: booking.iCalUID,
    attendees: booking.attendees.map((attendee) => ({
      name: attendee.name,
      email: attendee.email,
      displayEmail: displayEmail(attendee.email, booking.platformClientId),
      timeZone: attendee.timeZone,
      language: attendee.locale,
      absent: false,
      ...(attendee.phoneNumber ? { phoneNumber: attendee.phoneNumber } : {}),
    })),
    guests: booking.guests,
    bookingFieldsResponses: booking.responses,
  };
}

export function toLegacyBooking(booking: Booking, state: EmulatorState, isDryRun = false) {
  const organizer = state.users.get(booking.organizerId);
  return {
    id: booking.id,
    uid: booking.uid,
    userId: booking.organizerId,
    eventTypeId: booking.eventTypeId,
    title: booking.title,
    description: booking.description || null,
    customInputs: {},
    responses: booking.responses,
    startTime: booking.start.toISOString(),
    endTime: booking.end.toISOString(),
    location: booking.location,
    createdAt: booking.createdAt.toISOString(),
    updatedAt: booking.updatedAt.toISOString(),
    status: booking.status.toUpperCase() as "ACCEPTED" | "PENDING" | "CANCELLED" | "REJECTED",
    paid: false,
    cancellationReason: booking.cancellationReason,
    rejectionReason: null,
    fromReschedule: booking.rescheduledFromUid,
    rescheduled: booking.rescheduledToUid ? true : null,
    recurringEventId: null,
    metadata: booking.metadata,
    iCalUID: booking.iCalUID,
    iCalSequence: booking.iCalSequence,
    isRecorded: false,
    user: {
      id: booking.organizerId,
      name: organizer?.name ?? "",
      email: organizer?.email ?? "",
      username: organizer?.username ?? "",
      timeZone: organizer?.timeZone ?? "UTC",
    },
    attendees: booking.attendees.map((attendee) => ({ ...attendee, noShow: false })),
    references: [],
    isDryRun,
  };
}
