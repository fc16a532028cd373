// Turns the Booker's create-booking answer into what the confirmation shows.
import type { ConfirmedBooking } from "./booking-confirmation";

/** The fields we read; the atoms' legacy bookings endpoint says startTime/endTime, newer ones start/end. */
export interface CreatedBooking {
  uid: string;
  start?: string;
  end?: string;
  startTime?: unknown;
  endTime?: unknown;
  attendees?: Array<{ email?: string | null; timeZone?: string | null }>;
  [key: string]: unknown;
}

export function toConfirmedBooking(
  booking: CreatedBooking,
  context: { eventTitle: string; hostName: string; lengthInMinutes: number; browserTimeZone: string },
): ConfirmedBooking {
  const start = new Date(String(booking.start ?? booking.startTime));
  const endValue = booking.end ?? booking.endTime;
  const end = endValue ? new Date(String(endValue)) : new Date(start.getTime() + context.lengthInMinutes * 60_000);
  const attendee = booking.attendees?.[0];
  return {
    uid: booking.uid,
    eventTitle: context.eventTitle,
    hostName: context.hostName,
    start,
    end,
    timeZone: validTimeZone(attendee?.timeZone) ?? context.browserTimeZone,
    attendeeEmail: attendee?.email ?? null,
  };
}

function validTimeZone(candidate: string | null | undefined): string | undefined {
  if (!candidate) return undefined;
  try {
    new Intl.DateTimeFormat(undefined, { timeZone: candidate });
    return candidate;
  } catch {
    return undefined;
  }
}
