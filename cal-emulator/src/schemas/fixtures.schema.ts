// The shape of fixtures/sandbox.json: Cal.com's rows as API v2 reads them, kept as data, validated at start-up.
import { z } from "zod";
import { timeZoneSchema, wallClockSchema, weekDaySchema } from "./common.schema.js";
import { MAX_REDIRECT_URIS } from "../oauth2/redirect-uris.js";

const locationSchema = z.looseObject({ type: z.string().min(1) });

/** One booking field in Cal.com's stored (database) form, as `getBookingFieldsWithSystemFields` reads it. */
export const storedBookingFieldSchema = z.looseObject({
  name: z.string().min(1),
  type: z.string().min(1),
  label: z.string().optional(),
  placeholder: z.string().optional(),
  required: z.boolean().optional(),
  hidden: z.boolean().optional(),
  editable: z.string().optional(),
});

const userSchema = z.object({
  id: z.number().int().positive(),
  email: z.email(),
  username: z.string().min(1),
  name: z.string().min(1),
  bio: z.string().nullable(),
  timeZone: timeZoneSchema,
  weekStart: weekDaySchema,
  timeFormat: z.union([z.literal(12), z.literal(24)]),
  locale: z.string().nullable(),
  avatarUrl: z.string().nullable(),
  defaultScheduleId: z.number().int().nullable(),
  createdDate: z.iso.datetime(),
  metadata: z.record(z.string(), z.unknown()),
});

/**
 * Which scope an OAuth 2.0 token needs for /v2/webhooks; Cal.com's sources disagree (README "Scopes"):
 * - "none": the controller declares no scope and tokens pass (the scope list in source has no WEBHOOK_*);
 * - "webhook-scopes": WEBHOOK_READ for GET, WEBHOOK_WRITE for POST/PATCH/DELETE (some docs pages);
 * - "unavailable": ThirdPartyPermissionsGuard refuses any endpoint without @Permissions with 403.
 */
export const webhookScopeReadingSchema = z.enum(["none", "webhook-scopes", "unavailable"]);
export type WebhookScopeReading = z.infer<typeof webhookScopeReadingSchema>;

export const fixturesSchema = z.object({
  $comment: z.string().optional(),
  webhookScopeReading: webhookScopeReadingSchema.default("none"),
  /**
   * How the 2024-08-13 GET /v2/bookings pages: "offset" (take/skip, pagination.hasNextPage; the published
   * OpenAPI document) or "cursor" (pagination.nextCursor and hasMore, as newer docs pages describe; which
   * Cal.com versions answer so is unverified, README "Bookings list").
   */
  bookingsListPagination: z.enum(["offset", "cursor"]).default("offset"),
  organization: z.object({
    id: z.number().int(),
    name: z.string(),
    slug: z.string().nullable(),
    isPlatform: z.boolean(),
  }),
  oauthClient: z.object({
    id: z.string().min(1),
    secret: z.string().min(1),
    name: z.string().min(1),
    redirectUris: z.array(z.string()),
    organizationId: z.number().int(),
  }),
  /** OAuth 2.0 clients for ordinary accounts (app.cal.com/settings/developer/oauth), secrets in plain text. */
  oauth2Clients: z
    .array(
      z.object({
        clientId: z.string().min(1),
        secret: z.string().min(1).nullable(),
        name: z.string().min(1),
        clientType: z.enum(["CONFIDENTIAL", "PUBLIC"]),
        redirectUris: z.array(z.url()).min(1).max(MAX_REDIRECT_URIS),
        scopes: z.array(z.string().min(1)),
        status: z.enum(["APPROVED", "PENDING", "REJECTED"]).default("APPROVED"),
      }),
    )
    .default([]),
  managedUsers: z.array(userSchema),
  ordinaryAccounts: z.array(userSchema),
  schedules: z.array(
    z.object({
      id: z.number().int(),
      userId: z.number().int(),
      name: z.string(),
      timeZone: timeZoneSchema,
      availability: z.array(
        z.object({ days: z.array(weekDaySchema).min(1), startTime: wallClockSchema, endTime: wallClockSchema }),
      ),
    }),
  ),
  eventTypes: z.array(
    z.object({
      id: z.number().int().positive(),
      ownerId: z.number().int(),
      slug: z.string().min(1),
      title: z.string().min(1),
      lengthInMinutes: z.number().int().positive(),
      description: z.string(),
      locations: z.array(locationSchema),
      bookingFields: z.array(storedBookingFieldSchema),
      minimumBookingNotice: z.number().int().min(0),
      slotInterval: z.number().int().positive().nullable(),
      beforeEventBuffer: z.number().int().min(0),
      afterEventBuffer: z.number().int().min(0),
      hidden: z.boolean(),
      requiresConfirmation: z.boolean(),
      disableGuests: z.boolean(),
      metadata: z.record(z.string(), z.unknown()),
      hideCalendarEventDetails: z.boolean().default(false),
      hideCalendarNotes: z.boolean().default(false),
      hideOrganizerEmail: z.boolean().default(false),
      customName: z.string().nullable().default(null),
    }),
  ),
  defaultEventTypesForNewManagedUsers: z.array(
    z.object({
      slug: z.string(),
      title: z.string(),
      lengthInMinutes: z.number().int().positive(),
      locations: z.array(locationSchema),
    }),
  ),
  /** Seed bookings (normally empty): accepted bookings block slots like real ones. */
  bookings: z.array(
    z.object({
      uid: z.string().min(1),
      eventTypeId: z.number().int(),
      start: z.iso.datetime(),
      attendee: z.object({ name: z.string(), email: z.email(), timeZone: timeZoneSchema }),
      status: z.enum(["accepted", "pending", "cancelled", "rejected"]).default("accepted"),
    }),
  ),
});

export type Fixtures = z.infer<typeof fixturesSchema>;
export type FixtureUser = z.infer<typeof userSchema>;
export type StoredBookingField = z.infer<typeof storedBookingFieldSchema>;
