// Makes sure the Platform OAuth client has our webhook, so managed users' bookings reach
// `<API_PUBLIC_URL>/webhooks/cal`, the way each connected account gets its own through /v2/webhooks.
// Idempotent: every worker calls it at start; ours is found by its subscriber URL and updated only when
// it differs (triggers, active, secret), created when missing.
import type { CalClient } from "@churchhub/cal-client";
import { BOOKING_TRIGGERS } from "@churchhub/contracts";

export type PlatformWebhookOutcome = "created" | "updated" | "unchanged";

export async function ensurePlatformWebhook(
  calClient: Pick<CalClient, "listPlatformWebhooks" | "createPlatformWebhook" | "updatePlatformWebhook">,
  wanted: { subscriberUrl: string; secret: string },
): Promise<PlatformWebhookOutcome> {
  const desired = {
    subscriberUrl: wanted.subscriberUrl,
    triggers: [...BOOKING_TRIGGERS],
    active: true,
    secret: wanted.secret,
  };
  const ours = (await calClient.listPlatformWebhooks()).find(
    (webhook) => webhook.subscriberUrl === wanted.subscriberUrl,
  );
  if (!ours) {
    await calClient.createPlatformWebhook(desired);
    return "created";
  }
  const sameTriggers =
    ours.triggers.length === desired.triggers.length &&
    desired.triggers.every((trigger) => ours.triggers.includes(trigger));
  // Cal.com returns the secret to its owner; when it does not, sending ours again is the safe side.
  if (sameTriggers && ours.active && ours.secret === wanted.secret && !ours.payloadTemplate) return "unchanged";
  // Cal.com's update input takes only a string, and sendPayload applies a template only when it is truthy:
  // an empty one gives back the standard envelope our receiver reads (cal-emulator/README.md).
  await calClient.updatePlatformWebhook(ours.id, {
    ...desired,
    ...(ours.payloadTemplate ? { payloadTemplate: "" } : {}),
  });
  return "updated";
}
