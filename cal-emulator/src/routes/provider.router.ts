// The providers' start-up calls. CalProvider (Platform): GET /v2/provider/{clientId} (no auth; unknown
// client → 401) and GET /v2/provider/{clientId}/access-token (ApiAuthGuard: 401 unknown token, 498 expired).
// CalOAuthProvider (ordinary accounts): GET /v2/atoms/auth/oauth2/clients/{clientId} (no auth); and API v2's
// own OAuth 2.0 client lookup GET /v2/auth/oauth2/clients/{clientId}.
// Sources: apps/api/v2/src/ee/provider/provider.controller.ts; apps/api/v2/src/modules/auth/oauth2/controllers/
// atoms-oauth2.controller.ts (+ its e2e spec) and packages/features/oauth/services/OAuthService.ts `getClient`;
// atoms dist (useOAuthClient with isOAuth2, useOAuthFlow).
import { ApiError, unauthorized } from "../http/api-error.js";
import type { Authenticator } from "../http/authenticate.js";
import { sendData, sendSuccessWithoutData } from "../http/envelope.js";
import type { DeclareRoute } from "../http/route-probes.js";
import type { EmulatorState } from "../state.js";

/**
 * Cal.com's `getClient` throws ErrorWithCode(NotFound, "unauthorized_client") and the controller rethrows it
 * as a bare `new HttpException(message, 404)`: so the code is "HttpException" and getResponse() is the string.
 */
const oauth2ClientNotFound = () => new ApiError(404, "HttpException", "unauthorized_client", "unauthorized_client");

export function declareProviderRoutes(
  declare: DeclareRoute,
  deps: { state: () => EmulatorState; auth: Authenticator },
): void {
  declare("get", "/provider/:clientId", (request, response) => {
    const client = deps.state().oauthClients.get(String(request.params.clientId));
    if (!client) throw unauthorized();
    sendData(response, { clientId: client.id, organizationId: client.organizationId, name: client.name });
  });

  declare("get", "/provider/:clientId/access-token", deps.auth.requireAuth, (_request, response) => {
    sendSuccessWithoutData(response);
  });

  // Looks the client up among the OAuth 2.0 clients only (a Platform client id is unknown here). Its
  // status is not checked: `getClient` does not call ensureClientAccessAllowed, so a PENDING or REJECTED
  // client answers 200 too (Cal.com refuses such a client when authorizing and issuing tokens instead).
  declare("get", "/atoms/auth/oauth2/clients/:clientId", (request, response) => {
    const client = deps.state().oauth2Clients.get(String(request.params.clientId));
    if (!client) throw oauth2ClientNotFound();
    sendData(response, { clientId: client.clientId, organizationId: null });
  });

  // The OAuth 2.0 client lookup of API v2 (no auth), snake_case as the document's OAuth2ClientDto has it:
  // the first registered redirect URI, no logo, never trusted (the emulator has no trusted clients).
  // OpenAPI: paths["/v2/auth/oauth2/clients/{clientId}"] → components.schemas.OAuth2ClientResponseDto;
  // apps/api/v2/src/modules/auth/oauth2/controllers/oauth2.controller.ts (getClient).
  declare("get", "/auth/oauth2/clients/:clientId", (request, response) => {
    const client = deps.state().oauth2Clients.get(String(request.params.clientId));
    if (!client) throw oauth2ClientNotFound();
    sendData(response, {
      client_id: client.clientId,
      redirect_uri: client.redirectUris[0],
      name: client.name,
      logo: null,
      is_trusted: false,
      client_type: client.clientType,
    });
  });
}
