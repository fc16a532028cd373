// Disconnects a host's Cal.com account: delete our webhook on their account (while we still have a
// token to do it with), forget the tokens, audit it. Bookings, users and audit history stay.
import { ActivityFailure, proxyActivities } from "@temporalio/workflow";
import {
  CONNECTION_CAL_REJECTED,
  type DisconnectCalAccountInput,
  type DisconnectCalAccountResult,
} from "@churchhub/contracts";
import type { ConnectionActivities } from "@churchhub/activities";

// Cal.com down must not leave a half-disconnected account for long, nor block the disconnect for ever:
// the webhook deletion is retried for a while, and a refusal is recorded and passed over.
const { removeConnectionWebhook } = proxyActivities<ConnectionActivities>({
  startToCloseTimeout: "30 seconds",
  retry: {
    initialInterval: "1 second",
    backoffCoefficient: 2,
    maximumInterval: "30 seconds",
    maximumAttempts: 10,
    nonRetryableErrorTypes: [CONNECTION_CAL_REJECTED],
  },
});
const { forgetConnection, writeConnectionAudit } = proxyActivities<ConnectionActivities>({
  startToCloseTimeout: "30 seconds",
  retry: { initialInterval: "1 second", backoffCoefficient: 2, maximumInterval: "1 minute" },
});

export async function disconnectCalAccountWorkflow(
  input: DisconnectCalAccountInput,
): Promise<DisconnectCalAccountResult> {
  let webhook: { removed: boolean; reason: string | null };
  try {
    webhook = await removeConnectionWebhook({ connectionId: input.connectionId });
  } catch (error) {
    // Cal.com refused or stayed down: disconnect anyway; deliveries to the URL are refused (410) from now on.
    // The activity's own message says why (an ActivityFailure's says only that the activity failed).
    const reason = error instanceof ActivityFailure ? error.cause : error;
    webhook = { removed: false, reason: reason instanceof Error ? reason.message : "Cal.com refused the deletion" };
  }
  await forgetConnection({ connectionId: input.connectionId });
  await writeConnectionAudit({
    connectionId: input.connectionId,
    action: "disconnected",
    eventKey: input.requestKey,
    by: input.by,
    detail: { webhookRemoved: webhook.removed, webhookNote: webhook.reason },
  });
  return { connectionId: input.connectionId, webhookRemoved: webhook.removed, webhookNote: webhook.reason };
}
