// Booking response shapes: 2024-08-13's BookingOutput and pagination, and the legacy create response.
// Sources: packages/platform/types/bookings/2024-08-13/outputs/booking.output.ts, apps/api/v2/src/lib/pagination/
// pagination.ts, `packages/platform/types/bookings/2024-08-13/inputs/get-bookings.input.ts`; legacy: the booking row handleNewBooking returns (`@calcom/atoms` `dist/lib/http.js` and `dist/hooks/*`).
import { z } from "zod";

const person = z.strictObject({
  id: z.number().int(),
  name: z.string(),
  email: z.string(),
  displayEmail: z.string(),
  username: z.string(),
  timeZone: z.string(),
});

export const bookingSchema = z.strictObject({
  id: z.number().int(),
  uid: z.string(),
  title: z.string(),
  description: z.string(),
  hosts: z.array(person),
  status: z.enum(["cancelled", "accepted", "rejected", "pending"]),
  cancellationReason: z.string().optional(),
  cancelledByEmail: z.string().optional(),
  reschedulingReason: z.string().optional(),
  rescheduledByEmail: z.string().optional(),
  rescheduledFromUid: z.string().optional(),
  rescheduledToUid: z.string().optional(),
  start: z.iso.datetime(),
  end: z.iso.datetime(),
  duration: z.number().int(),
  eventTypeId: z.number().int(),
  eventType: z.strictObject({ id: z.number().int(), slug: z.string() }),
  meetingUrl: z.string().optional(),
  location: z.string().nullable(),
  absentHost: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  metadata: z.record(z.string(), z.unknown()),
  icsUid: z.string(),
  attendees: z.array(
    z.strictObject({
      name: z.string(),
      email: z.string(),
      displayEmail: z.string(),
      timeZone: z.string(),
      language: z.string(),
      absent: z.boolean(),
      phoneNumber: z.string().optional(),
    }),
  ),
  guests: z.array(z.string()).optional(),
  bookingFieldsResponses: z.record(z.string(), z.unknown()),
});

export const paginationSchema = z.strictObject({
  totalItems: z.number().int(),
  remainingItems: z.number().int(),
  returnedItems: z.number().int(),
  itemsPerPage: z.number().int(),
  currentPage: z.number().int(),
  totalPages: z.number().int(),
  hasNextPage: z.boolean(),
  hasPreviousPage: z.boolean(),
});

export const listBookingsResponseSchema = z.strictObject({
  status: z.literal("success"),
  data: z.array(bookingSchema),
  pagination: paginationSchema,
});

export const legacyBookingSchema = z.strictObject({
  id: z.number().int(),
  uid: z.string(),
  userId: z.number().int(),
  eventTypeId: z.number().int(),
  title: z.string(),
  description: z.string().nullable(),
  customInputs: z.record(z.string(), z.unknown()),
  responses: z.record(z.string(), z.unknown()),
  startTime: z.iso.datetime(),
  endTime: z.iso.datetime(),
  location: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime().nullable(),
  status: z.enum(["ACCEPTED", "PENDING", "CANCELLED", "REJECTED"]),
  paid: z.boolean(),
  cancellationReason: z.string().nullable(),
  rejectionReason: z.string().nullable(),
  fromReschedule: z.string().nullable(),
  rescheduled: z.boolean().nullable(),
  recurringEventId: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()),
  iCalUID: z.string(),
  iCalSequence: z.number().int(),
  isRecorded: z.boolean(),
  user: z.strictObject({
    id: z.number().int(),
    name: z.string(),
    email: z.string(),
    username: z.string(),
    timeZone: z.string(),
  }),
  attendees: z.array(
    z.strictObject({
      name: z.string(),
      email: z.string(),
      timeZone: z.string(),
      locale: z.string(),
      phoneNumber: z.string().nullable(),
      noShow: z.boolean(),
    }),
  ),
  references: z.array(z.unknown()),
  isDryRun: z.boolean(),
});

export const legacyCancelOutputSchema = z.strictObject({
  bookingId: z.number().int(),
  bookingUid: z.string(),
  onlyRemovedAttendee: z.boolean(),
});
