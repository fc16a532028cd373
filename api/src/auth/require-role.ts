// Guards the non-public endpoints: an API key as `Authorization: Bearer chk_…`, or (for the Temporal
// UI, which sends no Authorization header to an http:// codec) the operator session cookie. No
// credential or an unknown one → 401; a valid key without the role → 403.
import type { RequestHandler, Response } from "express";
import type { Principal, Role } from "@churchhub/database";
import { HttpError, unauthorized } from "../http/http-errors.js";
import { bearerTokenOf } from "../http/require-bearer-token.js";
import { cookieValue } from "../http/cookies.js";

export const SESSION_COOKIE = "churchhub_operator";

export interface Authenticator {
  authenticate(key: string): Promise<Principal | null>;
}

export function principalOf(response: Response): Principal {
  return response.locals.principal as Principal;
}

export function createRoleGuard(authenticator: Authenticator) {
  return function requireRole(...roles: Role[]): RequestHandler {
    return async (request, response, next) => {
      const key = bearerTokenOf(request.get("authorization")) ?? cookieValue(request.get("cookie"), SESSION_COOKIE);
      const principal = key ? await authenticator.authenticate(key) : null;
      if (!principal) return next(unauthorized());
      if (!roles.includes(principal.role))
        return next(new HttpError(403, "forbidden", `This needs the ${roles.join(" or ")} role`));
      response.locals.principal = principal;
      next();
    };
  };
}

export type RequireRole = ReturnType<typeof createRoleGuard>;
