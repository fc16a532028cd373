// User webhooks (`/v2/webhooks`): input, list query and output. Sources: apps/api/v2/src/modules/webhooks/
// inputs/webhook.input.ts, outputs/{webhook,user-webhook}.output.ts, pipes/Webhook{Input,Output}Pipe.ts;
// packages/prisma/schema.prisma `enum WebhookTriggerEvents` (`packages/features/bookings/lib/service/RegularBookingService.ts`, `packages/types/Calendar.d.ts`, including later builds' values).
import { z } from "zod";

export const WEBHOOK_TRIGGER_EVENTS = [
  "BOOKING_CREATED",
  "BOOKING_PAYMENT_INITIATED",
  "BOOKING_PAID",
  "BOOKING_RESCHEDULED",
  "BOOKING_REQUESTED",
  "BOOKING_CANCELLED",
  "BOOKING_REJECTED",
  "BOOKING_NO_SHOW_UPDATED",
  "FORM_SUBMITTED",
  "MEETING_ENDED",
  "MEETING_STARTED",
  "RECORDING_READY",
  "INSTANT_MEETING",
  "RECORDING_TRANSCRIPTION_GENERATED",
  "OOO_CREATED",
  "AFTER_HOSTS_CAL_VIDEO_NO_SHOW",
  "AFTER_GUESTS_CAL_VIDEO_NO_SHOW",
  "FORM_SUBMITTED_NO_EVENT",
  "DELEGATION_CREDENTIAL_ERROR",
  "INSTANT_MEETING_ACCEPTED",
  "ROUTING_FORM_FALLBACK_HIT",
  "WRONG_ASSIGNMENT_REPORT",
  "DELEGATION_CREDENTIAL_SECRET_ROTATION_FAILED",
  "DELEGATION_CREDENTIAL_ROTATION_REQUIRED",
  "DELEGATION_CREDENTIAL_SECRET_ROTATED",
  "CALENDAR_ENTRY_REJECTED",
] as const;
export type WebhookTriggerEvent = (typeof WEBHOOK_TRIGGER_EVENTS)[number];

/** `PING` is not a trigger: it is only what the "Ping test" button sends, so subscribing to it is a 400. */
const triggersSchema = z.array(z.enum(WEBHOOK_TRIGGER_EVENTS));

export const createUserWebhookInputSchema = z.object({
  // Cal.com checks IsString plus, in newer builds, an SSRF guard (HTTPS to public hosts only); the emulator
  // accepts any http(s) URL so a local receiver can subscribe.
  subscriberUrl: z.url({ protocol: /^https?$/ }),
  triggers: triggersSchema,
  active: z.boolean(),
  payloadTemplate: z.string().optional(),
  secret: z.string().optional(),
  version: z.literal("2021-10-20").optional(),
});
export type CreateUserWebhookInput = z.infer<typeof createUserWebhookInputSchema>;

export const updateUserWebhookInputSchema = createUserWebhookInputSchema.partial();
export type UpdateUserWebhookInput = z.infer<typeof updateUserWebhookInputSchema>;

/** SkipTakePagination; the controller defaults take to 250 and skip to 0. */
export const listUserWebhooksQuerySchema = z.object({
  take: z.coerce.number().int().min(1).max(250).default(250),
  skip: z.coerce.number().int().min(0).default(0),
});

export const userWebhookSchema = z.strictObject({
  id: z.uuid(),
  userId: z.number().int(),
  triggers: z.array(z.string()),
  subscriberUrl: z.string(),
  active: z.boolean(),
  payloadTemplate: z.string().nullable(),
  secret: z.string().nullable().optional(),
});
export type UserWebhookOutput = z.infer<typeof userWebhookSchema>;
