// Processes one Cal.com delivery: the organizer, the booking and the audit entry, written in one
// database transaction by one activity (applyCalDelivery). A booking of a sensitive event type then gets
// its retention workflow started, or told to read its deadline again (a reschedule moves it).
// Deterministic code only: every side effect is an activity, retried under the policies below.
import {
  ActivityFailure,
  ApplicationFailure,
  getExternalWorkflowHandle,
  ParentClosePolicy,
  proxyActivities,
  proxyLocalActivities,
  startChild,
} from "@temporalio/workflow";
import { WorkflowExecutionAlreadyStartedError } from "@temporalio/common";
import {
  INVALID_DELIVERY,
  sensitiveRetentionWorkflowId,
  type CalDelivery,
  type ProcessCalDeliveryResult,
} from "@churchhub/contracts";
// Types only: activity code never enters the workflow sandbox.
import type { Activities } from "@churchhub/activities";
import {
  expireSensitivePersonalDataWorkflow,
  sensitiveRetentionMovedSignal,
} from "./expire-sensitive-personal-data.workflow.js";

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
  const { bookingUpdated, auditLogId, retentionBookingUids } = await applyInOneTransaction(delivery);
  for (const bookingUid of retentionBookingUids ?? []) await keepRetentionOf(bookingUid);
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

/** Starts the booking's retention run (it outlives this one), or has the running one re-read its deadline. */
async function keepRetentionOf(bookingUid: string): Promise<void> {
  const workflowId = sensitiveRetentionWorkflowId(bookingUid);
  try {
    await startChild(expireSensitivePersonalDataWorkflow, {
      workflowId,
      args: [{ bookingUid }],
      parentClosePolicy: ParentClosePolicy.ABANDON,
      // A finished run (erased, or not sensitive then) is started anew: a late delivery may have
      // brought data back, or the event type became sensitive since.
      workflowIdReusePolicy: "ALLOW_DUPLICATE",
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    await getExternalWorkflowHandle(workflowId).signal(sensitiveRetentionMovedSignal);
  }
}
