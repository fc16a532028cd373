// Processes Cal.com deliveries: one when the pipeline is idle, a batch when the relay found a backlog.
// Each delivery's organizer, booking and audit entry are written by one activity (applyCalDeliveries)
// in one database transaction for the whole batch. The run's search attributes say which deliveries,
// bookings and triggers it holds (set at start) and how it ended (set here), so an operator finds a
// delivery's processing in the Temporal UI without decoding payloads. When a booking's questionnaire
// needs it, the questionnaire workflows are told afterwards (questionnaire-follow-up.ts).
// A booking of a sensitive event type then gets its retention workflow started, or told to read its
// deadline again (a reschedule moves it).
// Deterministic code only: every side effect is an activity, retried under the policies below.
import {
  ActivityFailure,
  ApplicationFailure,
  getExternalWorkflowHandle,
  ParentClosePolicy,
  proxyActivities,
  proxyLocalActivities,
  startChild,
  upsertMemo,
  upsertSearchAttributes,
} from "@temporalio/workflow";
import { WorkflowExecutionAlreadyStartedError } from "@temporalio/common";
import {
  DELIVERY_SEARCH_ATTRIBUTE_KEYS,
  INVALID_DELIVERY,
  sensitiveRetentionWorkflowId,
  type CalDelivery,
  type CalDeliveryBatch,
  type DeliveryOutcome,
  type ProcessCalDeliveryBatchResult,
  type ProcessCalDeliveryResult,
} from "@churchhub/contracts";
// Types only: activity code never enters the workflow sandbox.
import type { Activities } from "@churchhub/activities";
import { followUpQuestionnaires } from "./questionnaire-follow-up.js";
import {
  expireSensitivePersonalDataWorkflow,
  sensitiveRetentionMovedSignal,
} from "./expire-sensitive-personal-data.workflow.js";

// Acknowledged events must reach Postgres however long it is down, so regular activities retry without
// limit, backing off to once a minute; only errors no retry can fix (an event the database rejects as
// invalid) stop the run. A regular activity's retries cost the history nothing.
const { applyCalDeliveries } = proxyActivities<Activities>({
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
const { applyCalDeliveries: applyCalDeliveriesLocally } = proxyLocalActivities<Activities>({
  startToCloseTimeout: "30 seconds",
  retry: {
    initialInterval: "1 second",
    backoffCoefficient: 2,
    maximumInterval: "8 seconds",
    maximumAttempts: 5,
    nonRetryableErrorTypes: [INVALID_DELIVERY],
  },
});

/** The run's outcome for the search attribute: `failed` if any failed, else the first present in this order. */
const OUTCOME_PRECEDENCE: DeliveryOutcome[] = ["failed", "applied", "superseded", "unsupported_template", "recorded"];

export async function processCalDeliveryWorkflow(batch: CalDeliveryBatch): Promise<ProcessCalDeliveryBatchResult> {
  const results = await applyBatch(batch.deliveries);
  // Only when a questionnaire is involved: other deliveries' histories stay one local activity.
  for (const result of results) {
    if (result.questionnaires) await followUpQuestionnaires(result.questionnaires);
    for (const bookingUid of result.retentionBookingUids ?? []) await keepRetentionOf(bookingUid);
  }
  const outcomes = new Set(results.map((result) => result.outcome));
  const outcome = OUTCOME_PRECEDENCE.find((candidate) => outcomes.has(candidate)) ?? "recorded";
  upsertSearchAttributes([{ key: DELIVERY_SEARCH_ATTRIBUTE_KEYS.outcome, value: outcome }]);
  const failed = results.filter((result) => result.outcome === "failed");
  upsertMemo({
    outcomes: Object.fromEntries(
      OUTCOME_PRECEDENCE.map((name) => [name, results.filter((result) => result.outcome === name).length]),
    ),
    failedDeliveryIds: failed.map((result) => result.deliveryId),
  });
  if (failed.length > 0) {
    // The others are committed; the run fails so that it shows (and lists) as failed, naming the ones to look at.
    throw ApplicationFailure.nonRetryable(
      `${failed.length} of ${results.length} deliveries cannot be stored: ${failed
        .map((result) => `${result.deliveryId} (${result.failure})`)
        .join(", ")}`,
      INVALID_DELIVERY,
    );
  }
  return { deliveries: results };
}

/**
 * The whole batch in one transaction. If that keeps failing, the batch is split and each delivery is
 * retried on its own, side by side, so one delivery that cannot be applied (e.g. a bug its data
 * triggers) holds up nobody else; the order no longer matters then, because versioned upserts converge
 * whatever the order (see the event-order property test).
 */
async function applyBatch(deliveries: CalDelivery[]): Promise<ProcessCalDeliveryResult[]> {
  try {
    return await applyCalDeliveriesLocally(deliveries);
  } catch (error) {
    if (deliveries.length === 1) return applyOneWithoutLimit(deliveries[0]!, error);
    const singles = await Promise.all(deliveries.map((delivery) => applyOne(delivery)));
    return singles.flat();
  }
}

async function applyOne(delivery: CalDelivery): Promise<ProcessCalDeliveryResult[]> {
  try {
    return await applyCalDeliveriesLocally([delivery]);
  } catch (error) {
    return applyOneWithoutLimit(delivery, error);
  }
}

/** After the local attempts: the regular activity, waiting for the database without limit. */
async function applyOneWithoutLimit(delivery: CalDelivery, localError: unknown): Promise<ProcessCalDeliveryResult[]> {
  if (!cannotBeFixedByRetrying(localError)) {
    try {
      return await applyCalDeliveries([delivery]);
    } catch (error) {
      if (!cannotBeFixedByRetrying(error)) throw error;
      return [failedResult(delivery, error)];
    }
  }
  return [failedResult(delivery, localError)];
}

function failureOf(error: unknown): unknown {
  // A failed local activity reaches the workflow as the activity's own failure; a scheduled one's
  // comes wrapped in an ActivityFailure.
  return error instanceof ActivityFailure ? error.cause : error;
}

function cannotBeFixedByRetrying(error: unknown): boolean {
  const failure = failureOf(error);
  return failure instanceof ApplicationFailure && (failure.nonRetryable || failure.type === INVALID_DELIVERY);
}

function failedResult(delivery: CalDelivery, error: unknown): ProcessCalDeliveryResult {
  const failure = failureOf(error);
  return {
    deliveryId: delivery.deliveryId,
    bookingUid: delivery.bookingUid,
    outcome: "failed",
    bookingUpdated: false,
    auditLogId: null,
    failure: failure instanceof ApplicationFailure ? failure.message : "cannot be applied",
  };
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
