// The shapes of Cal.com webhook bodies we rely on (see ../../README.md#cal-com-webhooks for sources).
// Only what we need is required; every other field is kept as sent (`looseObject`), because Cal.com
// adds fields over time and the audit trail keeps the whole body. Optional fields accept any type and
// are read defensively: a changed optional field must never cost us a delivery.
import { z } from "zod";

// Within years 1900–9999 so that every date we acknowledge is one Postgres can store: an event the
// database would reject after we said 202 would be an acknowledged event lost.
const isoDateTime = z.string({ error: "must be an ISO 8601 date-time string" }).refine((value) => {
  const time = Date.parse(value);
  if (Number.isNaN(time)) return false;
  const year = new Date(time).getUTCFullYear();
  return year >= 1900 && year <= 9999;
}, "must be an ISO 8601 date-time string between the years 1900 and 9999");

const anything = z.unknown().optional();

/**
 * The longest uid or username we keep. They live in indexed plain-text columns, and a Postgres btree
 * entry holds at most 2704 bytes: a 3,000-character username was acknowledged and then retried
 * forever (found by the fuzzer). Cal.com's uids and usernames are far shorter.
 */
export const MAX_KEY_LENGTH = 200;

// Cal.com's ids are Postgres `integer`s, and so are the columns we keep them in: a larger number was
// acknowledged with 202 and then refused by Postgres (SQLSTATE 22003), an event lost (found by the fuzzer).
const calId = (message: string) =>
  z
    .number({ error: message })
    .int(message)
    .min(-2147483648, "must be a 32-bit integer (a Cal.com id)")
    .max(2147483647, "must be a 32-bit integer (a Cal.com id)");

const personSchema = z.looseObject({
  name: anything,
  email: anything,
  timeZone: anything,
  language: anything,
  phoneNumber: anything,
});

const organizerSchema = personSchema.extend({
  id: calId("must be the organizer's Cal.com user id (an integer)"),
  username: anything,
});

export { BOOKING_TRIGGERS } from "@churchhub/contracts";

export const calBookingPayloadSchema = z
  .looseObject({
    uid: z
      .string({ error: "must be the booking uid (a string)" })
      .min(1, "must not be empty")
      .max(MAX_KEY_LENGTH, `must be at most ${MAX_KEY_LENGTH} characters (a Cal.com booking uid)`),
    bookingId: calId("must be the Cal.com booking id (an integer)").nullish(),
    title: anything,
    description: anything,
    additionalNotes: anything,
    startTime: isoDateTime,
    endTime: isoDateTime,
    organizer: organizerSchema,
    attendees: z.array(personSchema, { error: "must be the list of attendees" }),
    eventTypeId: calId("must be the Cal.com event type id (an integer)").nullish(),
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
    path: ["eventTypeId"],
    message: "the event type is required (eventTypeId or type)",
  });

export type CalBookingPayload = z.infer<typeof calBookingPayloadSchema>;

/**
 * The envelope. Most triggers send `{triggerEvent, createdAt, payload}`; some (MEETING_STARTED/ENDED
 * from the legacy cron, FORM_SUBMITTED) put fields at the top level, so `payload` is optional here.
 */
export const calWebhookEnvelopeSchema = z.looseObject({
  triggerEvent: z.string({ error: "is required (a string such as BOOKING_CREATED)" }).min(1).max(100),
  createdAt: isoDateTime.optional(),
  payload: anything,
});
