// Missed-event recovery. Cal.com sends each webhook once, so a delivery lost in transit is found only
// by asking Cal.com: page through the bookings updated in a recent window, and feed each one whose
// state differs from ours through the same processing workflow a webhook would start (audited as
// "reconciled"). Safe beside live webhooks: processing is idempotent and ordered by event version.
// Full runs also check every sensitive event type's privacy settings at Cal.com: what a host changed
// there is applied again (audited), or the event type is flagged when it cannot be.
import { proxyActivities, startChild, workflowInfo } from "@temporalio/workflow";
import { WorkflowExecutionAlreadyStartedError } from "@temporalio/common";
import {
  CAL_REJECTED,
  CONNECTION_CAL_REJECTED,
  CONNECTION_GONE,
  calDeliveryWorkflowId,
  deliveryRunMemo,
  deliveryRunSearchAttributes,
  type ReconcileBookingsInput,
  type ReconcileBookingsResult,
} from "@churchhub/contracts";
import type { ReconciliationActivities, ReconciliationPage } from "@churchhub/activities";
import { processCalDeliveryWorkflow } from "./process-cal-delivery.workflow.js";
import { enforceOrMarkFailed, listSensitiveEventTypeIds } from "./sensitive-settings.activities.js";

const { findBookingsOutOfStep, listReconciliationSources } = proxyActivities<ReconciliationActivities>({
  startToCloseTimeout: "1 minute",
  retry: {
    initialInterval: "2 seconds",
    backoffCoefficient: 2,
    maximumInterval: "30 seconds",
    maximumAttempts: 6,
    nonRetryableErrorTypes: [CAL_REJECTED, CONNECTION_CAL_REJECTED, CONNECTION_GONE],
  },
});

export async function reconcileBookingsWorkflow(input: ReconcileBookingsInput): Promise<ReconcileBookingsResult> {
  // Workflow time: deterministic on replay.
  const before = new Date();
  const after = new Date(before.getTime() - input.lookbackMinutes * 60_000);
  const window = { after: after.toISOString(), before: before.toISOString(), take: input.pageSize ?? 100 };
  const result: ReconcileBookingsResult = {
    examined: 0,
    reconciled: 0,
    alreadyProcessed: 0,
    unreadable: 0,
    needsReconnect: 0,
    failedSources: 0,
  };

  const sources = await listReconciliationSources({ withoutWebhookOnly: input.withoutWebhookOnly ?? false });
  const connectionIds: Array<string | undefined> = [...(sources.platform ? [undefined] : []), ...sources.connectionIds];
  for (const connectionId of connectionIds) {
    try {
      await reconcileSource(window, connectionId, result);
    } catch (error) {
      // One account Cal.com refuses must not keep the others from being reconciled.
      if (connectionId === undefined) throw error;
      result.failedSources++;
    }
  }
  if (!input.withoutWebhookOnly) await checkSensitiveSettings(result);
  return result;
}

async function checkSensitiveSettings(result: ReconcileBookingsResult): Promise<void> {
  const ids = await listSensitiveEventTypeIds();
  Object.assign(result, { sensitiveChecked: 0, sensitiveReapplied: 0, sensitiveFlagged: 0 });
  // The run's id keys the audit entries: one per event type and run, however often an activity is retried.
  const requestKey = workflowInfo().runId;
  for (const calEventTypeId of ids) {
    const outcome = await enforceOrMarkFailed(calEventTypeId, "reconciliation", requestKey);
    if (outcome.state === "not_sensitive") continue;
    result.sensitiveChecked! += 1;
    if (outcome.state === "applied" && outcome.changed.length > 0) result.sensitiveReapplied! += 1;
    if (outcome.state !== "applied") result.sensitiveFlagged! += 1;
  }
}

async function reconcileSource(
  window: { after: string; before: string; take: number },
  connectionId: string | undefined,
  result: ReconcileBookingsResult,
): Promise<void> {
  // Offset or cursor, whichever form Cal.com pages this list in (the activity reads which).
  let position: { skip: number } | { cursor: string } = { skip: 0 };
  for (;;) {
    const page: ReconciliationPage = await findBookingsOutOfStep({
      ...window,
      ...position,
      ...(connectionId ? { connectionId } : {}),
    });
    if (page.skipped === "needs_reconnect") {
      result.needsReconnect++;
      return;
    }
    result.examined += page.examined;
    result.unreadable += page.unreadable;
    const children = await Promise.all(
      page.deliveries.map(async (delivery) => {
        try {
          return await startChild(processCalDeliveryWorkflow, {
            workflowId: calDeliveryWorkflowId(delivery),
            args: [{ deliveries: [delivery] }],
            typedSearchAttributes: deliveryRunSearchAttributes([delivery]),
            memo: deliveryRunMemo([delivery]),
            workflowIdReusePolicy: "ALLOW_DUPLICATE_FAILED_ONLY",
          });
        } catch (error) {
          // The same reconciled event was processed by an earlier run: nothing to do.
          if (error instanceof WorkflowExecutionAlreadyStartedError) return undefined;
          throw error;
        }
      }),
    );
    for (const child of children) {
      if (!child) {
        result.alreadyProcessed++;
        continue;
      }
      await child.result();
      result.reconciled++;
    }
    if (!page.hasNextPage) return;
    // Runs recorded before cursors were read have no `next`: they paged by offset.
    position = page.next ?? { skip: ("skip" in position ? position.skip : 0) + window.take };
  }
}
