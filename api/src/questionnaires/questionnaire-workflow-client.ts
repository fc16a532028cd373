// The api's side of the questionnaire workflows: start the wait for a response's booking, and tell a
// booking's reminder that it was answered. Ids only, through the typed starters of contracts/.
import { WorkflowNotFoundError, type Client } from "@temporalio/client";
import {
  awaitQuestionnaireBookingWorkflowId,
  QUESTIONNAIRE_BOOKING_CHANGED_SIGNAL,
  questionnaireReminderWorkflowId,
} from "@churchhub/contracts";
import { startWorkflow } from "@churchhub/contracts/client";

export interface QuestionnaireWorkflowClient {
  /** Starts (or joins) the run that links the response when its booking arrives, or deletes it. */
  awaitBooking(responseId: string): Promise<void>;
  /** Wakes the booking chain's reminder, if one runs, to find the answer and end. */
  answered(rootBookingUid: string): Promise<void>;
}

export function createQuestionnaireWorkflowClient(deps: {
  client: Client;
  taskQueue: string;
  keepUnlinkedDays: number;
}): QuestionnaireWorkflowClient {
  return {
    async awaitBooking(responseId) {
      await startWorkflow(deps.client, "awaitQuestionnaireBookingWorkflow", {
        taskQueue: deps.taskQueue,
        workflowId: awaitQuestionnaireBookingWorkflowId(responseId),
        args: [{ responseId, keepUnlinkedDays: deps.keepUnlinkedDays }],
        workflowIdConflictPolicy: "USE_EXISTING",
      });
    },
    async answered(rootBookingUid) {
      try {
        await deps.client.workflow
          .getHandle(questionnaireReminderWorkflowId(rootBookingUid))
          .signal(QUESTIONNAIRE_BOOKING_CHANGED_SIGNAL);
      } catch (error) {
        // No reminder runs for this booking (none required, or it has ended): nothing to tell.
        if (!(error instanceof WorkflowNotFoundError)) throw error;
      }
    },
  };
}
