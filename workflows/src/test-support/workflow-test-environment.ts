// A real Temporal server for tests of workflow logic against mocked activities: TestWorkflowEnvironment
// .createLocal, run from the Temporal CLI the test run's global setup resolved (offline once installed;
// its default download needs the internet), with the workflows bundled once per file. Each run gets
// a worker of its own, on a task queue of its own, holding that test's activities. The server has the
// project's search attributes, which the delivery workflow sets.
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { TestWorkflowEnvironment } from "@temporalio/testing";
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from "@temporalio/worker";
import { inject } from "vitest";
import type { WorkflowHandle } from "@temporalio/client";
import {
  DELIVERY_SEARCH_ATTRIBUTES,
  searchAttributeSpecs,
  type WorkflowName,
  type WorkflowSignatures,
} from "@churchhub/contracts";
import { startAndAwaitWorkflow, type WorkflowResult } from "@churchhub/contracts/client";

export interface WorkflowTestEnvironment {
  /** Runs one workflow to its end with these activities; rejects as the workflow fails. */
  run<N extends WorkflowName>(
    name: N,
    args: Parameters<WorkflowSignatures[N]>,
    activities: Record<string, (...args: any[]) => Promise<unknown>>,
  ): Promise<WorkflowResult<N>>;
  /**
   * Starts one workflow with these activities and keeps its worker running until `watch` settles, for
   * runs that do not end by themselves; the run is terminated afterwards. Answers what `watch` did.
   */
  watch<N extends WorkflowName, T>(
    name: N,
    args: Parameters<WorkflowSignatures[N]>,
    activities: Record<string, (...args: any[]) => Promise<unknown>>,
    watch: (handle: WorkflowHandle) => Promise<T>,
  ): Promise<T>;
  teardown(): Promise<void>;
}

export async function startWorkflowTestEnvironment(): Promise<WorkflowTestEnvironment> {
  const cliPath = inject("temporalCliPath");
  const environment = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: cliPath ? { type: "existing-path", path: cliPath } : { type: "cached-download" },
      extraArgs: searchAttributeSpecs(DELIVERY_SEARCH_ATTRIBUTES).flatMap((spec) => ["--search-attribute", spec]),
    },
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
  async function workerFor(activities: Record<string, (...args: any[]) => Promise<unknown>>) {
    const taskQueue = `workflow-test-${randomUUID()}`;
    const worker = await Worker.create({
      connection: environment.nativeConnection,
      taskQueue,
      workflowBundle,
      activities,
    });
    return { taskQueue, worker };
  }
  return {
    async run(name, args, activities) {
      const { taskQueue, worker } = await workerFor(activities);
      const options = { taskQueue, workflowId: `${name}-${randomUUID()}`, args };
      return worker.runUntil(startAndAwaitWorkflow(environment.client, name, options, 60_000));
    },
    async watch(name, args, activities, watch) {
      const { taskQueue, worker } = await workerFor(activities);
      const handle = await environment.client.workflow.start(name, {
        taskQueue,
        workflowId: `${name}-${randomUUID()}`,
        args,
      });
      try {
        return await worker.runUntil(watch(handle));
      } finally {
        await handle.terminate("the test has seen what it watched for").catch(() => undefined);
      }
    },
    teardown: () => environment.teardown(),
  };
}
