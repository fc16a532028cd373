// A questionnaire response that arrived before Cal.com's webhook for its booking waits here: linked when
// the booking arrives (the delivery's workflow signals, and every wake re-checks the database, so a
// signal lost to a race changes nothing), deleted when it has not arrived after `keepUnlinkedDays`.
// Deterministic code only; ids in, ids out.
import { condition, defineSignal, proxyActivities, setHandler } from "@temporalio/workflow";
import {
  QUESTIONNAIRE_BOOKING_ARRIVED_SIGNAL,
  type AwaitQuestionnaireBookingInput,
  type AwaitQuestionnaireBookingResult,
} from "@churchhub/contracts";
import type { QuestionnaireActivities } from "@churchhub/activities";

// Database work only: retried without limit (a database away must not lose a response or keep one).
const { linkQuestionnaireResponse, deleteUnlinkedQuestionnaireResponse } = proxyActivities<QuestionnaireActivities>({
  startToCloseTimeout: "30 seconds",
  retry: { initialInterval: "1 second", backoffCoefficient: 2, maximumInterval: "1 minute" },
});

export const questionnaireBookingArrived = defineSignal(QUESTIONNAIRE_BOOKING_ARRIVED_SIGNAL);

const DAY_MS = 86_400_000;

export async function awaitQuestionnaireBookingWorkflow(
  input: AwaitQuestionnaireBookingInput,
): Promise<AwaitQuestionnaireBookingResult> {
  let arrived = false;
  setHandler(questionnaireBookingArrived, () => {
    arrived = true;
  });
  const deadline = Date.now() + input.keepUnlinkedDays * DAY_MS;
  for (;;) {
    // Reset before looking, so a signal sent while the activity runs still wakes the wait below.
    arrived = false;
    const outcome = await linkQuestionnaireResponse(input.responseId);
    if (outcome !== "waiting") return { outcome };
    const remaining = deadline - Date.now();
    const woken = remaining > 0 && (await condition(() => arrived, remaining));
    if (woken) continue;
    // The delete holds only while the booking is still missing; if it came at the last moment, the
    // next look links it.
    if (await deleteUnlinkedQuestionnaireResponse(input.responseId)) return { outcome: "deleted" };
  }
}
