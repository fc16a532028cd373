// The reminder of one booking's required questionnaire (one run per reschedule chain): waits on a
// durable timer until the lead time before the appointment, then sends one mail with the private link.
// A reschedule, a cancellation or an answer signals it; it then re-reads the booking and moves the
// timer or ends. Deterministic code only; the plan and the mail are activities, ids in, ids out.
import { condition, defineSignal, proxyActivities, setHandler } from "@temporalio/workflow";
import {
  QUESTIONNAIRE_BOOKING_CHANGED_SIGNAL,
  type QuestionnaireReminderInput,
  type QuestionnaireReminderResult,
} from "@churchhub/contracts";
import type { QuestionnaireActivities } from "@churchhub/activities";

const { planQuestionnaireReminder, sendQuestionnaireReminder } = proxyActivities<QuestionnaireActivities>({
  startToCloseTimeout: "1 minute",
  retry: { initialInterval: "1 second", backoffCoefficient: 2, maximumInterval: "5 minutes" },
});

export const questionnaireBookingChanged = defineSignal(QUESTIONNAIRE_BOOKING_CHANGED_SIGNAL);

export async function questionnaireReminderWorkflow(
  input: QuestionnaireReminderInput,
): Promise<QuestionnaireReminderResult> {
  let changed = false;
  setHandler(questionnaireBookingChanged, () => {
    changed = true;
  });
  for (;;) {
    changed = false;
    const plan = await planQuestionnaireReminder(input);
    if (plan.kind === "stop") return { outcome: plan.reason };
    const wait = Date.parse(plan.remindAt) - Date.now();
    if (wait > 0 && (await condition(() => changed, wait))) continue;
    if (changed) continue;
    const sent = await sendQuestionnaireReminder({ ...input, dueBy: plan.remindAt });
    if (sent.sent) return { outcome: "sent" };
    if (sent.plan.kind === "stop") return { outcome: sent.plan.reason };
    // Moved to a later time since the plan was read: wait again.
  }
}
