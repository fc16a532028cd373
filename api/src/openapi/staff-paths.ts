// OpenAPI entries of the staff area's own endpoints (/staff/...), reached by our web server with the
// signed-in person's session cookie (forwarded) and, for changes, the session's CSRF token. Better Auth's
// routes under /staff/auth (sign-in links, passkeys, sign-out) are its own and described in its docs.
import { z } from "zod";
import {
  staffBookingListQuerySchema,
  staffBookingParamsSchema,
  staffPersonParamsSchema,
} from "../staff/staff.router.js";
import {
  createPrivateLinkBodySchema,
  privateLinkParamsSchema,
  sensitiveEventTypeParamsSchema,
  sensitiveFlagBodySchema,
  sensitiveHostParamsSchema,
} from "../staff/sensitive/sensitive.router.js";

type Schema = z.ZodType;
const jsonSchema = (schema: Schema) =>
  z.toJSONSchema(schema, { target: "draft-2020-12", unrepresentable: "any", io: "input" });
const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
const error = (description: string) => ({
  description,
  content: { "application/json": { schema: jsonSchema(errorSchema) } },
});
const ok = (description: string, schema: Schema) => ({
  description,
  content: { "application/json": { schema: jsonSchema(schema) } },
});

const personSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(["admin", "host"]),
  calUserId: z.number().int().nullable(),
});
const bookingSummarySchema = z.object({
  uid: z.string(),
  startTime: z.iso.datetime(),
  endTime: z.iso.datetime(),
  status: z.string(),
  eventTypeSlug: z.string().nullable(),
  attendees: z.array(z.object({ name: z.string().nullable() })),
  host: z.object({ username: z.string().nullable(), name: z.string().nullable() }).nullable(),
});
const bookingHostSchema = z.object({
  calUserId: z.number().int(),
  username: z.string().nullable(),
  name: z.string().nullable(),
});
const bookingDetailSchema = bookingSummarySchema.extend({
  title: z.string().nullable(),
  location: z.string().nullable(),
  attendees: z.array(
    z.object({ name: z.string().nullable(), email: z.string().nullable(), timeZone: z.string().nullable() }),
  ),
  responses: z.record(z.string(), z.unknown()).nullable(),
  cancellationReason: z.string().nullable(),
  statusHistory: z.array(z.record(z.string(), z.unknown())),
  auditTrail: z.array(
    z.object({
      deliveryId: z.string(),
      triggerEvent: z.string(),
      outcome: z.string(),
      source: z.string(),
      occurredAt: z.iso.datetime(),
    }),
  ),
});
const accessLogEntrySchema = z.object({
  sequence: z.string(),
  staffUserId: z.string(),
  staffRole: z.string(),
  bookingUid: z.string(),
  action: z.enum(["booking.list", "booking.view"]),
  viewedAt: z.iso.datetime(),
});

const settingsStateSchema = z.enum(["pending", "applied", "drifted", "missing_scope", "failed"]);
const sensitiveEventTypeSchema = z.object({
  id: z.number().int(),
  slug: z.string().nullable(),
  title: z.string().nullable(),
  hidden: z.boolean().nullable(),
  sensitive: z.boolean(),
  ownChoice: z.boolean(),
  settingsState: settingsStateSchema.nullable(),
  stateDetail: z.string().nullable(),
  checkedAt: z.iso.datetime().nullable(),
});
const hostSensitiveViewSchema = z.object({
  calUserId: z.number().int(),
  hostDefault: z.boolean(),
  problem: z.object({ state: z.enum(["missing_scope", "failed"]), detail: z.string() }).nullable(),
  eventTypes: z.array(sensitiveEventTypeSchema),
});
const privateLinkSchema = z.object({
  linkId: z.string(),
  bookingUrl: z.string(),
  isExpired: z.boolean(),
  expiresAt: z.string().nullable(),
  maxUsageCount: z.number().int().nullable(),
  usageCount: z.number().int().nullable(),
});

const security = [{ staffSession: [] }];
const parameters = (schema: z.ZodObject, location: "path" | "query") =>
  Object.entries(schema.shape).map(([name, field]) => ({
    name,
    in: location,
    required: location === "path",
    schema: jsonSchema(field as Schema),
  }));
const signedIn = { "401": error("No live staff session (signed out, expired, deactivated)") };
const csrfHeader = { name: "X-CSRF-Token", in: "header", required: true, schema: { type: "string" } };
const jsonBody = (schema: Schema) => ({
  required: true,
  content: { "application/json": { schema: jsonSchema(schema) } },
});
const noSuchHost = { "404": error("No such host or event type, or one the person may not act for (the same answer)") };
const calSlow = { "503": error("Cal.com (or the workflow service) did not answer in time; try again") };

export const staffSecurityScheme = {
  staffSession: {
    type: "apiKey",
    in: "cookie",
    name: "churchhub-staff.session_token",
    description:
      "A staff session (Better Auth), from a sign-in link or passkey at /staff/auth; changes also need the X-CSRF-Token header from GET /staff/session",
  },
};

export const staffPaths = {
  "/staff/session": {
    get: {
      summary: "The signed-in staff member and their CSRF token",
      tags: ["staff"],
      security,
      responses: {
        "200": ok("The person", z.object({ person: personSchema, csrfToken: z.string(), hasPasskey: z.boolean() })),
        ...signedIn,
      },
    },
  },
  "/staff/bookings": {
    get: {
      summary:
        "Bookings the person may see (a host's own; all for an administrator), attendees by name, filtered by status and start time (administrators also by host and attendee email, through its blind index); each listed booking is access-logged",
      tags: ["staff"],
      security,
      parameters: parameters(staffBookingListQuerySchema, "query"),
      responses: {
        "200": ok(
          "By start time, newest first unless order=asc",
          z.object({ bookings: z.array(bookingSummarySchema) }),
        ),
        "400": error("A query parameter is wrong (the message names it)"),
        ...signedIn,
        "403": error("A host asked for a filter only administrators may use (host, attendeeEmail)"),
      },
    },
  },
  "/staff/booking-hosts": {
    get: {
      summary: "The hosts who have bookings, by name: the choices of the bookings list's host filter (administrators)",
      tags: ["staff"],
      security,
      responses: {
        "200": ok("By name", z.object({ hosts: z.array(bookingHostSchema) })),
        ...signedIn,
        "403": error("Not an administrator"),
      },
    },
  },
  "/staff/bookings/{uid}": {
    get: {
      summary: "A booking's page: attendees, status history, audit trail; the view is access-logged",
      tags: ["staff"],
      security,
      parameters: parameters(staffBookingParamsSchema, "path"),
      responses: {
        "200": ok("The booking", z.object({ booking: bookingDetailSchema })),
        "400": error("Not a booking uid"),
        ...signedIn,
        "404": error("No such booking, or one the person may not see (the same answer)"),
      },
    },
  },
  "/staff/bookings/{uid}/access-log": {
    get: {
      summary: "Who looked at a booking's personal data, and when (administrators)",
      tags: ["staff"],
      security,
      parameters: parameters(staffBookingParamsSchema, "path"),
      responses: {
        "200": ok("Oldest first", z.object({ entries: z.array(accessLogEntrySchema) })),
        "400": error("Not a booking uid"),
        ...signedIn,
        "403": error("Not an administrator"),
      },
    },
  },
  "/staff/people/{id}/deactivate": {
    post: {
      summary: "Deactivate a staff member: their sessions end at once and they cannot sign in (administrators)",
      tags: ["staff"],
      security,
      parameters: [
        ...parameters(staffPersonParamsSchema, "path"),
        { name: "X-CSRF-Token", in: "header", required: true, schema: { type: "string" } },
      ],
      responses: {
        "204": { description: "Deactivated" },
        "400": error("Refused (for example, deactivating yourself)"),
        ...signedIn,
        "403": error("Not an administrator, or the CSRF token or Origin is wrong"),
        "404": error("No such staff member"),
      },
    },
  },
  "/staff/sensitive/hosts": {
    get: {
      summary: "Hosts whose sensitive mode the person may set: an administrator all linked hosts, a host themself",
      tags: ["staff", "sensitive"],
      security,
      responses: {
        "200": ok(
          "The hosts",
          z.object({ hosts: z.array(z.object({ calUserId: z.number().int(), name: z.string() })) }),
        ),
        ...signedIn,
      },
    },
  },
  "/staff/sensitive/hosts/{calUserId}/event-types": {
    get: {
      summary:
        "A host's Cal.com event types (read with the host's token through a workflow), which are sensitive, and whether Cal.com holds their privacy settings",
      tags: ["staff", "sensitive"],
      security,
      parameters: parameters(sensitiveHostParamsSchema, "path"),
      responses: {
        "200": ok(
          "The event types; `problem` says why Cal.com could not list them, and what to do",
          hostSensitiveViewSchema,
        ),
        "400": error("Not a Cal.com user id"),
        ...signedIn,
        ...noSuchHost,
        ...calSlow,
      },
    },
  },
  "/staff/sensitive/hosts/{calUserId}/default": {
    put: {
      summary:
        "Set a host's default: their event types without a choice of their own take it (applied at Cal.com by a workflow)",
      tags: ["staff", "sensitive"],
      security,
      parameters: [...parameters(sensitiveHostParamsSchema, "path"), csrfHeader],
      requestBody: jsonBody(sensitiveFlagBodySchema),
      responses: {
        "202": ok("Recorded; the workflow applies it", z.object({ hostDefault: z.boolean() })),
        "400": error("The body or path is wrong (the message names it)"),
        ...signedIn,
        "403": error("The CSRF token or Origin is wrong"),
        ...noSuchHost,
        ...calSlow,
      },
    },
  },
  "/staff/sensitive/hosts/{calUserId}/event-types/{eventTypeId}": {
    put: {
      summary:
        "Mark an event type sensitive (or not); when sensitive, a workflow applies its privacy settings at Cal.com with the host's token",
      tags: ["staff", "sensitive"],
      security,
      parameters: [...parameters(sensitiveEventTypeParamsSchema, "path"), csrfHeader],
      requestBody: jsonBody(sensitiveFlagBodySchema),
      responses: {
        "202": ok(
          "Recorded (state pending); the workflow applies it",
          z.object({ eventType: sensitiveEventTypeSchema }),
        ),
        "400": error("The body or path is wrong (the message names it)"),
        ...signedIn,
        "403": error("The CSRF token or Origin is wrong"),
        ...noSuchHost,
        ...calSlow,
      },
    },
  },
  "/staff/sensitive/hosts/{calUserId}/event-types/{eventTypeId}/private-links": {
    get: {
      summary: "The Cal.com private links of a sensitive event type (read with the host's token)",
      tags: ["staff", "sensitive"],
      security,
      parameters: parameters(sensitiveEventTypeParamsSchema, "path"),
      responses: {
        "200": ok("The links", z.object({ links: z.array(privateLinkSchema) })),
        "400": error("Not a Cal.com id"),
        ...signedIn,
        ...noSuchHost,
        "409": error("Cal.com refused (for example the connection lacks EVENT_TYPE_READ); the message says what to do"),
        ...calSlow,
      },
    },
    post: {
      summary:
        "Create a Cal.com private link for a sensitive event type: one use by default, or an expiry, or a number of uses",
      tags: ["staff", "sensitive"],
      security,
      parameters: [...parameters(sensitiveEventTypeParamsSchema, "path"), csrfHeader],
      requestBody: jsonBody(createPrivateLinkBodySchema),
      responses: {
        "201": ok("Created", z.object({ link: privateLinkSchema.nullable(), links: z.array(privateLinkSchema) })),
        "400": error("The body or path is wrong (the message names it)"),
        ...signedIn,
        "403": error("The CSRF token or Origin is wrong"),
        ...noSuchHost,
        "409": error(
          "Cal.com refused (for example the connection lacks EVENT_TYPE_WRITE); the message says what to do",
        ),
        ...calSlow,
      },
    },
  },
  "/staff/sensitive/hosts/{calUserId}/event-types/{eventTypeId}/private-links/{linkId}": {
    delete: {
      summary: "Revoke a Cal.com private link",
      tags: ["staff", "sensitive"],
      security,
      parameters: [...parameters(privateLinkParamsSchema, "path"), csrfHeader],
      responses: {
        "200": ok("The links left", z.object({ links: z.array(privateLinkSchema) })),
        "400": error("The path is wrong"),
        ...signedIn,
        "403": error("The CSRF token or Origin is wrong"),
        ...noSuchHost,
        "409": error("Cal.com refused; the message says what to do"),
        ...calSlow,
      },
    },
  },
};
