// The staff area's HTTP surface: Better Auth under /staff/auth (sign-in links, passkeys, sign-out), and
// our own /staff endpoints, each behind requireStaff (401), a role where needed (403), the booking scope
// (404 outside it) and, for changes, the CSRF token. Every booking whose personal data a response carries
// is written to the access log before the response is sent.
import express, { Router } from "express";
import { toNodeHandler, fromNodeHeaders } from "better-auth/node";
import { APIError } from "better-auth/api";
import { z } from "zod";
import { badRequest, HttpError, notFound } from "../http/http-errors.js";
import { bookingUidSchema } from "../admin/admin.router.js";
import { STAFF_AUTH_BASE_PATH, type StaffAuth } from "./auth/create-staff-auth.js";
import type { StaffAccessLog } from "./access-log/staff-access-log.js";
import { clientAddress } from "./client-address.js";
import { principalOf, requireStaff, requireStaffRole } from "./staff-access.js";
import type { StaffBookings } from "./staff-bookings.js";
import { requireCsrfToken, type CsrfTokens } from "./staff-csrf.js";
import type { ResolvePrincipal } from "./staff-principal.js";

// The schemas at the edge of each endpoint (query, path, body).
export const staffBookingListQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const staffBookingParamsSchema = z.strictObject({ uid: bookingUidSchema });
export const staffPersonParamsSchema = z.strictObject({ id: z.string().min(1).max(100) });

function parsed<T>(schema: z.ZodType<T>, value: unknown, part: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw badRequest(`${part}${issue?.path.length ? `.${issue.path.join(".")}` : ""}: ${issue?.message ?? "invalid"}`);
  }
  return result.data;
}

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
  /** Further staff routes (secure notes), served behind the same session and CSRF checks. */
  routes?: readonly Router[];
}

export function createStaffRouter(deps: StaffRouterDependencies): Router {
  const router = Router();
  // Better Auth reads its own bodies: mounted before any parser.
  router.all(`${STAFF_AUTH_BASE_PATH}/{*rest}`, toNodeHandler(deps.auth));

  // Every other /staff path: a live session first, then the CSRF token on changes. (Full paths on the
  // routes below, so the OpenAPI contract test reads them as served.)
  router.use("/staff", requireStaff(deps.resolvePrincipal), requireCsrfToken(deps.csrf, deps.publicOrigin));
  for (const routes of deps.routes ?? []) router.use(routes);

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

  router.get("/staff/bookings", async (request, response) => {
    const principal = principalOf(response);
    const query = parsed(staffBookingListQuerySchema, request.query, "query");
    const bookings = await deps.bookings.list(principal, { limit: query.limit });
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

  router.get("/staff/bookings/:uid", async (request, response) => {
    const principal = principalOf(response);
    const { uid } = parsed(staffBookingParamsSchema, request.params, "path");
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

  router.get("/staff/bookings/:uid/access-log", requireStaffRole("admin"), async (request, response) => {
    const { uid } = parsed(staffBookingParamsSchema, request.params, "path");
    response.json({ entries: await deps.accessLog.forBooking(uid) });
  });

  router.post(
    "/staff/people/:id/deactivate",
    requireStaffRole("admin"),
    express.json({ limit: "1kb" }),
    async (request, response) => {
      const { id } = parsed(staffPersonParamsSchema, request.params, "path");
      try {
        // Better Auth's ban: marks the account and deletes every session it has, so an open session
        // stops working on its next request; signing in again is refused.
        await deps.auth.api.banUser({
          body: { userId: id, banReason: "deactivated" },
          headers: fromNodeHeaders(request.headers),
        });
      } catch (error) {
        if (error instanceof APIError) {
          if (error.statusCode === 404) throw notFound("No staff member with that id");
          throw new HttpError(error.statusCode >= 500 ? 502 : 400, "refused", error.message);
        }
        throw error;
      }
      response.status(204).end();
    },
  );

  return router;
}
