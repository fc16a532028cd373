// An administrator's request to forget the person behind a booking: signals the booking's retention
// workflow to erase at once (starting it when none runs), and waits for the erasure it reports. The
// same workflow and activity as the timed erasure, so there is one way a booking's personal data goes.
import type { Client } from "@temporalio/client";
import {
  SENSITIVE_RETENTION_FORGET_SIGNAL,
  sensitiveRetentionWorkflowId,
  type SensitiveRetentionResult,
  type WorkflowSignatures,
} from "@churchhub/contracts";

export type RequestErasure = (bookingUid: string) => Promise<SensitiveRetentionResult>;

export function createErasureRequester(deps: { client: Client; taskQueue: string; waitMs: number }): RequestErasure {
  return async (bookingUid) => {
    const handle = await deps.client.workflow.signalWithStart<
      WorkflowSignatures["expireSensitivePersonalDataWorkflow"],
      []
    >("expireSensitivePersonalDataWorkflow", {
      workflowId: sensitiveRetentionWorkflowId(bookingUid),
      taskQueue: deps.taskQueue,
      args: [{ bookingUid }],
      signal: SENSITIVE_RETENTION_FORGET_SIGNAL,
      signalArgs: [],
    });
    return deps.client.connection.withDeadline(Date.now() + deps.waitMs, () => handle.result());
  };
}
