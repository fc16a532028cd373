// Slot endpoints: the legacy 2024-04-15 `GET /v2/slots/available` the atoms call, 2024-09-04 `GET /v2/slots`,
// and slot reservation. Sources: apps/api/v2/src/modules/slots/slots-2024-04-15/controllers/slots.controller.ts,
// services/slots-output.service.ts, packages/platform/types/slots/*; docs api-reference/v2/slots/*.
import { z } from "zod";
import { timeZoneSchema } from "./common.schema.js";

const instantOrDate = z
  .string()
  .refine((value) => !Number.isNaN(Date.parse(value)), "must be an ISO 8601 date or date-time");

/** Express's simple query parser gives `usernameList[]=a` as "usernameList[]"; one value is a string, several an array. */
const stringList = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (Array.isArray(value) ? value : [value]));

export const legacySlotsQuerySchema = z
  .object({
    startTime: instantOrDate,
    endTime: instantOrDate,
    eventTypeId: z.coerce.number().int().optional(),
    eventTypeSlug: z.string().optional(),
    usernameList: stringList.optional(),
    timeZone: timeZoneSchema.optional(),
    duration: z.coerce.number().int().positive().optional(),
    rescheduleUid: z.string().optional(),
    slotFormat: z.enum(["time", "range"]).optional(),
  })
  .refine((query) => query.eventTypeId !== undefined || (query.eventTypeSlug && query.usernameList?.length), {
    message: "eventTypeId, or eventTypeSlug with usernameList, is required",
    path: ["eventTypeId"],
  });

export const slotsQuerySchema = z
  .object({
    start: instantOrDate,
    end: instantOrDate,
    timeZone: timeZoneSchema.default("UTC"),
    eventTypeId: z.coerce.number().int().optional(),
    eventTypeSlug: z.string().optional(),
    username: z.string().optional(),
    duration: z.coerce.number().int().positive().optional(),
    format: z.enum(["time", "range"]).default("time"),
    bookingUidToReschedule: z.string().optional(),
  })
  .refine((query) => query.eventTypeId !== undefined || (query.eventTypeSlug && query.username), {
    message: "eventTypeId, or eventTypeSlug with username, is required",
    path: ["eventTypeId"],
  });

export const reserveSlotInputSchema = z.object({
  eventTypeId: z.number().int(),
  slotUtcStartDate: z.iso.datetime({ offset: true }),
  slotUtcEndDate: z.iso.datetime({ offset: true }),
  bookingUid: z.string().optional(),
  _isDryRun: z.boolean().optional(),
});

export const legacySlotsOutputSchema = z.strictObject({
  slots: z.record(
    z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    z.array(
      z.union([z.strictObject({ time: z.string() }), z.strictObject({ startTime: z.string(), endTime: z.string() })]),
    ),
  ),
});

export const slotsOutputSchema = z.record(
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  z.array(z.union([z.strictObject({ start: z.string() }), z.strictObject({ start: z.string(), end: z.string() })])),
);
