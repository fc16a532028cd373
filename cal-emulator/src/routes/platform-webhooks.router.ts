// Platform webhooks: POST/GET/DELETE /v2/oauth-clients/{clientId}/webhooks and GET/PATCH/DELETE
// /v2/oauth-clients/{clientId}/webhooks/{webhookId}, authenticated by the client id in the path plus
// `x-cal-secret-key` (ApiAuthGuard's OAuth client branch). POST answers 201, the others 200; DELETE of the
// collection answers `data: "<n> webhooks deleted"`. Marked deprecated in Cal.com's docs, still served.
// Source: calcom/cal.com apps/api/v2/src/modules/oauth-clients/controllers/oauth-client-webhooks/
// oauth-client-webhooks.controller.ts; docs api-reference/v2 "Deprecated: Platform / Webhooks".
import type { Response } from "express";
import { unauthorized } from "../http/api-error.js";
import { type Authenticator, principalOf } from "../http/authenticate.js";
import { sendData } from "../http/envelope.js";
import { parseInput } from "../http/parse-input.js";
import type { DeclareRoute } from "../http/route-probes.js";
import { type PlatformWebhookService, toPlatformWebhookOutput } from "../platform-webhooks.js";
import {
  createUserWebhookInputSchema,
  listUserWebhooksQuerySchema,
  updateUserWebhookInputSchema,
} from "../schemas/user-webhook.schema.js";

const BASE = "/oauth-clients/:clientId/webhooks";

/** The authenticated OAuth client; a user token is not enough (the client's secret is what these take). */
function clientIdOf(response: Response): string {
  const principal = principalOf(response);
  if (principal?.kind !== "oauth-client") throw unauthorized("Invalid client secret");
  return principal.client.id;
}

export function declarePlatformWebhookRoutes(
  declare: DeclareRoute,
  deps: { auth: Authenticator; platformWebhooks: PlatformWebhookService },
): void {
  declare("post", BASE, deps.auth.requireAuth, (request, response) => {
    const input = parseInput(createUserWebhookInputSchema, request.body);
    sendData(response, toPlatformWebhookOutput(deps.platformWebhooks.create(clientIdOf(response), input)), 201);
  });

  declare("get", BASE, deps.auth.requireAuth, (request, response) => {
    const { skip, take } = parseInput(listUserWebhooksQuerySchema, request.query);
    sendData(response, deps.platformWebhooks.list(clientIdOf(response), skip, take).map(toPlatformWebhookOutput));
  });

  declare("delete", BASE, deps.auth.requireAuth, (_request, response) => {
    sendData(response, `${deps.platformWebhooks.removeAll(clientIdOf(response))} webhooks deleted`);
  });

  declare("get", `${BASE}/:webhookId`, deps.auth.requireAuth, (request, response) => {
    const webhook = deps.platformWebhooks.ownedBy(clientIdOf(response), String(request.params.webhookId));
    sendData(response, toPlatformWebhookOutput(webhook));
  });

  declare("patch", `${BASE}/:webhookId`, deps.auth.requireAuth, (request, response) => {
    const webhook = deps.platformWebhooks.ownedBy(clientIdOf(response), String(request.params.webhookId));
    const changes = parseInput(updateUserWebhookInputSchema, request.body ?? {});
    sendData(response, toPlatformWebhookOutput(deps.platformWebhooks.update(webhook, changes)));
  });

  declare("delete", `${BASE}/:webhookId`, deps.auth.requireAuth, (request, response) => {
    const webhook = deps.platformWebhooks.ownedBy(clientIdOf(response), String(request.params.webhookId));
    sendData(response, toPlatformWebhookOutput(deps.platformWebhooks.remove(webhook)));
  });
}
