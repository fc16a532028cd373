// Platform managed users: inputs and outputs of /v2/oauth-clients/{clientId}/users and token refresh.
// Sources: apps/api/v2/src/modules/users/inputs/create-managed-user.input.ts, update-managed-user.input.ts,
// modules/oauth-clients/controllers/oauth-client-users/*, docs "Deprecated: Platform / Managed Users".
import { z } from "zod";
import { timeZoneSchema, weekDaySchema } from "./common.schema.js";

/** Cal.com's metadata rule: at most 50 keys, keys up to 40 characters, string values up to 500. */
export const metadataInputSchema = z
  .record(z.string().max(40), z.union([z.string().max(500), z.number(), z.boolean()]))
  .refine((value) => Object.keys(value).length <= 50, "must have at most 50 keys");

export const createManagedUserInputSchema = z.object({
  email: z.email(),
  name: z.string().min(1),
  timeFormat: z.union([z.literal(12), z.literal(24)]).optional(),
  weekStart: weekDaySchema.optional(),
  timeZone: timeZoneSchema.optional(),
  locale: z.string().min(2).optional(),
  avatarUrl: z.url().optional(),
  bio: z.string().optional(),
  metadata: metadataInputSchema.optional(),
});

export const updateManagedUserInputSchema = createManagedUserInputSchema.partial().extend({
  defaultScheduleId: z.number().int().optional(),
});

export const listManagedUsersQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(250).default(50),
  offset: z.coerce.number().int().min(0).max(250).default(0),
  emails: z
    .string()
    .optional()
    .transform((value) => (value ? value.split(",").map((email) => email.trim()) : undefined))
    .pipe(z.array(z.email()).optional()),
});

export const refreshTokenInputSchema = z.object({ refreshToken: z.string().min(1) });

export const managedUserSchema = z.strictObject({
  id: z.number().int(),
  email: z.string(),
  username: z.string(),
  name: z.string(),
  bio: z.string().nullable(),
  timeZone: z.string(),
  weekStart: z.string(),
  createdDate: z.string(),
  timeFormat: z.union([z.literal(12), z.literal(24)]),
  defaultScheduleId: z.number().int().nullable(),
  locale: z.string().nullable().optional(),
  avatarUrl: z.string().nullable().optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
});

/** `*ExpiresAt` are epoch milliseconds (Date.valueOf()). */
export const tokensSchema = z.strictObject({
  accessToken: z.string().min(1),
  accessTokenExpiresAt: z.number().int(),
  refreshToken: z.string().min(1),
  refreshTokenExpiresAt: z.number().int(),
});

export const createManagedUserOutputSchema = z.strictObject({ user: managedUserSchema, ...tokensSchema.shape });

export type ManagedUserOutput = z.infer<typeof managedUserSchema>;
