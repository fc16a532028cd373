// After a booking delivery is applied: wake the workflows waiting for its questionnaire responses, and
// start the booking's reminder (or, when it runs already, tell it the booking changed). Workflow code:
// called from processCalDeliveryWorkflow only when the activity reported something to do.
import { WorkflowExecutionAlreadyStartedError } from "@temporalio/common";
import { getExternalWorkflowHandle, ParentClosePolicy, startChild, WorkflowIdReusePolicy } from "@temporalio/workflow";
import {
  awaitQuestionnaireBookingWorkflowId,
  QUESTIONNAIRE_BOOKING_ARRIVED_SIGNAL,
  QUESTIONNAIRE_BOOKING_CHANGED_SIGNAL,
  questionnaireReminderWorkflowId,
  type QuestionnaireFollowUp,
  type WorkflowSignatures,
} from "@churchhub/contracts";

/** A signal to a run that may have ended already (then there is nobody left to tell). */
async function signalIfRunning(workflowId: string, signal: string): Promise<void> {
  try {
    await getExternalWorkflowHandle(workflowId).signal(signal);
  } catch {
    // Not running: it has finished its work, and every run re-reads the database when it starts.
  }
}

export async function followUpQuestionnaires(followUp: QuestionnaireFollowUp): Promise<void> {
  for (const responseId of followUp.linkedResponseIds)
    await signalIfRunning(awaitQuestionnaireBookingWorkflowId(responseId), QUESTIONNAIRE_BOOKING_ARRIVED_SIGNAL);
  const reminder = followUp.reminder;
  if (!reminder) return;
  const workflowId = questionnaireReminderWorkflowId(reminder.rootBookingUid);
  if (reminder.start) {
    try {
      // Abandoned: the reminder outlives this delivery's run by days.
      await startChild<WorkflowSignatures["questionnaireReminderWorkflow"]>("questionnaireReminderWorkflow", {
        workflowId,
        args: [{ rootBookingUid: reminder.rootBookingUid }],
        parentClosePolicy: ParentClosePolicy.ABANDON,
        workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE,
      });
      return;
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }
  await signalIfRunning(workflowId, QUESTIONNAIRE_BOOKING_CHANGED_SIGNAL);
}
