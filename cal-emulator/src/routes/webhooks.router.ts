// User webhooks: POST/GET /v2/webhooks and GET/PATCH/DELETE /v2/webhooks/{webhookId} for the calling user
// (a managed-user or OAuth 2.0 access token). POST answers 201 (Nest's default), the others 200. The scope an
// OAuth 2.0 token needs follows the fixtures' webhookScopeReading (sources disagree; README "Scopes").
// Sources: apps/api/v2/src/modules/webhooks/controllers/webhooks.controller.ts and its e2e spec;
// docs api-reference/v2/webhooks/*; `v2/modules/webhooks/`.
import type { Authenticator } from "../http/authenticate.js";
import { userOf } from "../http/authenticate.js";
import { sendData } from "../http/envelope.js";
import { parseInput } from "../http/parse-input.js";
import type { DeclareRoute } from "../http/route-probes.js";
import type { ScopeGuard } from "../http/scope-guard.js";
import {
  createUserWebhookInputSchema,
  listUserWebhooksQuerySchema,
  updateUserWebhookInputSchema,
} from "../schemas/user-webhook.schema.js";
import { toUserWebhookOutput, type UserWebhookService } from "../user-webhooks.js";

export function declareWebhookRoutes(
  declare: DeclareRoute,
  deps: { auth: Authenticator; userWebhooks: UserWebhookService; scopes: ScopeGuard },
): void {
  declare("post", "/webhooks", deps.auth.requireUser, deps.scopes.webhookScopes("write"), (request, response) => {
    const input = parseInput(createUserWebhookInputSchema, request.body);
    sendData(response, toUserWebhookOutput(deps.userWebhooks.create(userOf(response).id, input)), 201);
  });

  declare("get", "/webhooks", deps.auth.requireUser, deps.scopes.webhookScopes("read"), (request, response) => {
    const { skip, take } = parseInput(listUserWebhooksQuerySchema, request.query);
    sendData(response, deps.userWebhooks.list(userOf(response).id, skip, take).map(toUserWebhookOutput));
  });

  declare(
    "get",
    "/webhooks/:webhookId",
    deps.auth.requireUser,
    deps.scopes.webhookScopes("read"),
    (request, response) => {
      sendData(
        response,
        toUserWebhookOutput(deps.userWebhooks.ownedBy(userOf(response).id, String(request.params.webhookId))),
      );
    },
  );

  declare(
    "patch",
    "/webhooks/:webhookId",
    deps.auth.requireUser,
    deps.scopes.webhookScopes("write"),
    (request, response) => {
      const webhook = deps.userWebhooks.ownedBy(userOf(response).id, String(request.params.webhookId));
      const changes = parseInput(updateUserWebhookInputSchema, request.body ?? {});
      sendData(response, toUserWebhookOutput(deps.userWebhooks.update(webhook, changes)));
    },
  );

  declare(
    "delete",
    "/webhooks/:webhookId",
    deps.auth.requireUser,
    deps.scopes.webhookScopes("write"),
    (request, response) => {
      const webhook = deps.userWebhooks.ownedBy(userOf(response).id, String(request.params.webhookId));
      sendData(response, toUserWebhookOutput(deps.userWebhooks.remove(webhook)));
    },
  );
}
