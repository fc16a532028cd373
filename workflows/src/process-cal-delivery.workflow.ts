// Processes one Cal.com delivery: the organizer, the booking and the audit entry, written in one
// database transaction by one activity (applyCalDelivery); then, when the booking's questionnaire needs
// it, the questionnaire workflows are told (questionnaire-follow-up.ts).
// Deterministic code only: every side effect is an activity, retried under the policies below.
import { ActivityFailure, ApplicationFailure, proxyActivities, proxyLocalActivities } from "@temporalio/workflow";
import { INVALID_DELIVERY, type CalDelivery, type ProcessCalDeliveryResult } from "@churchhub/contracts";
// Types only: activity code never enters the workflow sandbox.
import type { Activities } from "@churchhub/activities";
import { followUpQuestionnaires } from "./questionnaire-follow-up.js";

// Acknowledged events must reach Postgres however long it is down, so regular activities retry without
// limit, backing off to once a minute; only errors no retry can fix (an event the database rejects as
// invalid) stop the run. A regular activity's retries cost the history nothing.
const { applyCalDelivery } = proxyActivities<Activities>({
  startToCloseTimeout: "30 seconds",
  retry: {
    initialInterval: "1 second",
    backoffCoefficient: 2,
    maximumInterval: "1 minute",
    nonRetryableErrorTypes: [INVALID_DELIVERY],
  },
});

// The usual case, as a local activity: it runs in this worker within the workflow task, so the run
// is one workflow task and Temporal stores a fraction of what a scheduled activity costs (the bench
// measures both). A local activity's retries are not free, though: while it retries, the worker
// extends its workflow task every few seconds and each extension adds events to the history. So it
// gets a few quick attempts (about 15 s of failures); past that the database is really away, and the
// same work is handed to the regular activity above, which waits for it without limit.
const { applyCalDelivery: applyCalDeliveryLocally } = proxyLocalActivities<Activities>({
  startToCloseTimeout: "30 seconds",
  retry: {
    initialInterval: "1 second",
    backoffCoefficient: 2,
    maximumInterval: "8 seconds",
    maximumAttempts: 5,
    nonRetryableErrorTypes: [INVALID_DELIVERY],
  },
});

export async function processCalDeliveryWorkflow(delivery: CalDelivery): Promise<ProcessCalDeliveryResult> {
  const { bookingUpdated, auditLogId, questionnaires } = await applyInOneTransaction(delivery);
  // Only when a questionnaire is involved: other deliveries' histories stay one local activity.
  if (questionnaires) await followUpQuestionnaires(questionnaires);
  return { deliveryId: delivery.deliveryId, bookingUid: delivery.bookingUid, bookingUpdated, auditLogId };
}

async function applyInOneTransaction(delivery: CalDelivery) {
  try {
    return await applyCalDeliveryLocally(delivery);
  } catch (error) {
    // A failed local activity reaches the workflow as the activity's own failure; a scheduled one's
    // comes wrapped in an ActivityFailure. Either way, what a retry cannot fix is final here too.
    const failure = error instanceof ActivityFailure ? error.cause : error;
    const cannotBeFixedByRetrying =
      failure instanceof ApplicationFailure && (failure.nonRetryable || failure.type === INVALID_DELIVERY);
    if (cannotBeFixedByRetrying) throw error;
    return applyCalDelivery(delivery);
  }
}
