// The api's Temporal client. The connection is lazy so the api starts (and reports Temporal "down" on
// /health) while Temporal is away, instead of crashing.
import { Client, Connection } from "@temporalio/client";
import type { DataConverter } from "@temporalio/common";
import { tracingClientInterceptors } from "@churchhub/tracing";

export function createTemporalClient(address: string, namespace: string, dataConverter: DataConverter): Client {
  const connection = Connection.lazy({ address });
  return new Client({ connection, namespace, dataConverter, interceptors: tracingClientInterceptors() });
}

export async function checkTemporal(client: Client): Promise<void> {
  await client.connection.withDeadline(Date.now() + 2_000, () => client.workflowService.getSystemInfo({}));
}
