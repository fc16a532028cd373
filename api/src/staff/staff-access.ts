// Authorization for the staff area, in one place: a request must carry a live session (else 401); some
// routes need a role (else 403); and every booking query is scoped by the principal, so a host reads only
// the bookings of the Cal.com user they are linked to and an administrator reads all. A booking outside
// the scope is indistinguishable from one that does not exist (404), whatever the URL.
import type { RequestHandler, Response } from "express";
import { HttpError } from "../http/http-errors.js";
import type { StaffRole } from "./auth/create-staff-auth.js";
import type { ResolvePrincipal, StaffPrincipal } from "./staff-principal.js";

export const staffUnauthorized = () => new HttpError(401, "unauthorized", "Sign in to the staff area");
export const staffForbidden = () => new HttpError(403, "forbidden", "Your role does not allow this");

export function requireStaff(resolve: ResolvePrincipal): RequestHandler {
  return async (request, response, next) => {
    const principal = await resolve(request.headers);
    if (!principal) return next(staffUnauthorized());
    response.locals.staff = principal;
    // Staff answers carry personal data: never stored by a browser or a proxy.
    response.set("Cache-Control", "no-store");
    next();
  };
}

export function requireStaffRole(role: StaffRole): RequestHandler {
  return (_request, response, next) => {
    if (principalOf(response).role !== role) return next(staffForbidden());
    next();
  };
}

export function principalOf(response: Response): StaffPrincipal {
  const principal = response.locals.staff as StaffPrincipal | undefined;
  if (!principal) throw new Error("principalOf used on a route without requireStaff");
  return principal;
}

/**
 * The SQL condition limiting bookings (alias `b`, joined to users as `u`) to what the principal may see,
 * with its parameters numbered from `firstParameter`.
 */
export function bookingScope(
  principal: StaffPrincipal,
  firstParameter: number,
): { condition: string; parameters: unknown[] } {
  if (principal.role === "admin") return { condition: "TRUE", parameters: [] };
  // A host without a linked Cal.com user sees nothing (the schema forbids it, this makes sure).
  if (principal.calUserId === null) return { condition: "FALSE", parameters: [] };
  return { condition: `u.cal_user_id = $${firstParameter}`, parameters: [principal.calUserId] };
}
