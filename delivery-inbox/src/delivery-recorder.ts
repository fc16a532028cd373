// Records a verified delivery durably before the api acknowledges it. First choice: a row in the
// Postgres inbox (concurrent requests share one insert and commit, see grouped-inbox-insert.ts; the
// relay starts the workflow). If Postgres is down, second choice: start the workflow in Temporal
// directly. If both are down the delivery is not recorded and the caller must answer non-2xx, so
// Cal.com (or its operator) sends it again.
import type { Client } from "@temporalio/client";
import type { CalDelivery } from "@churchhub/contracts";
import type { Logger } from "@churchhub/logging";
import { createGroupedInboxInsert } from "./grouped-inbox-insert.js";
import type { InboxStore } from "./inbox-store.js";
import { startDeliveryWorkflow } from "./start-delivery-workflow.js";

interface RecordOutcome {
  /** True when this event had already been recorded (a redelivery). */
  duplicate: boolean;
  /** Where it was recorded. */
  via: "inbox" | "temporal";
}

export interface DeliveryRecorder {
  record(delivery: CalDelivery): Promise<RecordOutcome>;
}

export class DeliveryNotRecordedError extends Error {
  constructor(readonly causes: { inbox: unknown; temporal: unknown }) {
    super("The delivery could not be recorded durably (inbox and Temporal both failed)");
    this.name = "DeliveryNotRecordedError";
  }
}

interface RecorderDependencies {
  inbox: InboxStore;
  temporal: { client: Client; taskQueue: string; startTimeoutMs: number };
  logger: Logger;
}

/** Many inserts close together share one wake-up of the relays (see InboxStore.notifyRelay). */
const WAKE_COALESCE_MS = 20;
/** Rows per inbox statement: at 1,000 requests/s and ~5 ms per commit a group holds about 5. */
const MAX_INSERT_GROUP = 256;

export function createDeliveryRecorder(deps: RecorderDependencies): DeliveryRecorder {
  const inboxInsert = createGroupedInboxInsert({
    insertMany: (deliveries) => deps.inbox.insertMany(deliveries),
    maxGroupSize: MAX_INSERT_GROUP,
  });
  let wakePending = false;
  function wakeRelay(): void {
    if (wakePending) return;
    wakePending = true;
    setTimeout(() => {
      wakePending = false;
      // A lost wake-up only delays the relay until its next poll.
      deps.inbox.notifyRelay().catch(() => undefined);
    }, WAKE_COALESCE_MS).unref();
  }

  return {
    async record(delivery) {
      let inboxError: unknown;
      try {
        const { inserted } = await inboxInsert.insert(delivery);
        if (inserted) wakeRelay();
        return { duplicate: !inserted, via: "inbox" };
      } catch (error) {
        inboxError = error;
        deps.logger.warn(
          { err: error, triggerEvent: delivery.triggerEvent },
          "inbox unavailable; starting the workflow directly",
        );
      }
      try {
        const started = await startDeliveryWorkflow(
          deps.temporal.client,
          deps.temporal.taskQueue,
          [delivery],
          deps.temporal.startTimeoutMs,
        );
        return { duplicate: started.duplicate, via: "temporal" };
      } catch (temporalError) {
        throw new DeliveryNotRecordedError({ inbox: inboxError, temporal: temporalError });
      }
    },
  };
}
