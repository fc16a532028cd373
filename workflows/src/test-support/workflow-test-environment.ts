// A real Temporal server for tests of workflow logic against mocked activities: TestWorkflowEnvironment
// .createLocal, run from the Temporal CLI the test run's global setup resolved (offline once installed;
// its default download needs the internet), with the workflows bundled once per file. Each run gets
// a worker of its own, on a task queue of its own, holding that test's activities.
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { TestWorkflowEnvironment } from "@temporalio/testing";
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from "@temporalio/worker";
import { inject } from "vitest";
import type { WorkflowName, WorkflowSignatures } from "@churchhub/contracts";
import { startAndAwaitWorkflow, type WorkflowResult } from "@churchhub/contracts/client";

export interface WorkflowTestEnvironment {
  /** Runs one workflow to its end with these activities; rejects as the workflow fails. */
  run<N extends WorkflowName>(
    name: N,
    args: Parameters<WorkflowSignatures[N]>,
    activities: Record<string, (...args: any[]) => Promise<unknown>>,
  ): Promise<WorkflowResult<N>>;
  teardown(): Promise<void>;
}

export async function startWorkflowTestEnvironment(): Promise<WorkflowTestEnvironment> {
  const cliPath = inject("temporalCliPath");
  const environment = await TestWorkflowEnvironment.createLocal({
    server: { executable: cliPath ? { type: "existing-path", path: cliPath } : { type: "cached-download" } },
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
    async run(name, args, activities) {
      const taskQueue = `workflow-test-${randomUUID()}`;
      const worker = await Worker.create({
        connection: environment.nativeConnection,
        taskQueue,
        workflowBundle,
        activities,
      });
      const options = { taskQueue, workflowId: `${name}-${randomUUID()}`, args };
      return worker.runUntil(startAndAwaitWorkflow(environment.client, name, options, 60_000));
    },
    teardown: () => environment.teardown(),
  };
}
