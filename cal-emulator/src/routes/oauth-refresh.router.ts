// POST /v2/oauth/{clientId}/refresh: rotate a managed user's tokens. ApiAuthGuard checks the client
// secret first (401), then the service answers 400 "Invalid refresh token".
// Source: apps/api/v2/src/modules/oauth-clients/controllers/oauth-flow/oauth-flow.controller.ts, services/oauth-flow.service.ts.
import { badRequest } from "../http/api-error.js";
import type { Authenticator } from "../http/authenticate.js";
import { principalOf } from "../http/authenticate.js";
import { sendData } from "../http/envelope.js";
import { parseInput } from "../http/parse-input.js";
import type { DeclareRoute } from "../http/route-probes.js";
import { refreshTokenInputSchema } from "../schemas/managed-user.schema.js";
import type { TokenService } from "../tokens.js";

export function declareOAuthRefreshRoutes(
  declare: DeclareRoute,
  deps: { tokens: TokenService; auth: Authenticator },
): void {
  declare("post", "/oauth/:clientId/refresh", deps.auth.requireAuth, (request, response) => {
    const principal = principalOf(response);
    const clientId = String(request.params.clientId);
    if (principal?.kind !== "oauth-client" || principal.client.id !== clientId)
      throw badRequest("Invalid OAuthClient credentials.");
    const { refreshToken } = parseInput(refreshTokenInputSchema, request.body);
    sendData(response, deps.tokens.refresh(clientId, refreshToken));
  });
}
