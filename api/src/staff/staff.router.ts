// The staff area's HTTP surface: Better Auth under /staff/auth (sign-in links, passkeys, sign-out), and
// our own /staff endpoints, each behind requireStaff (401), a role where needed (403), the booking scope
// (404 outside it) and, for changes, the CSRF token. Every booking whose personal data a response carries
// is written to the access log before the response is sent.
import { Router } from "express";
import { toNodeHandler } from "better-auth/node";
import { z } from "zod";
import { BOOKING_STATUSES } from "@churchhub/contracts";
import { HttpError, notFound } from "../http/http-errors.js";
import { validateRequest } from "../http/validate-request.js";
import { attendeeEmailSchema, bookingUidSchema } from "../admin/admin.router.js";
import { STAFF_AUTH_BASE_PATH, type StaffAuth } from "./auth/create-staff-auth.js";
import type { StaffAccessLog } from "./access-log/staff-access-log.js";
import { clientAddress, resolvedClientAddressHeader } from "./client-address.js";
import { principalOf, requireStaff, requireStaffRole } from "./staff-access.js";
import type { StaffBookings } from "./staff-bookings.js";
import { requireCsrfToken, type CsrfTokens } from "./staff-csrf.js";
import type { ResolvePrincipal } from "./staff-principal.js";

// The schemas at the edge of each endpoint (query, path, body).
const instantSchema = z.iso.datetime({ offset: true, error: "must be an ISO 8601 date-time with an offset" });
export const staffBookingListQuerySchema = z
  .strictObject({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    /** By start time: newest first (the default) or oldest first (upcoming bookings, soonest first). */
    order: z.enum(["desc", "asc"]).default("desc"),
    /** Administrators only: one host's bookings, by the host's Cal.com user id. */
    host: z.coerce.number().int().positive().optional(),
    status: z.enum(BOOKING_STATUSES).optional(),
    /** Bookings starting at or after this instant. */
    from: instantSchema.optional(),
    /** Bookings starting before this instant. */
    to: instantSchema.optional(),
    /** Administrators only: bookings with this attendee, found through the emails' blind index. */
    attendeeEmail: attendeeEmailSchema.optional(),
  })
  .refine((query) => !query.from || !query.to || Date.parse(query.from) < Date.parse(query.to), {
    path: ["to"],
    error: "must be later than from",
  });
export const staffBookingParamsSchema = z.strictObject({ uid: bookingUidSchema });

const bookingListRequest = validateRequest({ query: staffBookingListQuerySchema });
const bookingRequest = validateRequest({ params: staffBookingParamsSchema });

/** Filters only administrators may use: a host sees their own bookings whatever they ask for. */
const ADMIN_ONLY_FILTERS = ["host", "attendeeEmail"] as const;

export interface StaffRouterDependencies {
  auth: StaffAuth;
  resolvePrincipal: ResolvePrincipal;
  bookings: StaffBookings;
  accessLog: StaffAccessLog;
  csrf: CsrfTokens;
  /** Whether the person has registered a passkey (the landing page offers one until they have). */
  hasPasskey: (userId: string) => Promise<boolean>;
  publicOrigin: string;
  trustedProxies: readonly string[];
  /**
   * The staff area's other features (administrators' screens, questionnaires, sensitive mode, notes,
   * public names), served behind the same session and CSRF checks; each scopes its own paths and roles.
   */
  routes: readonly Router[];
}

export function createStaffRouter(deps: StaffRouterDependencies): Router {
  const router = Router();
  // Better Auth reads its own bodies: mounted before any parser.
  router.all(
    `${STAFF_AUTH_BASE_PATH}/{*rest}`,
    resolvedClientAddressHeader(deps.trustedProxies),
    toNodeHandler(deps.auth),
  );

  // Every other /staff path: a live session first, then the CSRF token on changes. (Full paths on the
  // routes below, so the OpenAPI contract test reads them as served.)
  router.use("/staff", requireStaff(deps.resolvePrincipal), requireCsrfToken(deps.csrf, deps.publicOrigin));
  for (const routes of deps.routes) router.use(routes);

  router.get("/staff/session", async (_request, response) => {
    const principal = principalOf(response);
    response.json({
      person: {
        id: principal.userId,
        name: principal.name,
        email: principal.email,
        role: principal.role,
        calUserId: principal.calUserId,
      },
      csrfToken: deps.csrf.tokenFor(principal),
      hasPasskey: await deps.hasPasskey(principal.userId),
    });
  });

  router.get("/staff/bookings", bookingListRequest, async (request, response) => {
    const principal = principalOf(response);
    const { query } = bookingListRequest.parsed(response);
    const refused = ADMIN_ONLY_FILTERS.filter((filter) => query[filter] !== undefined);
    if (principal.role !== "admin" && refused.length > 0) {
      throw new HttpError(403, "forbidden", `Only administrators may filter by ${refused.join(" and ")}`);
    }
    const bookings = await deps.bookings.list(principal, {
      ...query,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
    });
    const address = clientAddress(request, deps.trustedProxies);
    await deps.accessLog.record(
      bookings.map((booking) => ({
        staffUserId: principal.userId,
        staffRole: principal.role,
        bookingUid: booking.uid,
        action: "booking.list" as const,
        clientAddress: address,
      })),
    );
    response.json({ bookings });
  });

  router.get("/staff/booking-hosts", requireStaffRole("admin"), async (_request, response) => {
    response.json({ hosts: await deps.bookings.hosts() });
  });

  router.get("/staff/bookings/:uid", bookingRequest, async (request, response) => {
    const principal = principalOf(response);
    const { uid } = bookingRequest.parsed(response).params;
    const booking = await deps.bookings.detail(principal, uid);
    if (!booking) throw notFound("No booking with that uid");
    await deps.accessLog.record([
      {
        staffUserId: principal.userId,
        staffRole: principal.role,
        bookingUid: uid,
        action: "booking.view",
        clientAddress: clientAddress(request, deps.trustedProxies),
      },
    ]);
    response.json({ booking });
  });

  router.get(
    "/staff/bookings/:uid/access-log",
    requireStaffRole("admin"),
    bookingRequest,
    async (_request, response) => {
      const { uid } = bookingRequest.parsed(response).params;
      response.json({ entries: await deps.accessLog.forBooking(uid) });
    },
  );

  return router;
}
