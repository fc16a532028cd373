// Scope enforcement for OAuth 2.0 access tokens of ordinary accounts, as Cal.com's ThirdPartyPermissionsGuard
// does it: a token with no scopes, or only legacy ones, passes (backward compatibility); an endpoint without
// @Permissions is refused; otherwise every permission the handler declares must be among the token's scopes.
// Refusals are 403 ForbiddenException in Cal.com's error envelope. Managed-user tokens and OAuth client
// credentials are not third-party tokens and are not checked here.
// Source: calcom/cal.com apps/api/v2/src/modules/auth/guards/third-party-permissions/third-party-permissions.guard.ts
// (at 44f78c7); the per-endpoint permissions are the controllers' @Permissions decorators (README "Scopes").
import type { RequestHandler } from "express";
import { ALL_KNOWN_SCOPES, WEBHOOK_SCOPES } from "../oauth2/oauth2-scopes.js";
import type { EmulatorState } from "../state.js";
import { forbidden } from "./api-error.js";
import { principalOf } from "./authenticate.js";

/** What a route declares: scopes it needs (an empty list = open to any token), or "not-declared" (no @Permissions). */
export type RequiredScopes = readonly string[] | "not-declared";

const ENFORCED_SCOPES: readonly string[] = [
  ...ALL_KNOWN_SCOPES.filter((scope) => scope !== "READ_BOOKING" && scope !== "READ_PROFILE"),
  ...WEBHOOK_SCOPES,
];

export function insufficientScope(required: RequiredScopes, tokenScopes: readonly string[]): string | null {
  // Legacy tokens: no scopes, or none that maps to a permission.
  if (!tokenScopes.some((scope) => ENFORCED_SCOPES.includes(scope))) return null;
  if (required === "not-declared")
    return "insufficient_scope: this endpoint is not available for third-party OAuth tokens";
  const missing = required.filter((scope) => !tokenScopes.includes(scope));
  if (missing.length === 0) return null;
  return `insufficient_scope: token does not have the required scopes. Required: ${missing.join(", ")}. Token has: ${tokenScopes.join(", ")}`;
}

export interface ScopeGuard {
  /** Must run after the authentication middleware; the requirement may depend on state (the webhook reading). */
  requireScopes(required: RequiredScopes | ((state: EmulatorState) => RequiredScopes)): RequestHandler;
  /** /v2/webhooks under the fixtures' webhookScopeReading. */
  webhookScopes(access: "read" | "write"): RequestHandler;
}

export function createScopeGuard(deps: { state: () => EmulatorState }): ScopeGuard {
  function requireScopes(required: RequiredScopes | ((state: EmulatorState) => RequiredScopes)): RequestHandler {
    return (_request, response, next) => {
      const principal = principalOf(response);
      if (principal?.kind === "user" && principal.grant === "oauth2") {
        const needed = typeof required === "function" ? required(deps.state()) : required;
        const problem = insufficientScope(needed, principal.scopes);
        if (problem) throw forbidden(problem);
      }
      next();
    };
  }
  return {
    requireScopes,
    webhookScopes: (access) =>
      requireScopes((state) =>
        state.webhookScopeReading === "none"
          ? []
          : state.webhookScopeReading === "unavailable"
            ? "not-declared"
            : [access === "read" ? "WEBHOOK_READ" : "WEBHOOK_WRITE"],
      ),
  };
}
