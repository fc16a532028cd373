// Records a verified delivery durably by starting its processing workflow in Temporal. The workflow id
// is derived from the event, so a redelivery of the same event collapses into the run that exists.
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { calDeliveryWorkflowId, WORKFLOW_TYPES, type CalDelivery } from '@churchhub/contracts';

export interface RecordOutcome {
  workflowId: string;
  /** True when this event had already been recorded (a redelivery). */
  duplicate: boolean;
}

export interface DeliveryRecorder {
  record(delivery: CalDelivery): Promise<RecordOutcome>;
}

export class DeliveryNotRecordedError extends Error {
  constructor(cause: unknown) {
    super('The delivery could not be recorded durably', { cause });
    this.name = 'DeliveryNotRecordedError';
  }
}

export interface TemporalRecorderDependencies {
  client: Client;
  taskQueue: string;
  /** How long a request may wait for Temporal before answering 503 (Cal.com's sender has no timeout). */
  startTimeoutMs: number;
}

export function createTemporalDeliveryRecorder(deps: TemporalRecorderDependencies): DeliveryRecorder {
  return {
    async record(delivery) {
      const workflowId = calDeliveryWorkflowId(delivery);
      try {
        await deps.client.connection.withDeadline(Date.now() + deps.startTimeoutMs, () =>
          deps.client.workflow.start(WORKFLOW_TYPES.processCalDelivery, {
            taskQueue: deps.taskQueue,
            workflowId,
            args: [delivery],
            // A run for this event is still going: this redelivery joins it.
            workflowIdConflictPolicy: 'USE_EXISTING',
            // A finished run succeeded: this is a redelivery, reject it; a failed one may run again.
            workflowIdReusePolicy: 'ALLOW_DUPLICATE_FAILED_ONLY',
          }),
        );
        return { workflowId, duplicate: false };
      } catch (error) {
        if (error instanceof WorkflowExecutionAlreadyStartedError) return { workflowId, duplicate: true };
        throw new DeliveryNotRecordedError(error);
      }
    },
  };
}
