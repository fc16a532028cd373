// Starting the worker's workflows from outside Temporal (api, relay, tests), typed by their contracts:
// the name is a WorkflowName, the arguments and the result are that workflow's (no string and a cast).
import type { Client, WorkflowResultType, WorkflowStartOptions } from "@temporalio/client";
import type { WorkflowName, WorkflowSignatures } from "../workflow-contracts.js";

export type WorkflowResult<N extends WorkflowName> = WorkflowResultType<WorkflowSignatures[N]>;
type StartWorkflowOptions<N extends WorkflowName> = WorkflowStartOptions<WorkflowSignatures[N]>;

/** Starts a run; duplicates are the caller's policy to choose (conflict and reuse policies in `options`). */
export function startWorkflow<N extends WorkflowName>(client: Client, name: N, options: StartWorkflowOptions<N>) {
  return client.workflow.start<WorkflowSignatures[N]>(name, options);
}

/**
 * Starts a run someone is waiting on, or joins the one already going under the same id (so concurrent
 * requests share one run), and waits at most `waitMs` for its result; past that the wait fails (the
 * run carries on). A finished run under the id is started anew: these runs answer requests, and a new
 * request deserves a new answer. Both policies can be overridden in `options`.
 */
export async function startAndAwaitWorkflow<N extends WorkflowName>(
  client: Client,
  name: N,
  options: StartWorkflowOptions<N>,
  waitMs: number,
): Promise<WorkflowResult<N>> {
  return client.connection.withDeadline(Date.now() + waitMs, async () => {
    const handle = await client.workflow.start<WorkflowSignatures[N]>(name, {
      workflowIdConflictPolicy: "USE_EXISTING",
      workflowIdReusePolicy: "ALLOW_DUPLICATE",
      ...options,
    });
    return handle.result();
  });
}
