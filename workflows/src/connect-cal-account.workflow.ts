// Connects a host's own Cal.com account after they allowed it on Cal.com's consent page: exchange the
// code and store the connection, register our webhook on their account, audit it. The api starts it
// from the OAuth callback and waits for it; tokens never pass through here (only the attempt id).
import { proxyActivities } from "@temporalio/workflow";
import {
  AUTHORIZATION_REFUSED,
  CONNECTION_CAL_REJECTED,
  CONNECTION_GONE,
  CONNECTION_NEEDS_RECONNECT,
  type ConnectCalAccountInput,
  type ConnectCalAccountResult,
} from "@churchhub/contracts";
import type { ConnectionActivities } from "@churchhub/activities";

// A person waits on the callback page, and an authorization code lives 10 minutes: retries are quick
// and bounded. Refusals (a spent code, our webhook refused) are final at once.
const { completeCalConnection, registerConnectionWebhook, writeConnectionAudit } =
  proxyActivities<ConnectionActivities>({
    startToCloseTimeout: "30 seconds",
    retry: {
      initialInterval: "500 milliseconds",
      backoffCoefficient: 2,
      maximumInterval: "10 seconds",
      maximumAttempts: 8,
      nonRetryableErrorTypes: [
        AUTHORIZATION_REFUSED,
        CONNECTION_CAL_REJECTED,
        CONNECTION_NEEDS_RECONNECT,
        CONNECTION_GONE,
      ],
    },
  });

export async function connectCalAccountWorkflow(input: ConnectCalAccountInput): Promise<ConnectCalAccountResult> {
  const connection = await completeCalConnection({ attemptId: input.attemptId });
  await writeConnectionAudit({
    connectionId: connection.connectionId,
    action: connection.reconnected ? "reconnected" : "connected",
    eventKey: input.attemptId,
    by: "host",
  });
  const webhook = await registerConnectionWebhook({ connectionId: connection.connectionId });
  if (webhook.status === "missing_scope") {
    // Still connected: reconciliation polls this account's bookings until a reconnect brings the scope.
    await writeConnectionAudit({
      connectionId: connection.connectionId,
      action: "webhook_refused",
      eventKey: input.attemptId,
      by: "system",
      detail: { reason: "missing_scope", refusedBy: webhook.refusedBy },
    });
    return { ...connection, webhookId: null, webhookStatus: "missing_scope" };
  }
  await writeConnectionAudit({
    connectionId: connection.connectionId,
    action: "webhook_registered",
    eventKey: input.attemptId,
    by: "system",
    detail: { webhookId: webhook.webhookId, created: webhook.created },
  });
  return { ...connection, webhookId: webhook.webhookId, webhookStatus: "registered" };
}
