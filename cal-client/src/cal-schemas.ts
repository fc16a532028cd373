// The Cal.com API v2 response shapes this project reads (Cal.com docs: api-reference/v2; emulator
// contract tests pin the same shapes). Loose objects: Cal.com adds fields over time.
import { z } from "zod";

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
  /** The event type's public booking page on Cal.com. */
  bookingUrl: z.string().optional(),
});
export type CalEventType = z.infer<typeof eventTypeSchema>;

/** A booking question as 2024-06-14 prints it: default fields have `isDefault: true` and a fixed slug. */
export const eventTypeBookingFieldSchema = z.looseObject({
  slug: z.string(),
  type: z.string(),
  isDefault: z.boolean(),
  hidden: z.boolean().optional(),
  required: z.boolean().optional(),
});
export type CalEventTypeBookingField = z.infer<typeof eventTypeBookingFieldSchema>;

/** An event type read by its owner (2024-06-14): the fields sensitive mode sets and checks. */
export const ownedEventTypeSchema = eventTypeSchema.extend({
  ownerId: z.number().int(),
  hidden: z.boolean(),
  bookingFields: z.array(eventTypeBookingFieldSchema),
  hideCalendarEventDetails: z.boolean().optional(),
  hideCalendarNotes: z.boolean().optional(),
  hideOrganizerEmail: z.boolean().optional(),
  customName: z.string().nullish(),
});
export type CalOwnedEventType = z.infer<typeof ownedEventTypeSchema>;

/** A private link: time-based (`expiresAt`) or usage-based (`maxUsageCount`, `usageCount`). */
export const privateLinkSchema = z.looseObject({
  linkId: z.string(),
  eventTypeId: z.number().int(),
  isExpired: z.boolean(),
  bookingUrl: z.string(),
  expiresAt: z.string().optional(),
  maxUsageCount: z.number().int().optional(),
  usageCount: z.number().int().optional(),
});
export type CalPrivateLink = z.infer<typeof privateLinkSchema>;

export function successEnvelope<T extends z.ZodType>(data: T) {
  return z.looseObject({ status: z.literal("success"), data });
}

/** A booking as API v2 (cal-api-version 2024-08-13) lists it: status lower-case, times as start/end. */
export const calApiBookingSchema = z.looseObject({
  id: z.number().int(),
  uid: z.string(),
  title: z.string().nullish(),
  description: z.string().nullish(),
  hosts: z.array(
    z.looseObject({
      id: z.number().int(),
      name: z.string().nullish(),
      email: z.string().nullish(),
      username: z.string().nullish(),
      timeZone: z.string().nullish(),
      /** The address Cal.com shows for the host (may differ from `email`, e.g. for managed users). */
      displayEmail: z.string().nullish(),
    }),
  ),
  status: z.string(),
  cancellationReason: z.string().nullish(),
  cancelledByEmail: z.string().nullish(),
  rescheduledByEmail: z.string().nullish(),
  rescheduledFromUid: z.string().nullish(),
  rescheduledToUid: z.string().nullish(),
  start: z.string(),
  end: z.string(),
  eventTypeId: z.number().int().nullish(),
  eventType: z.looseObject({ id: z.number().int(), slug: z.string() }).nullish(),
  location: z.string().nullish(),
  createdAt: z.string(),
  updatedAt: z.string().nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
  attendees: z.array(
    z.looseObject({
      name: z.string().nullish(),
      email: z.string().nullish(),
      timeZone: z.string().nullish(),
      language: z.string().nullish(),
      phoneNumber: z.string().nullish(),
      displayEmail: z.string().nullish(),
    }),
  ),
  bookingFieldsResponses: z.record(z.string(), z.unknown()).nullish(),
});
export type CalApiBooking = z.infer<typeof calApiBookingSchema>;

/** The page itself; `pagination` is read by bookings-paging.ts, which knows both of Cal.com's forms. */
export const bookingsPageSchema = z.looseObject({
  status: z.literal("success"),
  data: z.array(z.unknown()),
  pagination: z.unknown(),
});

/** `GET /v2/me` (cal-emulator/README.md): the account a user token acts as. */
export const meSchema = z.looseObject({
  id: z.number().int(),
  username: z.string().nullable(),
  email: z.string().nullish(),
  name: z.string().nullish(),
  timeZone: z.string().nullish(),
  locale: z.string().nullish(),
  organizationId: z.number().int().nullish(),
});
export type CalMe = z.infer<typeof meSchema>;

/** A user webhook (`/v2/webhooks`, cal-emulator/README.md). The id is a UUID string although the docs say number. */
export const userWebhookSchema = z.looseObject({
  id: z.union([z.string(), z.number()]).transform(String),
  subscriberUrl: z.string(),
  triggers: z.array(z.string()),
  active: z.boolean(),
});
export type CalUserWebhook = z.infer<typeof userWebhookSchema>;

/** A Platform OAuth client's webhook (`/v2/oauth-clients/{clientId}/webhooks`, cal-emulator/README.md). */
export const platformWebhookSchema = userWebhookSchema.extend({
  secret: z.string().nullish(),
  payloadTemplate: z.string().nullish(),
});
export type CalPlatformWebhook = z.infer<typeof platformWebhookSchema>;

const oauth2TokenBody = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  refresh_token: z.string().min(1),
  expires_in: z.number().positive(),
  scope: z.string().optional(),
});

/**
 * `POST /v2/auth/oauth2/token` answers a raw RFC 6749 body; older Cal.com builds wrapped it in the
 * `{status, data}` envelope (cal-emulator/README.md). Both are read.
 */
export const oauth2TokenResponseSchema = z.union([
  oauth2TokenBody,
  successEnvelope(oauth2TokenBody).transform((body) => body.data),
]);
