// GET/PATCH /v2/me. Source: apps/api/v2/src/ee/me/outputs/me.output.ts (fields as listed in `@calcom/atoms` `dist/lib/http.js` and `dist/hooks/*`).
import { z } from "zod";
import { timeZoneSchema, weekDaySchema } from "./common.schema.js";

export const meSchema = z.strictObject({
  id: z.number().int(),
  username: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  avatarUrl: z.string().nullable(),
  bio: z.string().nullable(),
  timeFormat: z.union([z.literal(12), z.literal(24)]),
  defaultScheduleId: z.number().int().nullable(),
  weekStart: z.string(),
  timeZone: z.string(),
  organizationId: z.number().int().nullable(),
  organization: z.strictObject({ isPlatform: z.boolean(), id: z.number().int() }).optional(),
});

export const updateMeInputSchema = z.object({
  email: z.email().optional(),
  name: z.string().min(1).optional(),
  timeFormat: z.union([z.literal(12), z.literal(24)]).optional(),
  defaultScheduleId: z.number().int().optional(),
  weekStart: weekDaySchema.optional(),
  timeZone: timeZoneSchema.optional(),
  locale: z.string().min(2).optional(),
  avatarUrl: z.url().optional(),
  bio: z.string().optional(),
});
