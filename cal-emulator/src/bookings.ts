// Booking lifecycle: create (only into a slot the host really has free), cancel and reschedule, each
// followed by the webhook Cal.com would send. Error wording differs by API version, as in Cal.com
// (apps/api/v2/src/ee/bookings/2024-08-13/services/errors.service.ts; legacy passes handleNewBooking's codes).
import { bookableSlotStarts } from "./bookable-slots.js";
import { createBookingUid } from "./booking-uid.js";
import { resolveBookingLocation } from "./event-locations.js";
import { buildCalendarEventCopy } from "./calendar-event.js";
import { eventName } from "./event-name.js";
import { badRequest, gone, notFound } from "./http/api-error.js";
import { usePrivateLink } from "./private-links.js";
import { takeId, type Attendee, type Booking, type EmulatorState, type EventType } from "./state.js";
import { buildBookingPayload } from "./webhook-payload.js";
import type { WebhookAudience, WebhookSender } from "./webhook-sender.js";

/** Who hears about a booking: the organizer's own webhooks, and platform subscriptions for managed users. */
const audienceOf = (booking: Booking): WebhookAudience => ({
  organizerId: booking.organizerId,
  platformClientId: booking.platformClientId,
});

export interface UnavailableMessages {
  unavailable: string;
  outOfBounds: string;
}

export const MESSAGES_2024_08_13: UnavailableMessages = {
  unavailable: "User either already has booking at this time or is not available",
  outOfBounds:
    'The event type can\'t be booked at the "start" time provided. This could be because it\'s too soon (violating the minimum booking notice) or too far in the future (outside the event\'s scheduling window). Try fetching available slots first using the GET /v2/slots endpoint and then make a booking with "start" time equal to one of the available slots: https://cal.com/docs/api-reference/v2/slots',
};

/** Legacy answers carry handleNewBooking's i18n keys; the Booker translates them for the visitor. */
export const LEGACY_MESSAGES: UnavailableMessages = {
  unavailable: "no_available_users_found_error",
  outOfBounds: "booking_time_out_of_bounds_error",
};

export interface NewBooking {
  eventType: EventType;
  start: Date;
  lengthMinutes: number;
  attendee: Attendee;
  guests: string[];
  responses: Record<string, unknown>;
  locationType?: string;
  metadata: Record<string, unknown>;
  rescheduleUid?: string;
  reschedulingReason?: string;
  rescheduledBy?: string;
  isDryRun?: boolean;
  /** A private link's hash (the Booker's `hashedLink`). */
  hashedLink?: string;
}

export interface BookingService {
  create(input: NewBooking, messages: UnavailableMessages): Booking;
  cancel(uid: string, change: { reason?: string; cancelledBy?: string | null }): Booking;
  reschedule(
    uid: string,
    change: { start: Date; reason?: string; rescheduledBy?: string },
    messages: UnavailableMessages,
  ): Booking;
  find(uid: string): Booking;
}

export function createBookingService(deps: {
  state: () => EmulatorState;
  clock: () => Date;
  webhooks: WebhookSender;
  webAppUrl: string;
}): BookingService {
  function find(uid: string): Booking {
    const booking = deps.state().bookings.get(uid);
    if (!booking) throw notFound(`Booking with uid=${uid} was not found in the database`);
    return booking;
  }

  function removeCalendarEvent(uid: string): void {
    const copy = deps.state().calendarEvents.get(uid);
    if (copy) copy.deleted = true;
  }

  function assertBookable(input: NewBooking, messages: UnavailableMessages): void {
    const now = deps.clock();
    if (input.start < now) throw badRequest("Attempting to book a meeting in the past.");
    if (input.start.getTime() < now.getTime() + input.eventType.minimumBookingNotice * 60_000)
      throw badRequest(messages.outOfBounds);
    const free = bookableSlotStarts(deps.state(), input.eventType, {
      rangeStart: input.start,
      rangeEnd: new Date(input.start.getTime() + 1),
      now,
      lengthMinutes: input.lengthMinutes,
      ignoreBookingUid: input.rescheduleUid,
      includeReservations: false,
    });
    if (!free.some((slot) => slot.getTime() === input.start.getTime())) throw badRequest(messages.unavailable);
  }

  function create(input: NewBooking, messages: UnavailableMessages): Booking {
    const state = deps.state();
    const previous = input.rescheduleUid ? find(input.rescheduleUid) : undefined;
    if (previous && previous.status === "cancelled") throw badRequest("Cannot reschedule a cancelled booking");
    assertBookable(input, messages);
    // An unusable private link refuses the booking (410), a usable one counts one use (dry runs excepted).
    if (input.hashedLink) {
      const refusal = usePrivateLink(state, input.hashedLink, input.eventType.id, deps.clock(), {
        dryRun: input.isDryRun ?? false,
      });
      if (refusal) throw refusal.status === 410 ? gone(refusal.message) : badRequest(refusal.message);
    }
    const organizer = state.users.get(input.eventType.ownerId)!;
    const uid = createBookingUid();
    const now = deps.clock();
    const location = resolveBookingLocation(input.eventType, input.locationType);
    const booking: Booking = {
      id: input.isDryRun ? -1 : takeId(state, "booking"),
      uid,
      eventTypeId: input.eventType.id,
      organizerId: organizer.id,
      title: eventName({
        customName: input.eventType.customName,
        eventTypeTitle: input.eventType.title,
        hostName: organizer.name,
        attendeeName: input.attendee.name,
        lengthMinutes: input.lengthMinutes,
        locationLabel: location ?? "",
        responses: input.responses,
      }),
      description: typeof input.responses.notes === "string" ? input.responses.notes : "",
      start: input.start,
      end: new Date(input.start.getTime() + input.lengthMinutes * 60_000),
      status: input.eventType.requiresConfirmation ? "pending" : "accepted",
      attendees: [input.attendee],
      guests: input.guests,
      responses: input.responses,
      location,
      metadata: {
        ...input.metadata,
        ...(location === "integrations:daily" ? { videoCallUrl: `${deps.webAppUrl}/video/${uid}` } : {}),
      },
      createdAt: now,
      updatedAt: now,
      cancellationReason: null,
      cancelledByEmail: null,
      reschedulingReason: input.reschedulingReason ?? null,
      rescheduledByEmail: input.rescheduledBy ?? null,
      rescheduledFromUid: previous?.uid ?? null,
      rescheduledToUid: null,
      platformClientId: organizer.oauthClientId,
      iCalUID: previous?.iCalUID ?? `${uid}@Cal.com`,
      iCalSequence: previous ? previous.iCalSequence + 1 : 0,
      hashedLink: input.hashedLink ?? null,
    };
    // A dry run (Cal.com's `_isDryRun`) answers as if booked but stores and sends nothing.
    if (input.isDryRun) return booking;
    state.bookings.set(uid, booking);
    // Cal.com writes the calendar event when the booking is accepted (a pending one waits for confirmation).
    if (booking.status === "accepted")
      state.calendarEvents.set(uid, buildCalendarEventCopy(booking, input.eventType, organizer));
    if (previous) {
      removeCalendarEvent(previous.uid);
      Object.assign(previous, {
        status: "cancelled",
        rescheduledToUid: uid,
        updatedAt: now,
        rescheduledByEmail: input.rescheduledBy ?? null,
      });
      deps.webhooks.send(
        "BOOKING_RESCHEDULED",
        buildBookingPayload(booking, state, { rescheduledFrom: previous, rescheduledBy: input.rescheduledBy ?? null }),
        audienceOf(booking),
      );
    } else {
      deps.webhooks.send(
        booking.status === "pending" ? "BOOKING_REQUESTED" : "BOOKING_CREATED",
        buildBookingPayload(booking, state),
        audienceOf(booking),
      );
    }
    return booking;
  }

  return {
    create,
    find,
    cancel(uid, change) {
      const booking = find(uid);
      if (booking.status === "cancelled") throw badRequest("This booking has already been cancelled.");
      Object.assign(booking, {
        status: "cancelled",
        cancellationReason: change.reason ?? null,
        cancelledByEmail: change.cancelledBy ?? null,
        updatedAt: deps.clock(),
      });
      removeCalendarEvent(uid);
      deps.webhooks.send(
        "BOOKING_CANCELLED",
        buildBookingPayload(booking, deps.state(), { cancelledBy: change.cancelledBy ?? null }),
        audienceOf(booking),
      );
      return booking;
    },
    reschedule(uid, change, messages) {
      const previous = find(uid);
      const eventType = deps.state().eventTypes.get(previous.eventTypeId);
      if (!eventType) throw notFound(`Event type with id ${previous.eventTypeId} not found.`);
      const [attendee] = previous.attendees;
      return create(
        {
          eventType,
          start: change.start,
          lengthMinutes: Math.round((previous.end.getTime() - previous.start.getTime()) / 60_000),
          attendee: attendee!,
          guests: previous.guests,
          responses: { ...previous.responses, ...(change.reason ? { rescheduleReason: change.reason } : {}) },
          locationType: eventType.locations.find(
            (location) => resolveBookingLocation(eventType, location.type) === previous.location,
          )?.type,
          metadata: Object.fromEntries(Object.entries(previous.metadata).filter(([key]) => key !== "videoCallUrl")),
          rescheduleUid: uid,
          reschedulingReason: change.reason,
          rescheduledBy: change.rescheduledBy,
        },
        messages,
      );
    },
  };
}
