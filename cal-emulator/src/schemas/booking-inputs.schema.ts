// Booking request bodies and queries. Legacy (2024-04-15/06-11/06-14, what the Booker sends) and
// 2024-08-13. Sources: packages/platform/types/bookings/2024-04-15/inputs/create-booking.input.ts,
// bookings/2024-08-13/inputs/{create-booking,cancel-booking,reschedule-booking,get-bookings}.input.ts.
import { z } from "zod";
import { isoInstantSchema, timeZoneSchema } from "./common.schema.js";

/** The Booker's `responses`: system fields by name plus any custom field; location is `{value, optionValue}`. */
export const legacyResponsesSchema = z.looseObject({
  name: z.union([z.string().min(1), z.looseObject({ firstName: z.string(), lastName: z.string().optional() })]),
  email: z.email(),
  guests: z.array(z.email()).optional(),
  location: z.union([z.string(), z.looseObject({ value: z.string(), optionValue: z.string().optional() })]).optional(),
  notes: z.string().optional(),
  rescheduleReason: z.string().optional(),
});

export const legacyCreateBookingInputSchema = z.object({
  start: isoInstantSchema,
  end: isoInstantSchema.optional(),
  eventTypeId: z.number().int(),
  eventTypeSlug: z.string().optional(),
  timeZone: timeZoneSchema,
  language: z.string().default("en"),
  metadata: z.record(z.string(), z.unknown()).default({}),
  responses: legacyResponsesSchema,
  rescheduleUid: z.string().optional(),
  rescheduledBy: z.email().optional(),
  user: z.union([z.string(), z.array(z.string())]).optional(),
  _isDryRun: z.boolean().optional(),
  /** A private link's hash: the Booker sends its `hashedLink` prop here. */
  hashedLink: z.string().min(1).optional(),
});

export const createBookingInputSchema = z
  .object({
    start: isoInstantSchema,
    attendee: z.object({
      name: z.string().min(1),
      email: z.email(),
      timeZone: timeZoneSchema,
      language: z.string().optional(),
      phoneNumber: z.string().optional(),
    }),
    eventTypeId: z.number().int().optional(),
    eventTypeSlug: z.string().optional(),
    username: z.string().optional(),
    guests: z.array(z.email()).optional(),
    location: z.union([z.string(), z.looseObject({ type: z.string() })]).optional(),
    metadata: z.record(z.string(), z.string()).optional(),
    lengthInMinutes: z.number().int().positive().optional(),
    bookingFieldsResponses: z.record(z.string(), z.unknown()).optional(),
  })
  .refine((body) => body.eventTypeId !== undefined || (body.eventTypeSlug && body.username), {
    message: "eventTypeId, or eventTypeSlug with username, is required",
    path: ["eventTypeId"],
  });

export const cancelBookingInputSchema = z.object({
  cancellationReason: z.string().optional(),
  cancelSubsequentBookings: z.boolean().optional(),
});

export const rescheduleBookingInputSchema = z.object({
  start: isoInstantSchema,
  rescheduledBy: z.email().optional(),
  reschedulingReason: z.string().optional(),
});

const commaList = z.string().transform((value) =>
  value
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean),
);
const sortOrder = z.enum(["asc", "desc"]).optional();

export const BOOKING_LIST_STATUSES = ["upcoming", "recurring", "past", "cancelled", "unconfirmed"] as const;

export const listBookingsQuerySchema = z.object({
  status: commaList.pipe(z.array(z.enum(BOOKING_LIST_STATUSES))).optional(),
  attendeeEmail: z.string().optional(),
  attendeeName: z.string().optional(),
  bookingUid: z.string().optional(),
  eventTypeId: z.coerce.number().int().optional(),
  eventTypeIds: commaList
    .transform((ids) => ids.map(Number))
    .pipe(z.array(z.number().int()))
    .optional(),
  afterStart: isoInstantSchema.optional(),
  beforeEnd: isoInstantSchema.optional(),
  afterCreatedAt: isoInstantSchema.optional(),
  beforeCreatedAt: isoInstantSchema.optional(),
  afterUpdatedAt: isoInstantSchema.optional(),
  beforeUpdatedAt: isoInstantSchema.optional(),
  sortStart: sortOrder,
  sortEnd: sortOrder,
  sortCreated: sortOrder,
  sortUpdatedAt: sortOrder,
  take: z.coerce.number().int().min(1).max(250).default(100),
  skip: z.coerce.number().int().min(0).default(0),
  /** Only under the cursor form (fixtures' bookingsListPagination): the previous page's nextCursor. */
  cursor: z.string().min(1).optional(),
});

export type ListBookingsQuery = z.infer<typeof listBookingsQuerySchema>;

/**
 * The legacy list (2024-04-15 controller, GetBookingsInput_2024_04_15): `filters[status]` (one status),
 * `limit` (default 10, at most 100) and a numeric `cursor` (an offset; the answer's nextCursor).
 * packages/platform/types/bookings/2024-04-15/inputs/get-bookings.input.ts.
 */
export const legacyListBookingsQuerySchema = z
  .looseObject({
    "filters[status]": z.enum(BOOKING_LIST_STATUSES).optional(),
    filters: z.object({ status: z.enum(BOOKING_LIST_STATUSES).optional() }).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(10),
    cursor: z.coerce.number().int().min(0).default(0),
  })
  .transform(({ limit, cursor, filters, "filters[status]": flat }) => {
    const status = flat ?? filters?.status;
    return { limit, cursor, status: status ? [status] : undefined };
  });
