// Cal.com's ApiAuthGuard (apps/api/v2/src/modules/auth/strategies/api-auth/api-auth.strategy.ts):
// OAuth client id (path or x-cal-client-id) + x-cal-secret-key first, then a Bearer token: an OAuth 2.0
// access token of an ordinary account (a JWT: expired → 401, v2/modules/tokens/tokens.service.ts), else a
// managed-user access token (expired → 498, with the Origin check against the platform client's redirect
// URIs). API keys and Cal.com web sessions do not exist in the emulator.
import type { Request, RequestHandler, Response } from "express";
import type { OAuth2Grants } from "../oauth2/oauth2-grants.js";
import type { EmulatorState, OAuthClient, User } from "../state.js";
import { INVALID_ACCESS_TOKEN, type TokenService } from "../tokens.js";
import { unauthorized } from "./api-error.js";

export type Principal =
  | { kind: "user"; user: User; clientId: string; grant: "managed-user" }
  | { kind: "user"; user: User; clientId: string; grant: "oauth2"; scopes: readonly string[] }
  | { kind: "oauth-client"; client: OAuthClient };

const NO_AUTHENTICATION =
  "No authentication method provided. Either pass an API key as 'Bearer' header or OAuth client credentials as 'x-cal-secret-key' and 'x-cal-client-id' headers";

export interface Authenticator {
  /** The caller, null when no credentials were sent at all; throws Cal.com's 401/498 for bad ones. */
  identify(request: Request): Principal | null;
  requireAuth: RequestHandler;
  optionalAuth: RequestHandler;
  requireUser: RequestHandler;
}

export function principalOf(response: Response): Principal | null {
  return (response.locals.principal as Principal | undefined) ?? null;
}

export function userOf(response: Response): User {
  const principal = principalOf(response);
  if (principal?.kind !== "user") throw unauthorized(INVALID_ACCESS_TOKEN);
  return principal.user;
}

export function createAuthenticator(deps: {
  state: () => EmulatorState;
  tokens: TokenService;
  oauth2: OAuth2Grants;
}): Authenticator {
  function identify(request: Request): Principal | null {
    const state = deps.state();
    const secret = request.get("x-cal-secret-key");
    const clientId = (request.params as Record<string, string | undefined>).clientId ?? request.get("x-cal-client-id");
    if (clientId && secret) {
      const client = state.oauthClients.get(clientId);
      if (!client) throw unauthorized(`Client with ID ${clientId} not found`);
      if (client.secret !== secret) throw unauthorized("Invalid client secret");
      return { kind: "oauth-client", client };
    }
    const bearer = request.get("Authorization")?.replace("Bearer ", "");
    if (bearer) {
      if (bearer.startsWith("cal_")) throw unauthorized("Your api key is not valid");
      const grant = deps.oauth2.verifyAccessToken(bearer);
      if (grant) {
        const user = state.users.get(grant.userId);
        if (!user) throw unauthorized(INVALID_ACCESS_TOKEN);
        return { kind: "user", user, clientId: grant.clientId, grant: "oauth2", scopes: grant.scopes };
      }
      const record = deps.tokens.verifyAccessToken(bearer);
      const client = state.oauthClients.get(record.clientId);
      if (!client) throw unauthorized("OAuth client not found given the access token");
      const origin = request.get("Origin");
      if (origin && !client.redirectUris.some((uri) => uri.startsWith(origin))) {
        throw unauthorized(
          `Invalid request origin - please open https://app.cal.com/settings/platform and add the origin '${origin}' to the 'Redirect uris' of your OAuth client.`,
        );
      }
      const user = state.users.get(record.userId);
      if (!user) throw unauthorized(INVALID_ACCESS_TOKEN);
      return { kind: "user", user, clientId: record.clientId, grant: "managed-user" };
    }
    return null;
  }

  return {
    identify,
    requireAuth(request, response, next) {
      const principal = identify(request);
      if (!principal) throw unauthorized(NO_AUTHENTICATION);
      response.locals.principal = principal;
      next();
    },
    optionalAuth(request, response, next) {
      response.locals.principal = identify(request);
      next();
    },
    requireUser(request, response, next) {
      const principal = identify(request);
      if (!principal) throw unauthorized(NO_AUTHENTICATION);
      if (principal.kind !== "user") throw unauthorized(INVALID_ACCESS_TOKEN);
      response.locals.principal = principal;
      next();
    },
  };
}
