// The CalProvider's start-up calls: GET /v2/provider/{clientId} (no auth; unknown client → 401) and
// GET /v2/provider/{clientId}/access-token (ApiAuthGuard: 401 unknown token, 498 expired).
// Source: apps/api/v2/src/ee/provider/provider.controller.ts; atoms dist (useOAuthClient, useOAuthFlow).
import { unauthorized } from '../http/api-error.js';
import type { Authenticator } from '../http/authenticate.js';
import { sendData, sendSuccessWithoutData } from '../http/envelope.js';
import type { DeclareRoute } from '../http/route-probes.js';
import type { EmulatorState } from '../state.js';

export function declareProviderRoutes(declare: DeclareRoute, deps: { state: () => EmulatorState; auth: Authenticator }): void {
  declare('get', '/provider/:clientId', (request, response) => {
    const client = deps.state().oauthClients.get(String(request.params.clientId));
    if (!client) throw unauthorized();
    sendData(response, { clientId: client.id, organizationId: client.organizationId, name: client.name });
  });

  declare('get', '/provider/:clientId/access-token', deps.auth.requireAuth, (_request, response) => {
    sendSuccessWithoutData(response);
  });
}
