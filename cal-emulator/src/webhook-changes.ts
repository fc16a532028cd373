// One update rule for both kinds of webhook Cal.com keeps (a user's and a Platform OAuth client's): Prisma's
// unique (owner, subscriberUrl) index refuses moving a webhook onto a URL a sibling already has; every other
// field present in the PATCH body replaces the stored one.
import { conflict } from "./http/api-error.js";
import type { UpdateUserWebhookInput } from "./schemas/user-webhook.schema.js";
import type { UserWebhook } from "./state.js";

type WebhookFields = Pick<
  UserWebhook,
  "subscriberUrl" | "triggers" | "active" | "payloadTemplate" | "secret" | "version"
>;

export function applyWebhookChanges<Webhook extends WebhookFields>(
  webhook: Webhook,
  changes: UpdateUserWebhookInput,
  siblings: readonly WebhookFields[],
  duplicateUrlMessage: string,
): Webhook {
  const url = changes.subscriberUrl;
  if (url !== undefined && url !== webhook.subscriberUrl && siblings.some((other) => other.subscriberUrl === url))
    throw conflict(duplicateUrlMessage);
  if (changes.subscriberUrl !== undefined) webhook.subscriberUrl = changes.subscriberUrl;
  if (changes.triggers !== undefined) webhook.triggers = [...changes.triggers];
  if (changes.active !== undefined) webhook.active = changes.active;
  if (changes.payloadTemplate !== undefined) webhook.payloadTemplate = changes.payloadTemplate;
  if (changes.secret !== undefined) webhook.secret = changes.secret;
  if (changes.version !== undefined) webhook.version = changes.version;
  return webhook;
}
