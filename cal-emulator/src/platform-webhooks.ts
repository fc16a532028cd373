// Platform OAuth client webhooks as Cal.com keeps them (the deprecated /v2/oauth-clients/{clientId}/webhooks):
// one row per (client, subscriber URL), ids are UUID strings, a webhook of another client is 403 and an
// unknown one 404, and a booking whose platformClientId is the client is delivered to each active webhook
// of that client whose triggers include the event.
// Sources: calcom/cal.com apps/api/v2/src/modules/oauth-clients/controllers/oauth-client-webhooks/
// oauth-client-webhooks.controller.ts, modules/webhooks/services/oauth-clients-webhooks.service.ts
// (409 wording), guards/is-oauth-client-webhook-guard.ts (403 wording), services/webhooks.service.ts (404),
// outputs/oauth-client-webhook.output.ts; packages/features/webhooks/lib/getWebhooks.ts (platformClientId).
import { randomUUID } from "node:crypto";
import { conflict, forbidden, notFound } from "./http/api-error.js";
import type { CreateUserWebhookInput, UpdateUserWebhookInput } from "./schemas/user-webhook.schema.js";
import { applyWebhookChanges } from "./webhook-changes.js";
import type { EmulatorState, PlatformWebhook } from "./state.js";

const DUPLICATE_URL = "Webhook with this subscriber url already exists for this oAuth client";

export interface PlatformWebhookOutput {
  id: string;
  oAuthClientId: string;
  triggers: string[];
  subscriberUrl: string;
  active: boolean;
  payloadTemplate: string | null;
  secret: string | null;
}

export interface PlatformWebhookService {
  create(oAuthClientId: string, input: CreateUserWebhookInput): PlatformWebhook;
  list(oAuthClientId: string, skip: number, take: number): PlatformWebhook[];
  /** The client's own webhook, or Cal.com's 404 (unknown id) / 403 (another client's). */
  ownedBy(oAuthClientId: string, webhookId: string): PlatformWebhook;
  update(webhook: PlatformWebhook, changes: UpdateUserWebhookInput): PlatformWebhook;
  remove(webhook: PlatformWebhook): PlatformWebhook;
  removeAll(oAuthClientId: string): number;
  /** Where a booking event of a managed user of this client goes. */
  deliveryTargets(platformClientId: string, trigger: string): PlatformWebhook[];
}

export function toPlatformWebhookOutput(webhook: PlatformWebhook): PlatformWebhookOutput {
  return {
    id: webhook.id,
    oAuthClientId: webhook.oAuthClientId,
    triggers: [...webhook.triggers],
    subscriberUrl: webhook.subscriberUrl,
    active: webhook.active,
    payloadTemplate: webhook.payloadTemplate,
    secret: webhook.secret,
  };
}

export function createPlatformWebhookService(deps: {
  state: () => EmulatorState;
  clock: () => Date;
}): PlatformWebhookService {
  const webhooksOf = (oAuthClientId: string) =>
    [...deps.state().platformWebhooks.values()].filter((webhook) => webhook.oAuthClientId === oAuthClientId);

  return {
    create(oAuthClientId, input) {
      if (webhooksOf(oAuthClientId).some((webhook) => webhook.subscriberUrl === input.subscriberUrl))
        throw conflict(DUPLICATE_URL);
      const webhook: PlatformWebhook = {
        id: randomUUID(),
        oAuthClientId,
        subscriberUrl: input.subscriberUrl,
        triggers: [...input.triggers],
        active: input.active,
        payloadTemplate: input.payloadTemplate ?? null,
        secret: input.secret ?? null,
        version: input.version ?? "2021-10-20",
        createdAt: deps.clock(),
      };
      deps.state().platformWebhooks.set(webhook.id, webhook);
      return webhook;
    },
    list: (oAuthClientId, skip, take) => webhooksOf(oAuthClientId).slice(skip, skip + take),
    ownedBy(oAuthClientId, webhookId) {
      const webhook = deps.state().platformWebhooks.get(webhookId);
      if (!webhook) throw notFound(`Webhook (${webhookId}) not found`);
      if (webhook.oAuthClientId !== oAuthClientId)
        throw forbidden("IsOAuthClientWebhookGuard - Webhook does not belong to this oAuthClient");
      return webhook;
    },
    update: (webhook, changes) =>
      applyWebhookChanges(webhook, changes, webhooksOf(webhook.oAuthClientId), DUPLICATE_URL),
    remove(webhook) {
      deps.state().platformWebhooks.delete(webhook.id);
      return webhook;
    },
    removeAll(oAuthClientId) {
      const owned = webhooksOf(oAuthClientId);
      for (const webhook of owned) deps.state().platformWebhooks.delete(webhook.id);
      return owned.length;
    },
    deliveryTargets: (platformClientId, trigger) =>
      webhooksOf(platformClientId).filter((webhook) => webhook.active && webhook.triggers.includes(trigger)),
  };
}
