// Makes sure the Temporal Schedule that runs the reconciliation exists with the configured interval.
// Idempotent: every worker calls it at start; the first creates it, the others update it in place.
import {
  ScheduleAlreadyRunning,
  ScheduleOverlapPolicy,
  type Client,
  type ScheduleOptionsStartWorkflowAction,
} from "@temporalio/client";
import { RECONCILIATION_SCHEDULE_ID, type WorkflowName, type WorkflowSignatures } from "@churchhub/contracts";

interface ReconciliationScheduleOptions {
  taskQueue: string;
  everyMinutes: number;
  lookbackMinutes: number;
  /** Another schedule than the main one (the frequent poll of accounts without a webhook; tests). */
  scheduleId?: string;
  /** Runs reconcile only connected accounts Cal.com gave no webhook. */
  withoutWebhookOnly?: boolean;
}

export async function ensureReconciliationSchedule(
  client: Client,
  options: ReconciliationScheduleOptions,
): Promise<"created" | "updated"> {
  const scheduleId = options.scheduleId ?? RECONCILIATION_SCHEDULE_ID;
  const spec = { intervals: [{ every: `${options.everyMinutes} minutes` }] };
  const workflowType: WorkflowName = "reconcileBookingsWorkflow";
  const action: ScheduleOptionsStartWorkflowAction<WorkflowSignatures[typeof workflowType]> = {
    type: "startWorkflow",
    workflowType,
    taskQueue: options.taskQueue,
    args: [
      {
        lookbackMinutes: options.lookbackMinutes,
        ...(options.withoutWebhookOnly ? { withoutWebhookOnly: true } : {}),
      },
    ],
    workflowExecutionTimeout: "30 minutes",
  };
  try {
    await client.schedule.create({
      scheduleId,
      spec,
      action,
      // A slow run is never overlapped by the next; the lookback window covers the gap.
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: "1 hour" },
    });
    return "created";
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    await client.schedule.getHandle(scheduleId).update((previous) => ({ ...previous, spec, action }));
    return "updated";
  }
}
