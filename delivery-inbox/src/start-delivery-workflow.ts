// Starts the processing workflow of one delivery. The workflow id is derived from the event, so the
// api's fallback path, the relay, and a redelivery all collapse into one run for one event.
import { WorkflowExecutionAlreadyStartedError, type Client } from "@temporalio/client";
import { calDeliveryWorkflowId, type CalDelivery } from "@churchhub/contracts";
import { startWorkflow } from "@churchhub/contracts/client";

interface StartOutcome {
  workflowId: string;
  /** True when a run for this event already existed. */
  duplicate: boolean;
}

export async function startDeliveryWorkflow(
  client: Client,
  taskQueue: string,
  delivery: CalDelivery,
  timeoutMs: number,
): Promise<StartOutcome> {
  const workflowId = calDeliveryWorkflowId(delivery);
  try {
    await client.connection.withDeadline(Date.now() + timeoutMs, () =>
      startWorkflow(client, "processCalDeliveryWorkflow", {
        taskQueue,
        workflowId,
        args: [delivery],
        // Which request brought it, for whoever looks at the run in the Temporal UI (encrypted like any payload).
        memo: delivery.requestId ? { requestId: delivery.requestId, source: delivery.source ?? "webhook" } : undefined,
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
