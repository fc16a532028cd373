// OpenAPI entries of the staff area's own endpoints (/staff/...), reached by our web server with the
// signed-in person's session cookie (forwarded) and, for changes, the session's CSRF token. Better Auth's
// routes under /staff/auth (sign-in links, passkeys, sign-out) are its own and described in its docs.
import { z } from "zod";
import {
  staffBookingListQuerySchema,
  staffBookingParamsSchema,
  staffPersonParamsSchema,
} from "../staff/staff.router.js";

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
      workflowId: z.string(),
    }),
  ),
});
const accessLogEntrySchema = z.object({
  sequence: z.string(),
  staffUserId: z.string(),
  staffRole: z.string(),
  bookingUid: z.string(),
  action: z.enum(["booking.list", "booking.view", "questionnaire.view"]),
  viewedAt: z.iso.datetime(),
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
};
