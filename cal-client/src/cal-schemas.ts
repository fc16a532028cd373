// The Cal.com API v2 response shapes this project reads (Cal.com docs: api-reference/v2; emulator
// contract tests pin the same shapes). Loose objects: Cal.com adds fields over time.
import { z } from 'zod';

export const managedUserSchema = z.looseObject({
  id: z.number().int(),
  email: z.string(),
  username: z.string().nullable(),
  name: z.string().nullable(),
  timeZone: z.string().nullish(),
  locale: z.string().nullish(),
});
export type ManagedUser = z.infer<typeof managedUserSchema>;

/** `*ExpiresAt` are epoch milliseconds in the managed-user token endpoints. */
export const managedUserTokensSchema = z.looseObject({
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1),
  accessTokenExpiresAt: z.number(),
  refreshTokenExpiresAt: z.number(),
});
export type ManagedUserTokens = z.infer<typeof managedUserTokensSchema>;

export const eventTypeSchema = z.looseObject({
  id: z.number().int(),
  slug: z.string(),
  title: z.string(),
  lengthInMinutes: z.number().int().optional(),
  length: z.number().int().optional(),
  description: z.string().nullish(),
  hidden: z.boolean().optional(),
});
export type CalEventType = z.infer<typeof eventTypeSchema>;

export function successEnvelope<T extends z.ZodType>(data: T) {
  return z.looseObject({ status: z.literal('success'), data });
}
