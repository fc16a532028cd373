// Builds the Temporal worker that hosts our workflows and activities. The caller passes the connection
// and the activities (real ones in production, test ones in tests).
import { createRequire } from "node:module";
import { type NativeConnection, Worker, type WorkerOptions } from "@temporalio/worker";
import type {
  Activities,
  ConnectionActivities,
  ReconciliationActivities,
  SensitiveSettingsActivities,
  TokenActivities,
} from "@churchhub/activities";
import { tracingWorkerOptions, type Tracing } from "@churchhub/tracing";

export const workflowsPath = createRequire(import.meta.url).resolve("@churchhub/workflows");

interface BookingWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  activities: Activities &
    Partial<TokenActivities> &
    Partial<ReconciliationActivities> &
    Partial<ConnectionActivities> &
    Partial<SensitiveSettingsActivities>;
  /** How long in-flight activities may finish on shutdown before they are handed back to Temporal. */
  shutdownGraceTime?: WorkerOptions["shutdownGraceTime"];
  /** The project's encrypting data converter (see @churchhub/temporal-encryption). */
  dataConverter: WorkerOptions["dataConverter"];
  /** Continue traces in workflows and activities (see @churchhub/tracing). */
  tracing: Tracing;
}

export function createBookingWorker(options: BookingWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    activities: options.activities,
    dataConverter: options.dataConverter,
    ...tracingWorkerOptions(options.tracing),
    workflowsPath,
    shutdownGraceTime: options.shutdownGraceTime ?? "20 seconds",
  });
}
