// The webhook bodies Cal.com delivers (`packages/features/bookings/lib/service/RegularBookingService.ts`, `packages/types/Calendar.d.ts`; packages/features/webhooks/lib/sendPayload.ts):
// `{triggerEvent, createdAt (ISO, ms), payload}` with the booking payload's keys pinned here, and the PING test body.
import { z } from "zod";

const utcWithoutMillis = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/, "must look like dayjs.utc().format(): 2025-06-10T14:00:00Z");

const webhookPerson = z.object({
  email: z.string(),
  name: z.string(),
  timeZone: z.string(),
  language: z.strictObject({ locale: z.string() }),
  utcOffset: z.number().int(),
});

export const webhookBookingPayloadSchema = z
  .object({
    bookerUrl: z.string(),
    type: z.string(),
    title: z.string(),
    description: z.string(),
    additionalNotes: z.string(),
    customInputs: z.record(z.string(), z.unknown()),
    startTime: utcWithoutMillis,
    endTime: utcWithoutMillis,
    organizer: webhookPerson.extend({
      id: z.number().int(),
      username: z.string(),
      timeFormat: z.enum(["h:mma", "HH:mm"]),
    }),
    responses: z.record(z.string(), z.strictObject({ label: z.string(), value: z.unknown() })),
    userFieldsResponses: z.record(z.string(), z.strictObject({ label: z.string(), value: z.unknown() })),
    attendees: z
      .array(webhookPerson.extend({ firstName: z.string(), lastName: z.string(), phoneNumber: z.string().optional() }))
      .min(1),
    location: z.string().nullable(),
    eventTypeId: z.number().int(),
    uid: z.string().min(1),
    bookingId: z.number().int(),
    iCalUID: z.string().endsWith("@Cal.com"),
    iCalSequence: z.number().int(),
    eventTitle: z.string(),
    eventDescription: z.string(),
    length: z.number().int(),
    metadata: z.record(z.string(), z.unknown()),
    status: z.enum(["ACCEPTED", "PENDING", "CANCELLED", "REJECTED"]),
    rescheduleId: z.number().int().optional(),
    rescheduleUid: z.string().optional(),
    rescheduleStartTime: utcWithoutMillis.optional(),
    rescheduleEndTime: utcWithoutMillis.optional(),
    rescheduledBy: z.string().optional(),
    cancellationReason: z.string().nullable().optional(),
    cancelledBy: z.string().optional(),
    requestReschedule: z.boolean().optional(),
    hashedLink: z.string().nullable(),
    assignmentReason: z.unknown().nullable(),
    hideCalendarEventDetails: z.boolean(),
    hideOrganizerEmail: z.boolean(),
  })
  .loose();

export const webhookBodySchema = z.strictObject({
  triggerEvent: z.enum(["BOOKING_CREATED", "BOOKING_REQUESTED", "BOOKING_RESCHEDULED", "BOOKING_CANCELLED"]),
  createdAt: z.iso.datetime(),
  payload: webhookBookingPayloadSchema,
});

const pingPerson = z.strictObject({
  name: z.string(),
  email: z.string(),
  timeZone: z.string(),
  language: z.strictObject({ locale: z.string() }),
  utcOffset: z.number().int(),
});

/** The "Ping test" body (testTrigger.handler.ts + sendPayload.ts): a fixed test event, times with millis. */
export const webhookPingBodySchema = z.strictObject({
  triggerEvent: z.literal("PING"),
  createdAt: z.iso.datetime(),
  payload: z.strictObject({
    type: z.literal("Test"),
    title: z.literal("Test trigger event"),
    startTime: z.iso.datetime(),
    endTime: z.iso.datetime(),
    attendees: z.array(pingPerson).length(1),
    organizer: pingPerson,
  }),
});
