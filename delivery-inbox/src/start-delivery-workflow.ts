// Starts the processing workflow of one delivery or of a relay's batch. One delivery's run id is derived
// from its event, so the api's fallback path, the relay and a redelivery collapse into one run for one
// event; a batch's id is derived from its deliveries (see calDeliveryRunWorkflowId). Each run carries its
// deliveries' ids, bookings and triggers as search attributes and a non-personal summary as its memo.
import { WorkflowExecutionAlreadyStartedError, type Client } from "@temporalio/client";
import { deliveryRunMemo, deliveryRunSearchAttributes, type CalDelivery } from "@churchhub/contracts";
import { calDeliveryRunWorkflowId, startWorkflow } from "@churchhub/contracts/client";

interface StartOutcome {
  workflowId: string;
  /** True when a run with this id already existed. */
  duplicate: boolean;
}

export async function startDeliveryWorkflow(
  client: Client,
  taskQueue: string,
  deliveries: CalDelivery[],
  timeoutMs: number,
): Promise<StartOutcome> {
  const workflowId = calDeliveryRunWorkflowId(deliveries);
  try {
    await client.connection.withDeadline(Date.now() + timeoutMs, () =>
      startWorkflow(client, "processCalDeliveryWorkflow", {
        taskQueue,
        workflowId,
        args: [{ deliveries }],
        typedSearchAttributes: deliveryRunSearchAttributes(deliveries),
        // For whoever looks at the run in the Temporal UI (encrypted like any payload, and without personal data).
        memo: deliveryRunMemo(deliveries),
        // A run for this event is still going: join it.
        workflowIdConflictPolicy: "USE_EXISTING",
        // A finished run succeeded: this is a redelivery, so reject it; a failed one may run again.
        workflowIdReusePolicy: "ALLOW_DUPLICATE_FAILED_ONLY",
      }),
    );
    return { workflowId, duplicate: false };
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return { workflowId, duplicate: true };
    throw error;
  }
}
