// The reconciliation as administrators see it: each schedule (the main one and the poll of accounts
// without a webhook) described through the api's Temporal client — interval, paused, next run, its
// recent runs with their outcome and counts — and the bookings it repaired (audit entries whose source is
// the reconciliation: uid, trigger, outcome, never a payload). "Run now" triggers a schedule; its overlap
// policy (skip while a run is open) still applies.
import { ScheduleNotFoundError, type Client, type ScheduleDescription } from "@temporalio/client";
import {
  RECONCILIATION_SCHEDULE_ID,
  WITHOUT_WEBHOOK_RECONCILIATION_SCHEDULE_ID,
  type ReconcileBookingsResult,
} from "@churchhub/contracts";
import type { Pool } from "pg";

export const RECONCILIATION_SCHEDULE_IDS = [RECONCILIATION_SCHEDULE_ID, WITHOUT_WEBHOOK_RECONCILIATION_SCHEDULE_ID];

export interface ReconciliationRun {
  workflowId: string;
  runId: string;
  startedAt: string;
  closedAt: string | null;
  /** Temporal's execution status name: RUNNING, COMPLETED, FAILED, TIMED_OUT, … */
  status: string;
  /** What a completed run reports (examined, reconciled, …); null while running or when it failed. */
  result: ReconcileBookingsResult | null;
}

export interface ReconciliationSchedule {
  scheduleId: string;
  /** False when no worker has created it yet (no Cal.com client configured, or no worker started). */
  exists: boolean;
  everyMinutes: number | null;
  paused: boolean;
  nextRunAt: string | null;
  recentRuns: ReconciliationRun[];
}

export interface ReconciliationRepair {
  bookingUid: string | null;
  triggerEvent: string;
  outcome: string;
  occurredAt: string;
  recordedAt: string;
}

export class UnknownScheduleError extends Error {
  constructor(readonly scheduleId: string) {
    super(`No reconciliation schedule "${scheduleId}" exists yet (a worker creates it at start)`);
    this.name = "UnknownScheduleError";
  }
}

export function createReconciliationOverview(deps: {
  client: Client;
  namespace: string;
  pool: Pool;
  scheduleIds?: readonly string[];
}) {
  const scheduleIds = deps.scheduleIds ?? RECONCILIATION_SCHEDULE_IDS;

  async function run(workflowId: string, firstRunId: string): Promise<ReconciliationRun> {
    const handle = deps.client.workflow.getHandle(workflowId, firstRunId);
    const described = await handle.describe();
    const status = described.status.name;
    let result: ReconcileBookingsResult | null = null;
    // A closed run's result is its last history event: read at once, nothing is awaited.
    if (status === "COMPLETED") result = (await handle.result()) as ReconcileBookingsResult;
    return {
      workflowId,
      runId: described.runId,
      startedAt: described.startTime.toISOString(),
      closedAt: described.closeTime?.toISOString() ?? null,
      status,
      result,
    };
  }

  async function describe(scheduleId: string): Promise<ReconciliationSchedule> {
    let described: ScheduleDescription;
    try {
      described = await deps.client.schedule.getHandle(scheduleId).describe();
    } catch (error) {
      if (error instanceof ScheduleNotFoundError)
        return { scheduleId, exists: false, everyMinutes: null, paused: false, nextRunAt: null, recentRuns: [] };
      throw error;
    }
    const every = described.spec.intervals?.[0]?.every;
    const runs = described.info.recentActions
      .map((action) => action.action)
      .filter((action) => action.type === "startWorkflow")
      .reverse();
    return {
      scheduleId,
      exists: true,
      everyMinutes: typeof every === "number" ? every / 60_000 : null,
      paused: described.state.paused,
      nextRunAt: described.info.nextActionTimes[0]?.toISOString() ?? null,
      recentRuns: await Promise.all(
        runs.map((action) => run(action.workflow.workflowId, action.workflow.firstExecutionRunId)),
      ),
    };
  }

  return {
    namespace: deps.namespace,

    /** Each schedule with its recent runs (newest first), and the latest repairs. */
    async overview(options: { repairs: number }): Promise<{
      schedules: ReconciliationSchedule[];
      repairs: ReconciliationRepair[];
    }> {
      const [schedules, repairs] = await Promise.all([
        Promise.all(scheduleIds.map(describe)),
        deps.pool.query(
          `SELECT booking_uid, trigger_event, outcome, occurred_at, recorded_at FROM audit_logs
            WHERE source = 'reconciled' ORDER BY recorded_at DESC, delivery_id LIMIT $1`,
          [options.repairs],
        ),
      ]);
      return {
        schedules,
        repairs: repairs.rows.map((row) => ({
          bookingUid: row.booking_uid,
          triggerEvent: row.trigger_event,
          outcome: row.outcome,
          occurredAt: row.occurred_at.toISOString(),
          recordedAt: row.recorded_at.toISOString(),
        })),
      };
    },

    /** Starts a run now (skipped by the schedule's policy while one is still open). */
    async trigger(scheduleId: string): Promise<void> {
      if (!scheduleIds.includes(scheduleId)) throw new UnknownScheduleError(scheduleId);
      try {
        await deps.client.schedule.getHandle(scheduleId).trigger();
      } catch (error) {
        if (error instanceof ScheduleNotFoundError) throw new UnknownScheduleError(scheduleId);
        throw error;
      }
    },
  };
}

export type ReconciliationOverview = ReturnType<typeof createReconciliationOverview>;
