// The api's side of an intent's expiry: start the run that deletes the intent when it expires unused.
// Ids and a date only, through the typed starter of contracts/.
import type { Client } from "@temporalio/client";
import { privateBookingIntentWorkflowId } from "@churchhub/contracts";
import { startWorkflow } from "@churchhub/contracts/client";

export function createPrivateBookingExpiry(deps: { client: Client; taskQueue: string }) {
  return async (intentId: string, expiresAt: Date): Promise<void> => {
    await startWorkflow(deps.client, "expireUnusedPrivateBookingIntentWorkflow", {
      taskQueue: deps.taskQueue,
      workflowId: privateBookingIntentWorkflowId(intentId),
      args: [{ intentId, expiresAt: expiresAt.toISOString() }],
    });
  };
}
