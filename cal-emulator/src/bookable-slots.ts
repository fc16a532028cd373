// Joins the slot computation to the emulator's state: the host's schedule, their accepted and pending
// bookings (any event type) and other visitors' unexpired slot reservations are busy.
import { availableSlotStarts, type Interval } from "./slots.js";
import type { EmulatorState, EventType } from "./state.js";

export interface BookableSlotOptions {
  rangeStart: Date;
  rangeEnd: Date;
  now: Date;
  lengthMinutes?: number;
  /** A booking being rescheduled does not block its own slot. */
  ignoreBookingUid?: string;
  /** The caller's own reservation (Cal.com's `uid` cookie) does not block its slot. */
  ownReservationUid?: string;
  /** Booking creation ignores reservations, as Cal.com's handleNewBooking does. */
  includeReservations: boolean;
}

export function bookableSlotStarts(state: EmulatorState, eventType: EventType, options: BookableSlotOptions): Date[] {
  const owner = state.users.get(eventType.ownerId);
  const schedule = owner?.defaultScheduleId == null ? undefined : state.schedules.get(owner.defaultScheduleId);
  if (!owner || !schedule) return [];
  const busy: Interval[] = [];
  for (const booking of state.bookings.values()) {
    if (booking.organizerId !== owner.id || booking.uid === options.ignoreBookingUid) continue;
    if (booking.status === "accepted" || booking.status === "pending")
      busy.push({ start: booking.start, end: booking.end });
  }
  if (options.includeReservations) {
    for (const reservation of state.reservations.values()) {
      const reservedEventType = state.eventTypes.get(reservation.eventTypeId);
      if (reservedEventType?.ownerId !== owner.id || reservation.uid === options.ownReservationUid) continue;
      if (reservation.releaseAt > options.now) busy.push({ start: reservation.start, end: reservation.end });
    }
  }
  const lengthMinutes = options.lengthMinutes ?? eventType.lengthInMinutes;
  return availableSlotStarts({
    schedule,
    lengthMinutes,
    intervalMinutes: eventType.slotInterval ?? lengthMinutes,
    rangeStart: options.rangeStart,
    rangeEnd: options.rangeEnd,
    now: options.now,
    minimumBookingNoticeMinutes: eventType.minimumBookingNotice,
    beforeBufferMinutes: eventType.beforeEventBuffer,
    afterBufferMinutes: eventType.afterEventBuffer,
    busy,
  });
}
