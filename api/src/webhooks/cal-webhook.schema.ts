// The shapes of Cal.com webhook bodies we rely on (see ../../README.md#cal-com-webhooks for sources).
// Only what we need is required; every other field is kept as sent (`looseObject`), because Cal.com
// adds fields over time and the audit trail keeps the whole body. Optional fields accept any type and
// are read defensively: a changed optional field must never cost us a delivery.
import { z } from 'zod';

// Within years 1900–9999 so that every date we acknowledge is one Postgres can store: an event the
// database would reject after we said 202 would be an acknowledged event lost.
const isoDateTime = z
  .string({ error: 'must be an ISO 8601 date-time string' })
  .refine((value) => {
    const time = Date.parse(value);
    if (Number.isNaN(time)) return false;
    const year = new Date(time).getUTCFullYear();
    return year >= 1900 && year <= 9999;
  }, 'must be an ISO 8601 date-time string between the years 1900 and 9999');

const anything = z.unknown().optional();

const personSchema = z.looseObject({
  name: anything,
  email: anything,
  timeZone: anything,
  language: anything,
  phoneNumber: anything,
});

const organizerSchema = personSchema.extend({
  id: z.number({ error: 'must be the organizer\'s Cal.com user id (a number)' }).int(),
  username: anything,
});

/** Triggers whose payload is a booking (Cal.com's CalendarEvent plus booking fields). */
export const BOOKING_TRIGGERS = [
  'BOOKING_CREATED',
  'BOOKING_REQUESTED',
  'BOOKING_RESCHEDULED',
  'BOOKING_CANCELLED',
  'BOOKING_REJECTED',
  'BOOKING_PAYMENT_INITIATED',
  'BOOKING_PAID',
] as const;

export const calBookingPayloadSchema = z
  .looseObject({
    uid: z.string({ error: 'must be the booking uid (a string)' }).min(1, 'must not be empty'),
    bookingId: z.number().int().nullish(),
    title: anything,
    description: anything,
    additionalNotes: anything,
    startTime: isoDateTime,
    endTime: isoDateTime,
    organizer: organizerSchema,
    attendees: z.array(personSchema, { error: 'must be the list of attendees' }),
    eventTypeId: z.number().int().nullish(),
    type: z.string().nullish(),
    status: anything,
    location: anything,
    responses: anything,
    metadata: anything,
    rescheduleUid: anything,
    rescheduledBy: anything,
    cancellationReason: anything,
    cancelledBy: anything,
    rejectionReason: anything,
  })
  .refine((payload) => payload.eventTypeId != null || payload.type != null, {
    path: ['eventTypeId'],
    message: 'the event type is required (eventTypeId or type)',
  });

export type CalBookingPayload = z.infer<typeof calBookingPayloadSchema>;

/**
 * The envelope. Most triggers send `{triggerEvent, createdAt, payload}`; some (MEETING_STARTED/ENDED
 * from the legacy cron, FORM_SUBMITTED) put fields at the top level, so `payload` is optional here.
 */
export const calWebhookEnvelopeSchema = z.looseObject({
  triggerEvent: z.string({ error: 'is required (a string such as BOOKING_CREATED)' }).min(1).max(100),
  createdAt: isoDateTime.optional(),
  payload: anything,
});

export type CalWebhookEnvelope = z.infer<typeof calWebhookEnvelopeSchema>;
