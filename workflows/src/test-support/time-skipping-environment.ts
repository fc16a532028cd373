// A time-skipping Temporal test server for workflows that sleep for days (retention timers): the
// server jumps its clock to the next timer whenever the workflows wait, so a month passes in moments.
// Each run gets a worker and task queue of its own, holding that test's activities.
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import type { WorkflowHandle } from "@temporalio/client";
import { TestWorkflowEnvironment } from "@temporalio/testing";
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from "@temporalio/worker";
import type { WorkflowName, WorkflowSignatures } from "@churchhub/contracts";
import { ensureTemporalTestServer } from "./temporal-test-server.js";

export type StartWorkflow = <N extends WorkflowName>(
  name: N,
  args: Parameters<WorkflowSignatures[N]>,
  workflowId?: string,
) => Promise<WorkflowHandle<WorkflowSignatures[N]>>;

export interface TimeSkippingEnvironment {
  environment: TestWorkflowEnvironment;
  /** A worker on a task queue of its own with these activities, running while `body` runs. */
  withWorker<T>(
    activities: Record<string, (...args: any[]) => Promise<unknown>>,
    body: (start: StartWorkflow) => Promise<T>,
  ): Promise<T>;
  teardown(): Promise<void>;
}

export async function startTimeSkippingEnvironment(): Promise<TimeSkippingEnvironment> {
  const environment = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: "existing-path", path: ensureTemporalTestServer() } },
  });
  let workflowBundle: WorkflowBundleWithSourceMap;
  try {
    workflowBundle = await bundleWorkflowCode({
      workflowsPath: fileURLToPath(new URL("../index.ts", import.meta.url)),
    });
  } catch (error) {
    await environment.teardown();
    throw error;
  }
  return {
    environment,
    async withWorker(activities, body) {
      const taskQueue = `time-skipping-${randomUUID()}`;
      const worker = await Worker.create({
        connection: environment.nativeConnection,
        taskQueue,
        workflowBundle,
        activities,
      });
      const start: StartWorkflow = (name, args, workflowId) =>
        environment.client.workflow.start<WorkflowSignatures[typeof name]>(name, {
          taskQueue,
          workflowId: workflowId ?? `${name}-${randomUUID()}`,
          args,
        });
      return worker.runUntil(body(start));
    },
    teardown: () => environment.teardown(),
  };
}
