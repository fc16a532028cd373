// User webhooks as Cal.com keeps them: one row per (user, subscriber URL), ids are UUID strings, only the
// owner may read or change one (another user's → 403, unknown → 404), and a booking of that user is
// delivered to each of their active webhooks whose triggers include the event.
// Sources: apps/api/v2/src/modules/webhooks/services/{user-webhooks,webhooks}.service.ts,
// guards/is-user-webhook-guard.ts, webhooks.repository.ts; packages/features/webhooks/lib/getWebhooks.ts.
import { randomUUID } from "node:crypto";
import { badRequest, conflict, forbidden, notFound } from "./http/api-error.js";
import type {
  CreateUserWebhookInput,
  UpdateUserWebhookInput,
  UserWebhookOutput,
} from "./schemas/user-webhook.schema.js";
import { applyWebhookChanges } from "./webhook-changes.js";
import type { EmulatorState, UserWebhook } from "./state.js";

const DUPLICATE_URL = "Webhook with this subscriber url already exists for this user";

export interface UserWebhookService {
  create(userId: number, input: CreateUserWebhookInput): UserWebhook;
  list(userId: number, skip: number, take: number): UserWebhook[];
  /** The caller's own webhook, or Cal.com's 404 (unknown id) / 403 (someone else's). */
  ownedBy(userId: number, webhookId: string): UserWebhook;
  update(webhook: UserWebhook, changes: UpdateUserWebhookInput): UserWebhook;
  remove(webhook: UserWebhook): UserWebhook;
  /** Where a booking event of this organizer goes: their active webhooks subscribed to the trigger. */
  deliveryTargets(organizerId: number, trigger: string): UserWebhook[];
}

export function toUserWebhookOutput(webhook: UserWebhook): UserWebhookOutput {
  return {
    id: webhook.id,
    userId: webhook.userId,
    triggers: [...webhook.triggers],
    subscriberUrl: webhook.subscriberUrl,
    active: webhook.active,
    payloadTemplate: webhook.payloadTemplate,
    secret: webhook.secret,
  };
}

export function createUserWebhookService(deps: { state: () => EmulatorState; clock: () => Date }): UserWebhookService {
  const webhooksOf = (userId: number) =>
    [...deps.state().userWebhooks.values()].filter((webhook) => webhook.userId === userId);

  return {
    create(userId, input) {
      if (input.triggers.includes("DELEGATION_CREDENTIAL_ERROR")) {
        throw badRequest("DELEGATION_CREDENTIAL_ERROR trigger is only available for organization webhooks");
      }
      if (webhooksOf(userId).some((webhook) => webhook.subscriberUrl === input.subscriberUrl))
        throw conflict(DUPLICATE_URL);
      const webhook: UserWebhook = {
        id: randomUUID(),
        userId,
        subscriberUrl: input.subscriberUrl,
        triggers: [...input.triggers],
        active: input.active,
        payloadTemplate: input.payloadTemplate ?? null,
        secret: input.secret ?? null,
        version: input.version ?? "2021-10-20",
        createdAt: deps.clock(),
      };
      deps.state().userWebhooks.set(webhook.id, webhook);
      return webhook;
    },
    list: (userId, skip, take) => webhooksOf(userId).slice(skip, skip + take),
    ownedBy(userId, webhookId) {
      const webhook = deps.state().userWebhooks.get(webhookId);
      if (!webhook) throw notFound(`Webhook (${webhookId}) not found`);
      if (webhook.userId !== userId) throw forbidden();
      return webhook;
    },
    update: (webhook, changes) => applyWebhookChanges(webhook, changes, webhooksOf(webhook.userId), DUPLICATE_URL),
    remove(webhook) {
      deps.state().userWebhooks.delete(webhook.id);
      return webhook;
    },
    deliveryTargets: (organizerId, trigger) =>
      webhooksOf(organizerId).filter((webhook) => webhook.active && webhook.triggers.includes(trigger)),
  };
}
