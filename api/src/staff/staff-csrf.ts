// CSRF protection for the staff area's own changes (Better Auth guards its routes by Origin): every
// non-GET request carries X-CSRF-Token, an HMAC of the session id that only our pages obtain (from
// GET /staff/session, read by the web server with the session cookie). A cross-site form or fetch has
// the cookie (SameSite=Lax stops most of those anyway) but cannot know the token; the Origin, when the
// browser sends one, must also be ours.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { RequestHandler } from "express";
import { HttpError } from "../http/http-errors.js";
import type { StaffPrincipal } from "./staff-principal.js";

export const CSRF_HEADER = "x-csrf-token";

export function createCsrfTokens(secret: string) {
  return {
    tokenFor: (principal: Pick<StaffPrincipal, "sessionId">) =>
      createHmac("sha256", secret).update(`staff-csrf:${principal.sessionId}`).digest("base64url"),
  };
}

export type CsrfTokens = ReturnType<typeof createCsrfTokens>;

const refused = (message: string) => new HttpError(403, "csrf_refused", message);

/** After requireStaff: refuses a change without this session's token or from another origin. */
export function requireCsrfToken(tokens: CsrfTokens, publicOrigin: string): RequestHandler {
  return (request, response, next) => {
    if (["GET", "HEAD", "OPTIONS"].includes(request.method)) return next();
    const origin = request.get("origin");
    if (origin && origin !== publicOrigin) return next(refused("Origin: not the staff area's origin"));
    const principal = response.locals.staff as StaffPrincipal;
    const presented = Buffer.from(request.get(CSRF_HEADER) ?? "");
    const expected = Buffer.from(tokens.tokenFor(principal));
    if (presented.length !== expected.length || !timingSafeEqual(presented, expected))
      return next(refused(`${CSRF_HEADER}: missing or not this session's token`));
    next();
  };
}
