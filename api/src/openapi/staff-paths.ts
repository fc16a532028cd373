// OpenAPI entries of the staff area's own endpoints (/staff/...), reached by our web server with the
// signed-in person's session cookie (forwarded) and, for changes, the session's CSRF token. Better Auth's
// routes under /staff/auth (sign-in links, passkeys, sign-out) are its own and described in its docs.
import { z } from "zod";
import { apiKeyParamsSchema, newApiKeySchema } from "../admin/admin.router.js";
import { newConnectLinkSchema } from "../connections/connections.router.js";
import { publicNameBodySchema, staffHostParamsSchema } from "../staff/staff-public-name.router.js";
import {
  accessLogPageQuerySchema,
  scheduleParamsSchema,
  staffInvitationSchema,
  staffPersonParamsSchema,
  staffRoleChangeSchema,
} from "../staff/admin/staff-admin.router.js";
import { staffBookingListQuerySchema, staffBookingParamsSchema } from "../staff/staff.router.js";
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
  privateBooking: z
    .object({ pseudonym: z.string() })
    .nullable()
    .describe("Booked privately: Cal.com knows the person by this pseudonym only"),
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
  privateBooking: z
    .object({
      pseudonym: z.string(),
      details: z
        .object({ name: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() })
        .nullable()
        .describe("What the person chose to leave us (kept only here, sealed); null when nothing, or erased"),
    })
    .nullable(),
  statusHistory: z.array(z.record(z.string(), z.unknown())),
  auditTrail: z.array(
    z.object({
      deliveryId: z.string(),
      triggerEvent: z.string(),
      outcome: z.string(),
      source: z.string(),
      occurredAt: z.iso.datetime(),
      workflowId: z.string(),
    }),
  ),
});
const accessLogEntrySchema = z.object({
  sequence: z.string(),
  staffUserId: z.string(),
  staffRole: z.string(),
  bookingUid: z.string(),
  action: z.enum(["booking.list", "booking.view", "questionnaire.view", "note.read"]),
  viewedAt: z.iso.datetime(),
});

const publicNameSchema = z.object({
  publicName: z.string().nullable(),
  previousNames: z.array(z.string()).describe("Earlier names, newest first; their links redirect to the current one"),
  bookingPath: z.string().nullable(),
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
const csrfHeader = { name: "X-CSRF-Token", in: "header", required: true, schema: { type: "string" } };
const jsonBody = (schema: Schema) => ({
  required: true,
  content: { "application/json": { schema: jsonSchema(schema) } },
});
const adminOnly = { "403": error("Not an administrator") };
/** Marks an operation only administrators may use (the access test reads it: a host gets 403 there). */
const forAdministrators = { "x-staff-role": "admin" };
/** Marks an operation only hosts may use (an administrator gets 403 there). */
const forHosts = { "x-staff-role": "host" };
const adminChange = { "403": error("Not an administrator, or the CSRF token or Origin is wrong") };
const parameters = (schema: z.ZodObject, location: "path" | "query") =>
  Object.entries(schema.shape).map(([name, field]) => ({
    name,
    in: location,
    required: location === "path",
    schema: jsonSchema(field as Schema),
  }));
const signedIn = { "401": error("No live staff session (signed out, expired, deactivated)") };
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

const hostSchema = z.object({
  calUserId: z.number().int(),
  username: z.string().nullable(),
  name: z.string().nullable(),
  state: z.enum(["managed", "connected", "missing_scope", "needs_reconnect", "disconnected", "not_connected"]),
  webhook: z.enum(["registered", "missing"]).nullable(),
  connection: z
    .object({
      id: z.string(),
      connectedAt: z.iso.datetime(),
      needsReconnectSince: z.iso.datetime().nullable(),
      disconnectedAt: z.iso.datetime().nullable(),
    })
    .nullable(),
  staff: z.array(z.object({ id: z.string(), name: z.string(), email: z.string(), active: z.boolean() })),
});
const staffPersonSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(["admin", "host"]),
  calUserId: z.number().int().nullable(),
  active: z.boolean(),
  hasPasskey: z.boolean(),
  lastSignInAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
const apiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(["admin", "operator"]),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});
const reconciliationRunSchema = z.object({
  workflowId: z.string(),
  runId: z.string(),
  startedAt: z.iso.datetime(),
  closedAt: z.iso.datetime().nullable(),
  status: z.string(),
  result: z
    .object({
      examined: z.number(),
      reconciled: z.number(),
      alreadyProcessed: z.number(),
      unreadable: z.number(),
      needsReconnect: z.number(),
      failedSources: z.number(),
    })
    .nullable(),
});
const reconciliationSchema = z.object({
  namespace: z.string(),
  schedules: z.array(
    z.object({
      scheduleId: z.string(),
      exists: z.boolean(),
      everyMinutes: z.number().nullable(),
      paused: z.boolean(),
      nextRunAt: z.iso.datetime().nullable(),
      recentRuns: z.array(reconciliationRunSchema),
    }),
  ),
  repairs: z.array(
    z.object({
      bookingUid: z.string().nullable(),
      triggerEvent: z.string(),
      outcome: z.string(),
      occurredAt: z.iso.datetime(),
      recordedAt: z.iso.datetime(),
    }),
  ),
});
const accessLogViewSchema = accessLogEntrySchema.extend({
  staffName: z.string().nullable(),
  staffEmail: z.string().nullable(),
  clientAddress: z.string().nullable(),
});
const chainVerdictSchema = z.union([
  z.object({ intact: z.literal(true), entries: z.number().int() }),
  z.object({
    intact: z.literal(false),
    entries: z.number().int(),
    firstBroken: z.object({ sequence: z.string(), reason: z.string() }),
  }),
]);

/** /staff/admin/...: the administrators' screens (admin role; changes with the CSRF token). */
function staffAdminPaths() {
  const tags = ["staff-admin"];
  const personPath = [...parameters(staffPersonParamsSchema, "path"), csrfHeader];
  const personChange = (summary: string, extra: Record<string, unknown> = {}) => ({
    post: {
      summary,
      tags,
      security,
      ...forAdministrators,
      parameters: personPath,
      ...extra,
      responses: {
        "204": { description: "Done" },
        "400": error("Refused: the message says why (for example, changing yourself)"),
        ...signedIn,
        ...adminChange,
        "404": error("No such staff member"),
      },
    },
  });
  return {
    "/staff/admin/hosts": {
      get: {
        summary: "Every Cal.com user we know, with their connection state and linked staff accounts",
        tags,
        security,
        ...forAdministrators,
        responses: {
          "200": ok("By name", z.object({ hosts: z.array(hostSchema), connectLinksAvailable: z.boolean() })),
          ...signedIn,
          ...adminOnly,
        },
      },
    },
    "/staff/admin/hosts/connect-links": {
      post: {
        summary: "A one-time connect link for a host's Cal.com account (the same links as POST /connections/cal/links)",
        tags,
        security,
        ...forAdministrators,
        parameters: [csrfHeader],
        requestBody: { ...jsonBody(newConnectLinkSchema), required: false },
        responses: {
          "201": ok("The link, shown once", z.object({ url: z.string(), expiresAt: z.iso.datetime() })),
          "400": error("The body is wrong (the message names it)"),
          ...signedIn,
          ...adminChange,
          "409": error("No Cal.com OAuth 2.0 client is configured"),
        },
      },
    },
    "/staff/admin/staff": {
      get: {
        summary: "Every staff member: role, active, passkey, last sign-in",
        tags,
        security,
        ...forAdministrators,
        responses: {
          "200": ok("Administrators first, then by name", z.object({ people: z.array(staffPersonSchema) })),
          ...signedIn,
          ...adminOnly,
        },
      },
      post: {
        summary: "Invite a person (mails a one-time link; the same invitation as npm run staff:invite)",
        tags,
        security,
        ...forAdministrators,
        parameters: [csrfHeader],
        requestBody: jsonBody(staffInvitationSchema),
        responses: {
          "201": ok(
            "Invited (or a new link mailed to an existing account of that role)",
            z.object({ id: z.string(), created: z.boolean(), expiresAt: z.iso.datetime() }),
          ),
          "400": error("The body is wrong, or the invitation is refused (the message says why)"),
          ...signedIn,
          ...adminChange,
        },
      },
    },
    "/staff/admin/staff/{id}/role": personChange("Change a staff member's role (a host is linked to a Cal.com user)", {
      requestBody: jsonBody(staffRoleChangeSchema),
    }),
    "/staff/admin/staff/{id}/deactivate": personChange(
      "Deactivate a staff member: their sessions end at once and they cannot sign in",
    ),
    "/staff/admin/staff/{id}/reactivate": personChange("Reactivate a staff member: they may sign in again"),
    "/staff/admin/api-keys": {
      get: {
        summary: "API keys (never the secret)",
        tags,
        security,
        ...forAdministrators,
        responses: {
          "200": ok("Oldest first", z.object({ apiKeys: z.array(apiKeySchema) })),
          ...signedIn,
          ...adminOnly,
        },
      },
      post: {
        summary: "Create an API key (the same keys as npm run apikey:create)",
        tags,
        security,
        ...forAdministrators,
        parameters: [csrfHeader],
        requestBody: jsonBody(newApiKeySchema),
        responses: {
          "201": ok("The key, shown once", z.object({ id: z.string(), key: z.string() })),
          "400": error("The body is wrong (the message names it)"),
          ...signedIn,
          ...adminChange,
        },
      },
    },
    "/staff/admin/api-keys/{id}": {
      delete: {
        summary: "Revoke an API key: it is refused from the next request on",
        tags,
        security,
        ...forAdministrators,
        parameters: [...parameters(apiKeyParamsSchema, "path"), csrfHeader],
        responses: {
          "204": { description: "Revoked" },
          "400": error("Not a key id"),
          ...signedIn,
          ...adminChange,
          "404": error("No active key with that id"),
        },
      },
    },
    "/staff/admin/reconciliation": {
      get: {
        summary: "The reconciliation schedules, their recent runs and the latest repairs",
        tags,
        security,
        ...forAdministrators,
        responses: { "200": ok("Newest first", reconciliationSchema), ...signedIn, ...adminOnly },
      },
    },
    "/staff/admin/reconciliation/{scheduleId}/run": {
      post: {
        summary: "Run a reconciliation schedule now (skipped while a run is still open)",
        tags,
        security,
        ...forAdministrators,
        parameters: [...parameters(scheduleParamsSchema, "path"), csrfHeader],
        responses: {
          "202": ok("Triggered", z.object({ triggered: z.literal(true) })),
          "400": error("Not a schedule id"),
          ...signedIn,
          ...adminChange,
          "404": error("No such reconciliation schedule"),
        },
      },
    },
    "/staff/admin/access-log": {
      get: {
        summary: "The whole access log, newest first, with the hash chain's verification",
        tags,
        security,
        ...forAdministrators,
        parameters: parameters(accessLogPageQuerySchema, "query"),
        responses: {
          "200": ok(
            "A page of entries",
            z.object({
              entries: z.array(accessLogViewSchema),
              nextBefore: z.string().nullable(),
              verification: chainVerdictSchema,
            }),
          ),
          "400": error("A query parameter is wrong (the message names it)"),
          ...signedIn,
          ...adminOnly,
        },
      },
    },
  };
}
const publicNameChange = (summary: string, who: Record<string, unknown>) => ({
  summary,
  tags: ["staff"],
  security,
  requestBody: jsonBody(publicNameBodySchema),
  responses: {
    "200": ok("The host's names now", publicNameSchema),
    "400": error("Not a usable name (the message says why: characters, length, a word the site uses)"),
    ...signedIn,
    ...who,
    "409": error("Another host has (or had) this name, or uses it as their Cal.com username"),
    "413": error("Body over the size limit"),
    "415": error("Not JSON in UTF-8"),
  },
});

export const staffPaths = {
  "/staff/profile/public-name": {
    get: {
      summary: "The signed-in host's short public name and earlier ones (hosts)",
      tags: ["staff"],
      security,
      ...forHosts,
      responses: {
        "200": ok("The host's names", publicNameSchema),
        ...signedIn,
        "403": error("Not a host (administrators use /staff/hosts/{calUserId}/public-name)"),
      },
    },
    put: {
      ...publicNameChange("Choose the signed-in host's short public name (/book/<name>; hosts)", {
        "403": error("Not a host, or the CSRF token or Origin is wrong"),
      }),
      ...forHosts,
      parameters: [csrfHeader],
    },
  },
  "/staff/hosts/{calUserId}/public-name": {
    get: {
      summary: "A host's short public name and earlier ones (administrators)",
      tags: ["staff"],
      security,
      ...forAdministrators,
      parameters: parameters(staffHostParamsSchema, "path"),
      responses: {
        "200": ok("The host's names", publicNameSchema),
        "400": error("Not a Cal.com user id"),
        ...signedIn,
        "403": error("Not an administrator"),
        "404": error("No host with that Cal.com user id"),
      },
    },
    put: {
      ...publicNameChange("Choose a host's short public name (administrators)", {
        "403": error("Not an administrator, or the CSRF token or Origin is wrong"),
        "404": error("No host with that Cal.com user id"),
      }),
      ...forAdministrators,
      parameters: [...parameters(staffHostParamsSchema, "path"), csrfHeader],
    },
  },
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
      ...forAdministrators,
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
      ...forAdministrators,
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
  ...staffAdminPaths(),
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
