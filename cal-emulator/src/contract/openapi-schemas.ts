// Zod schemas written from Cal.com's published API v2 OpenAPI document (docs/api-reference/v2/openapi.json,
// read from the copy in calcom/companion at e5d99e4, last changed March 2026), for the endpoints ChurchHub or
// the Booker atom call. Each schema names the document's schema it follows. Objects are strict: a property
// the document does not list, a missing required one, a wrong type or a value outside an enum all fail.
// Where the document contradicts Cal.com's own source the source wins, and the line says so (README
// "Where the published document and the source disagree").
import { z } from "zod";

/** OpenAPI: BookingAttendee.language / ManagedUserOutput.locale enum. */
const LOCALES = [
  "ar",
  "ca",
  "de",
  "es",
  "eu",
  "he",
  "id",
  "ja",
  "lv",
  "pl",
  "ro",
  "sr",
  "th",
  "vi",
  "az",
  "cs",
  "el",
  "es-419",
  "fi",
  "hr",
  "it",
  "km",
  "nl",
  "pt",
  "ru",
  "sv",
  "tr",
  "zh-CN",
  "bg",
  "da",
  "en",
  "et",
  "fr",
  "hu",
  "iw",
  "ko",
  "no",
  "pt-BR",
  "sk",
  "ta",
  "uk",
  "zh-TW",
  "bn",
] as const;

/** OpenAPI: UserWebhookOutputDto.triggers / OAuthClientWebhookOutputDto.triggers item enum. */
const WEBHOOK_TRIGGERS = [
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
  "ROUTING_FORM_FALLBACK_HIT",
  "DELEGATION_CREDENTIAL_ERROR",
  "WRONG_ASSIGNMENT_REPORT",
] as const;

/** OpenAPI: OutputIntegrationLocation_2024_06_14.integration enum (the ones the fixtures use are enough to pin). */
const INTEGRATIONS = ["cal-video", "google-meet", "zoom", "whereby-video", "office365-video", "jitsi"] as const;

/** Every success body: `status` is the document's enum ["success", "error"]; a success is always "success". */
const success = <T extends z.ZodType>(data: T) => z.strictObject({ status: z.literal("success"), data });

// ---- Bookings (cal-api-version 2024-08-13) ----

// OpenAPI: components.schemas.BookingHost
const bookingHost = z.strictObject({
  id: z.number(),
  name: z.string(),
  email: z.string(),
  displayEmail: z.string(),
  username: z.string(),
  timeZone: z.string(),
});

// OpenAPI: components.schemas.BookingAttendee
const bookingAttendee = z.strictObject({
  name: z.string(),
  email: z.string(),
  displayEmail: z.string(),
  timeZone: z.string(),
  language: z.enum(LOCALES).optional(),
  absent: z.boolean(),
  phoneNumber: z.string().optional(),
});

// OpenAPI: components.schemas.BookingOutput_2024_08_13
export const bookingOutput = z.strictObject({
  id: z.number(),
  uid: z.string(),
  title: z.string(),
  description: z.string(),
  hosts: z.array(bookingHost),
  status: z.enum(["cancelled", "accepted", "rejected", "pending"]),
  cancellationReason: z.string().optional(),
  cancelledByEmail: z.string().optional(),
  reschedulingReason: z.string().optional(),
  rescheduledByEmail: z.string().optional(),
  rescheduledFromUid: z.string().optional(),
  rescheduledToUid: z.string().optional(),
  start: z.string(),
  end: z.string(),
  duration: z.number(),
  eventTypeId: z.number(),
  // OpenAPI: components.schemas.EventType
  eventType: z.strictObject({ id: z.number(), slug: z.string() }),
  meetingUrl: z.string().optional(),
  location: z.string(),
  absentHost: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  metadata: z.record(z.string(), z.unknown()).optional(),
  rating: z.number().optional(),
  icsUid: z.string().optional(),
  attendees: z.array(bookingAttendee),
  guests: z.array(z.string()).optional(),
  bookingFieldsResponses: z.record(z.string(), z.unknown()),
});

// OpenAPI: components.schemas.PaginationMetaDto
const paginationMeta = z.strictObject({
  totalItems: z.number().min(0),
  remainingItems: z.number().min(0),
  returnedItems: z.number(),
  itemsPerPage: z.number().min(1),
  currentPage: z.number().min(1),
  totalPages: z.number().min(0),
  hasNextPage: z.boolean(),
  hasPreviousPage: z.boolean(),
});

// OpenAPI: components.schemas.GetBookingsOutput_2024_08_13 (data items: only BookingOutput_2024_08_13 here,
// the emulator has no recurring or seated bookings)
export const getBookingsOutput = z.strictObject({
  status: z.literal("success"),
  data: z.array(bookingOutput),
  pagination: paginationMeta,
});
// OpenAPI: components.schemas.GetBookingOutput_2024_08_13
export const getBookingOutput = success(bookingOutput);
// OpenAPI: components.schemas.CreateBookingOutput_2024_08_13
export const createBookingOutput = success(bookingOutput);
// OpenAPI: components.schemas.CancelBookingOutput_2024_08_13
export const cancelBookingOutput = success(bookingOutput);
// OpenAPI: components.schemas.RescheduleBookingOutput_2024_08_13
export const rescheduleBookingOutput = success(bookingOutput);

// ---- Me ----

// OpenAPI: components.schemas.MeOutput (with MeOrgOutput)
const meOutput = z.strictObject({
  id: z.number(),
  username: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  avatarUrl: z.string().nullable(),
  bio: z.string().nullable(),
  timeFormat: z.number(),
  defaultScheduleId: z.number().nullable(),
  weekStart: z.string(),
  timeZone: z.string(),
  organizationId: z.number().nullable(),
  organization: z.strictObject({ isPlatform: z.boolean(), id: z.number() }).optional(),
});
// OpenAPI: components.schemas.GetMeOutput
export const getMeOutput = success(meOutput);
// OpenAPI: components.schemas.UpdateMeOutput
export const updateMeOutput = success(meOutput);

// ---- Webhooks ----

const webhookCommon = {
  // The document types payloadTemplate as a required string; the source returns the Prisma column as is,
  // which is null when no template was set (modules/webhooks/pipes/WebhookOutputPipe.ts): the source wins.
  payloadTemplate: z.string().nullable(),
  triggers: z.array(z.enum(WEBHOOK_TRIGGERS)),
  // The document types id as a number; the source's Webhook.id is a UUID string (schema.prisma
  // `id String @id @unique`; the controllers take `@Param("webhookId") webhookId: string`): the source wins.
  id: z.uuid(),
  subscriberUrl: z.string(),
  active: z.boolean(),
  // Documented as an optional string; null when none was set, as with payloadTemplate: the source wins.
  secret: z.string().nullable().optional(),
};
// OpenAPI: components.schemas.UserWebhookOutputDto
const userWebhookOutput = z.strictObject({ ...webhookCommon, userId: z.number() });
// OpenAPI: components.schemas.UserWebhookOutputResponseDto
export const userWebhookOutputResponse = success(userWebhookOutput);
// OpenAPI: components.schemas.UserWebhooksOutputResponseDto
export const userWebhooksOutputResponse = success(z.array(userWebhookOutput));
// OpenAPI: components.schemas.OAuthClientWebhookOutputDto
const oauthClientWebhookOutput = z.strictObject({ ...webhookCommon, oAuthClientId: z.string() });
// OpenAPI: components.schemas.OAuthClientWebhookOutputResponseDto
export const oauthClientWebhookOutputResponse = success(oauthClientWebhookOutput);
// OpenAPI: components.schemas.OAuthClientWebhooksOutputResponseDto
export const oauthClientWebhooksOutputResponse = success(z.array(oauthClientWebhookOutput));
// OpenAPI: components.schemas.DeleteManyWebhooksOutputResponseDto
export const deleteManyWebhooksOutputResponse = success(z.string());

// ---- Event types (cal-api-version 2024-06-14) ----

// OpenAPI: OutputAddressLocation_2024_06_14 | OutputLinkLocation_2024_06_14 | OutputIntegrationLocation_2024_06_14
// | OutputPhoneLocation_2024_06_14 | OutputOrganizersDefaultAppLocation_2024_06_14 | OutputUnknownLocation_2024_06_14
const eventTypeLocation = z.union([
  z.strictObject({ type: z.literal("address"), address: z.string(), public: z.boolean() }),
  z.strictObject({ type: z.literal("link"), link: z.string(), public: z.boolean() }),
  z.strictObject({
    type: z.literal("integration"),
    integration: z.enum(INTEGRATIONS),
    link: z.string().optional(),
    credentialId: z.number().optional(),
  }),
  z.strictObject({ type: z.literal("phone"), phone: z.string(), public: z.boolean() }),
  z.strictObject({ type: z.literal("organizersDefaultApp") }),
  z.strictObject({ type: z.literal("unknown"), location: z.string() }),
]);

// The document types isDefault as "object" (example true/false); the source declares it boolean
// (booking-fields.output.ts `@IsBoolean() isDefault`): the source wins.
const defaultFieldBase = {
  isDefault: z.literal(true),
  required: z.boolean().optional(),
  hidden: z.boolean().optional(),
  label: z.string().optional(),
  placeholder: z.string().optional(),
  disableOnPrefill: z.boolean().optional(),
};
const customFieldBase = {
  slug: z.string(),
  label: z.string(),
  required: z.boolean(),
  placeholder: z.string(),
  disableOnPrefill: z.boolean().optional(),
  hidden: z.boolean(),
  isDefault: z.literal(false),
};
const bookingFieldOutput = z.union([
  // OpenAPI: NameDefaultFieldOutput_2024_06_14
  z.strictObject({
    ...defaultFieldBase,
    type: z.literal("name"),
    slug: z.literal("name"),
    label: z.string(),
    placeholder: z.string(),
    required: z.boolean(),
  }),
  // OpenAPI: EmailDefaultFieldOutput_2024_06_14
  z.strictObject({
    ...defaultFieldBase,
    type: z.literal("email"),
    slug: z.literal("email"),
    label: z.string(),
    placeholder: z.string(),
  }),
  // OpenAPI: LocationDefaultFieldOutput_2024_06_14
  z.strictObject({
    isDefault: z.literal(true),
    slug: z.literal("location"),
    type: z.literal("radioInput"),
    required: z.boolean(),
    hidden: z.boolean(),
    label: z.string(),
  }),
  // OpenAPI: TitleDefaultFieldOutput_2024_06_14, NotesDefaultFieldOutput_2024_06_14,
  // GuestsDefaultFieldOutput_2024_06_14, RescheduleReasonDefaultFieldOutput_2024_06_14
  z.strictObject({ ...defaultFieldBase, slug: z.literal("title"), type: z.literal("text") }),
  z.strictObject({ ...defaultFieldBase, slug: z.literal("notes"), type: z.literal("textarea") }),
  z.strictObject({ ...defaultFieldBase, slug: z.literal("guests"), type: z.literal("multiemail") }),
  z.strictObject({ ...defaultFieldBase, slug: z.literal("rescheduleReason"), type: z.literal("textarea") }),
  // OpenAPI: TextFieldOutput_2024_06_14, TextAreaFieldOutput_2024_06_14, PhoneFieldOutput_2024_06_14
  z.strictObject({ ...customFieldBase, type: z.enum(["text", "textarea", "phone"]) }),
]);

// OpenAPI: components.schemas.EventTypeOutput_2024_06_14
export const eventTypeOutput = z.strictObject({
  id: z.number(),
  lengthInMinutes: z.number(),
  lengthInMinutesOptions: z.array(z.number()).optional(),
  title: z.string(),
  slug: z.string(),
  description: z.string(),
  locations: z.array(eventTypeLocation),
  bookingFields: z.array(bookingFieldOutput),
  disableGuests: z.boolean(),
  slotInterval: z.number().nullable().optional(),
  minimumBookingNotice: z.number().optional(),
  beforeEventBuffer: z.number().optional(),
  afterEventBuffer: z.number().optional(),
  recurrence: z.null(),
  metadata: z.record(z.string(), z.unknown()),
  price: z.number(),
  currency: z.string(),
  lockTimeZoneToggleOnBookingPage: z.boolean(),
  seatsPerTimeSlot: z.number().nullable().optional(),
  forwardParamsSuccessRedirect: z.boolean().nullable(),
  successRedirectUrl: z.string().nullable(),
  isInstantEvent: z.boolean(),
  seatsShowAvailabilityCount: z.boolean().nullable().optional(),
  scheduleId: z.number().nullable(),
  hideCalendarNotes: z.boolean().optional(),
  customName: z.string().optional(),
  hideCalendarEventDetails: z.boolean().optional(),
  hideOrganizerEmail: z.boolean().optional(),
  hidden: z.boolean(),
  bookingRequiresAuthentication: z.boolean(),
  ownerId: z.number(),
  // The document types users as string[]; the source's EventTypeOutput_2024_06_14 has `users: User_2024_06_14[]`
  // (id, name, username, avatarUrl, weekStart, brandColor, darkBrandColor, metadata): the source wins.
  users: z.array(
    z.strictObject({
      id: z.number(),
      name: z.string().nullable(),
      username: z.string().nullable(),
      avatarUrl: z.string().nullable(),
      weekStart: z.string(),
      brandColor: z.string().nullable(),
      darkBrandColor: z.string().nullable(),
      metadata: z.record(z.string(), z.unknown()),
    }),
  ),
  bookingUrl: z.url(),
});
// OpenAPI: components.schemas.GetEventTypesOutput_2024_06_14
export const getEventTypesOutput = success(z.array(eventTypeOutput));
// OpenAPI: components.schemas.GetEventTypeOutput_2024_06_14
export const getEventTypeOutput = success(eventTypeOutput);
// OpenAPI: components.schemas.UpdateEventTypeOutput_2024_06_14
export const updateEventTypeOutput = success(eventTypeOutput);

const privateLinkBase = {
  linkId: z.string(),
  eventTypeId: z.number(),
  isExpired: z.boolean(),
  bookingUrl: z.url(),
};
// OpenAPI: components.schemas.TimeBasedPrivateLinkOutput, UsageBasedPrivateLinkOutput
export const privateLinkOutput = z.union([
  z.strictObject({ ...privateLinkBase, expiresAt: z.iso.datetime({ offset: true }) }),
  z.strictObject({ ...privateLinkBase, maxUsageCount: z.number(), usageCount: z.number() }),
]);
// OpenAPI: components.schemas.CreatePrivateLinkOutput, GetPrivateLinksOutput
export const createPrivateLinkOutput = success(privateLinkOutput);
export const getPrivateLinksOutput = success(z.array(privateLinkOutput));
// OpenAPI: components.schemas.DeletePrivateLinkOutput
export const deletePrivateLinkOutput = success(z.strictObject({ linkId: z.string(), message: z.string() }));

// ---- Slots (cal-api-version 2024-09-04) ----

// OpenAPI: paths["/v2/slots"].get.responses["200"]. The document's schema has no envelope and types each
// slot as a string, while its own examples (and the source, slots-2024-09-04 SlotsOutputService) give
// `{status, data: {"YYYY-MM-DD": [{start}]}}` (or `{start, end}` with format=range): the examples and source win.
export const getSlotsOutput = success(
  z.record(
    z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    z.array(z.union([z.strictObject({ start: z.string() }), z.strictObject({ start: z.string(), end: z.string() })])),
  ),
);

// ---- OAuth 2.0 for ordinary accounts ----

// OpenAPI: components.schemas.OAuth2TokensDto. The document lists no `scope`; Cal.com's token response
// carries it (docs api-reference/v2/oauth.mdx §3; OAuth2TokensDto in source at later commits), so it is allowed.
export const oauth2TokensDto = z.strictObject({
  access_token: z.string(),
  token_type: z.string(),
  refresh_token: z.string(),
  expires_in: z.number(),
  scope: z.string().optional(),
});
// OAuth errors are RFC 6749 §5.2 bodies (the document has no error schema; source oauth2-error.service.ts).
export const oauth2ErrorBody = z.strictObject({
  error: z.enum(["invalid_request", "invalid_client", "invalid_grant", "unsupported_grant_type", "server_error"]),
  error_description: z.string(),
});
// OpenAPI: components.schemas.OAuth2ClientResponseDto (data: OAuth2ClientDto)
export const oauth2ClientResponseDto = success(
  z.strictObject({
    client_id: z.string(),
    redirect_uri: z.string(),
    name: z.string(),
    logo: z.string().nullable().optional(),
    is_trusted: z.boolean(),
    client_type: z.enum(["CONFIDENTIAL", "PUBLIC"]),
  }),
);

// ---- Platform managed users (deprecated Platform endpoints) ----

// OpenAPI: components.schemas.ManagedUserOutput
const managedUserOutput = z.strictObject({
  id: z.number(),
  email: z.string(),
  username: z.string().nullable(),
  name: z.string().nullable(),
  bio: z.string().nullable(),
  timeZone: z.string(),
  weekStart: z.string(),
  createdDate: z.string(),
  timeFormat: z.number().nullable(),
  defaultScheduleId: z.number().nullable(),
  locale: z.enum(LOCALES).optional(),
  avatarUrl: z.string().nullable().optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
});
// OpenAPI: components.schemas.KeysDto
const keysDto = z.strictObject({
  accessToken: z.string(),
  refreshToken: z.string(),
  accessTokenExpiresAt: z.number(),
  refreshTokenExpiresAt: z.number(),
});
// OpenAPI: components.schemas.CreateManagedUserOutput (data: CreateManagedUserData)
export const createManagedUserOutput = success(keysDto.extend({ user: managedUserOutput }));
// OpenAPI: components.schemas.GetManagedUserOutput
export const getManagedUserOutput = success(managedUserOutput);
// OpenAPI: components.schemas.GetManagedUsersOutput
export const getManagedUsersOutput = success(z.array(managedUserOutput));
// OpenAPI: components.schemas.KeysResponseDto
export const keysResponseDto = success(keysDto);

// ---- Errors ----

// The document defines no error schema. Cal.com's HttpExceptionFilter answers every API v2 error as
// `{status:"error", timestamp, path, error:{code, message, details?}}` (apps/api/v2/src/filters/http-exception.filter.ts).
export const apiErrorBody = z.strictObject({
  status: z.literal("error"),
  timestamp: z.iso.datetime(),
  path: z.string(),
  error: z.strictObject({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
