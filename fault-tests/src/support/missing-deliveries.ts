// When an acknowledged delivery is not in Postgres, says where it is instead: still in the inbox (and
// why the relay has not started it), or a workflow in Temporal (its status and the activity it is on),
// or nowhere, which would be a real loss. This is what tells "slow" from "lost".
import type { Client } from "@temporalio/client";
import type { DataSource } from "@churchhub/database";
import type { LedgerEntry } from "./ledger.js";

async function inboxState(dataSource: DataSource, deliveryId: string): Promise<string> {
  const rows: Array<{ relayed: boolean; relay_attempts: number; last_relay_error: string | null }> =
    await dataSource.query(
      "SELECT relayed_at IS NOT NULL AS relayed, relay_attempts, last_relay_error FROM webhook_inbox WHERE delivery_id = $1",
      [deliveryId],
    );
  const row = rows[0];
  if (!row) return "not in the inbox (recorded through Temporal directly?)";
  return row.relayed
    ? "inbox: relayed"
    : `inbox: pending after ${row.relay_attempts} relay attempts (${row.last_relay_error ?? "no error"})`;
}

async function workflowState(client: Client, deliveryId: string): Promise<string> {
  try {
    // The run that holds the delivery (alone, or in a relay's batch), as an operator finds it.
    let workflowId: string | undefined;
    for await (const run of client.workflow.list({
      query: `CalDeliveryIds = ${JSON.stringify(deliveryId)}`,
      pageSize: 1,
    })) {
      workflowId = run.workflowId;
      break;
    }
    if (!workflowId) return "workflow: no run lists it";
    const description = await client.workflow.getHandle(workflowId).describe();
    const pending = (description.raw.pendingActivities ?? []).map(
      (activity) =>
        `${activity.activityType?.name} attempt ${activity.attempt}${activity.lastFailure?.message ? ` (${activity.lastFailure.message})` : ""}`,
    );
    return `workflow ${description.status.name}${pending.length > 0 ? `, pending ${pending.join(", ")}` : ""}`;
  } catch (error) {
    return `workflow: ${(error as Error).name} ${(error as Error).message}`;
  }
}

/** One line per missing delivery (up to `limit`): where it is, if anywhere. */
export async function describeMissing(
  deps: { dataSource: DataSource; temporal: Client },
  missing: readonly LedgerEntry[],
  limit = 5,
): Promise<string[]> {
  return Promise.all(
    missing.slice(0, limit).map(async (entry) => {
      const deliveryId = entry.ackedDeliveryId ?? entry.expectedDeliveryId;
      const [inbox, workflow] = await Promise.all([
        inboxState(deps.dataSource, deliveryId).catch((error: Error) => `inbox: ${error.message}`),
        workflowState(deps.temporal, deliveryId),
      ]);
      return `#${entry.seq} ${entry.kind} of ${entry.bookingUid} (${deliveryId.slice(0, 16)}): ${inbox}; ${workflow}`;
    }),
  );
}
