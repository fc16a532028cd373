// Drains the inbox into Temporal: claims pending rows (SKIP LOCKED, so several workers can relay side
// by side), starts their workflows, marks them relayed. What one pass claims is started as few runs:
// one delivery per run when the pipeline is idle, batches of up to MAX_DELIVERIES_PER_RUN (grouped by
// booking, in event order) when a backlog waits, because a run costs Temporal about the same whatever
// it carries (bench/README.md). Woken by Postgres NOTIFY on insert, and polls as a safety net. When
// Temporal is away it backs off and tries again; rows stay pending, so nothing acknowledged is lost.
// This is an outbox relay, not a work queue: the work runs in Temporal. It starts no more runs than the
// workers can take (see running-workflows-gate.ts): a backlog waits here.
import pg from "pg";
import type { Client } from "@temporalio/client";
import type { DataSource } from "typeorm";
import type { Logger } from "@churchhub/logging";
import { INBOX_CHANNEL, type InboxStore } from "./inbox-store.js";
import { withTraceparent } from "@churchhub/tracing";
import { MAX_DELIVERIES_PER_RUN, type WorkflowName } from "@churchhub/contracts";
import { startDeliveryWorkflow } from "./start-delivery-workflow.js";
import { intoRuns } from "./delivery-runs.js";
import { createRunningWorkflowsGate } from "./running-workflows-gate.js";
import { createBoundedIdMemory } from "./bounded-id-memory.js";

/** How often a relay at the running-workflows limit looks again (and the gate's shortest count interval). */
const GATE_RECHECK_MS = 250;
/** Rows claimed per pass (eight full runs). */
const CLAIM_SIZE = 200;
/** Workflow starts in flight at once. */
const CONCURRENCY = 32;
/** How long one workflow start may take before the row is retried. */
const START_TIMEOUT_MS = 5_000;
/** How long relayed rows are kept (for an operator to look at) before they are deleted. */
const RETENTION_MS = 7 * 24 * 3_600_000;
/**
 * Most delivery workflows running on the task queue before the relay waits (all relays together).
 * Enough to keep the workers busy for a few seconds.
 */
const MAX_RUNNING_WORKFLOWS = 256;
/** Unreadable rows remembered as reported; past that the oldest may be reported a second time. */
const REPORTED_UNREADABLE_CAPACITY = 10_000;

interface InboxRelayOptions {
  dataSource: DataSource;
  inbox: InboxStore;
  client: Client;
  taskQueue: string;
  logger: Logger;
  /** For LISTEN, which needs a connection of its own. */
  databaseUrl: string;
  /** The safety-net poll when no NOTIFY arrives. */
  pollIntervalMs?: number;
  /** Told how many workflows each pass started and could not start. */
  metrics?: { relayed(count: number): void; failed(count: number): void };
}

interface DrainResult {
  /** Deliveries. */
  relayed: number;
  failed: number;
  /** Runs started. */
  runs: number;
  /** Whether the pass claimed all it was allowed to (more may be waiting). */
  full: boolean;
}

async function mapWithConcurrency<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  });
  await Promise.all(lanes);
  return results;
}

export function createInboxRelay(options: InboxRelayOptions) {
  const pollIntervalMs = options.pollIntervalMs ?? 1_000;
  let stopped = true;
  let running: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  // A NOTIFY that arrives while a pass runs finds no sleeper to wake; remembered here, it sends the relay
  // straight into another pass instead of leaving that delivery to the next NOTIFY or poll.
  let notifiedDuringPass = false;
  let listener: pg.Client | undefined;
  let lastCleanup = 0;
  const deliveryWorkflow: WorkflowName = "processCalDeliveryWorkflow";
  const gate = createRunningWorkflowsGate({
    limit: MAX_RUNNING_WORKFLOWS,
    minCountIntervalMs: GATE_RECHECK_MS,
    countRunning: async () => {
      const query = `TaskQueue = ${JSON.stringify(options.taskQueue)} AND WorkflowType = ${JSON.stringify(deliveryWorkflow)} AND ExecutionStatus = "Running"`;
      return (await options.client.workflow.count(query)).count;
    },
    onCountFailed: (error) =>
      options.logger.warn(
        { err: error },
        "relay cannot count running workflows; relaying without back-pressure until it can",
      ),
  });

  const reportedUnreadable = createBoundedIdMemory(REPORTED_UNREADABLE_CAPACITY);

  async function drainOnce(limit: number): Promise<DrainResult> {
    return options.dataSource.transaction(async (manager) => {
      const { pending, unreadable } = await options.inbox.claimPending(manager, limit);
      // Reported once per relay: an idle relay claims such rows again on every pass, and a write plus an
      // error line each second for ever would bury everything else.
      const newlyUnreadable = unreadable.filter((id) => !reportedUnreadable.has(id));
      if (newlyUnreadable.length > 0) {
        // Kept (never deleted: they were acknowledged) and counted in the inbox depth, for an operator to see.
        await options.inbox.markFailed(
          manager,
          newlyUnreadable,
          "cannot be opened: sealed under a key that is not configured, or damaged",
        );
        options.logger.error(
          { rows: newlyUnreadable.length },
          "inbox rows cannot be opened; skipped until the key is configured",
        );
        for (const id of newlyUnreadable) reportedUnreadable.remember(id);
      }
      const runs = intoRuns(pending, MAX_DELIVERIES_PER_RUN);
      const outcomes = await mapWithConcurrency(runs, CONCURRENCY, async (rows) => {
        const deliveries = rows.map((row) => row.delivery);
        try {
          // Started inside the (first) webhook request's trace, so the workflow's spans join it.
          await withTraceparent(deliveries[0]!.traceparent, () =>
            startDeliveryWorkflow(options.client, options.taskQueue, deliveries, START_TIMEOUT_MS),
          );
          return { rows, error: undefined };
        } catch (error) {
          return { rows, error: error as Error };
        }
      });
      const started = outcomes.filter((outcome) => !outcome.error);
      const failed = outcomes.filter((outcome) => outcome.error);
      // A row's run is found by its delivery id (the CalDeliveryIds search attribute); workflow_id keeps the
      // event's own id, which names its booking for operators and the bench's ledger.
      await options.inbox.markRelayed(
        manager,
        started.flatMap((outcome) => outcome.rows.map((row) => row.id)),
      );
      const relayed = started.reduce((sum, outcome) => sum + outcome.rows.length, 0);
      const failedRows = failed.flatMap((outcome) => outcome.rows.map((row) => row.id));
      if (failed.length > 0) {
        await options.inbox.markFailed(manager, failedRows, failed[0]!.error!.message);
        options.logger.warn(
          { failed: failedRows.length, err: failed[0]!.error },
          "relay could not start some workflows; will retry",
        );
      }
      options.metrics?.relayed(relayed);
      options.metrics?.failed(failedRows.length);
      return {
        relayed,
        failed: failedRows.length,
        runs: started.length,
        full: pending.length >= limit,
      };
    });
  }

  async function ensureListener(): Promise<void> {
    if (listener) return;
    const client = new pg.Client({ connectionString: options.databaseUrl, connectionTimeoutMillis: 5_000 });
    client.on("notification", () => {
      if (wake) wake();
      else notifiedDuringPass = true;
    });
    client.on("error", () => {
      // The connection broke (Postgres restarted): drop it; the loop reconnects and polling covers the gap.
      if (listener === client) listener = undefined;
      client.end().catch(() => undefined);
    });
    await client.connect();
    await client.query(`LISTEN ${INBOX_CHANNEL}`);
    listener = client;
  }

  function sleepUntilWoken(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });
  }

  async function cleanUp(): Promise<void> {
    const now = Date.now();
    if (now - lastCleanup < 3_600_000) return;
    lastCleanup = now;
    const deleted = await options.inbox.deleteRelayedBefore(new Date(now - RETENTION_MS));
    if (deleted > 0) options.logger.info({ deleted }, "relayed inbox rows past retention deleted");
  }

  async function loop(): Promise<void> {
    let backoffMs = 0;
    while (!stopped) {
      let result: DrainResult;
      try {
        await ensureListener().catch(() => undefined);
        const room = await gate.room();
        if (room <= 0) {
          // Temporal has enough to do; NOTIFY wake-ups would only ask again, so sleep through them.
          await new Promise((resolve) => setTimeout(resolve, GATE_RECHECK_MS));
          continue;
        }
        notifiedDuringPass = false;
        result = await drainOnce(Math.min(CLAIM_SIZE, room * MAX_DELIVERIES_PER_RUN));
        gate.started(result.runs);
        await cleanUp();
      } catch (error) {
        options.logger.warn({ err: error }, "relay pass failed (database unavailable?); will retry");
        result = { relayed: 0, failed: 1, runs: 0, full: false };
      }
      if (stopped) break;
      if (result.failed > 0) {
        backoffMs = Math.min(Math.max(backoffMs * 2, 250), 5_000);
        await sleepUntilWoken(backoffMs).then(() => undefined);
      } else if (result.full || notifiedDuringPass) {
        // A full pass, or rows inserted since it claimed: more is waiting.
        backoffMs = 0;
      } else {
        backoffMs = 0;
        await sleepUntilWoken(pollIntervalMs);
      }
    }
  }

  return {
    start(): void {
      if (!stopped) return;
      stopped = false;
      running = loop();
    },
    /** Finishes the batch in hand, then stops. */
    async stop(): Promise<void> {
      stopped = true;
      wake?.();
      await running;
      await listener?.end().catch(() => undefined);
      listener = undefined;
    },
  };
}

export type InboxRelay = ReturnType<typeof createInboxRelay>;
