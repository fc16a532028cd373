// Re-drives the processing of audited events, e.g. after a bug fix: one event by delivery id, or all
// events that occurred in a time range. Each becomes a new run of the processing workflow (source
// "replay"), visible in the Temporal UI; the booking row is rewritten from the event it reflects.
import { randomBytes } from "node:crypto";
import type { Client } from "@temporalio/client";
import { apiBookingToDelivery } from "@churchhub/activities";
import type { CalApiBooking } from "@churchhub/cal-client";
import { deliveryRunMemo, deliveryRunSearchAttributes, type CalDelivery } from "@churchhub/contracts";
import { replayWorkflowId, startWorkflow } from "@churchhub/contracts/client";
import type { BookingReader } from "@churchhub/database";
import { DecryptionError } from "@churchhub/field-encryption";
import type { DataSource } from "typeorm";
import { parseCalDelivery } from "../webhooks/parse-cal-delivery.js";

interface ReplayResult {
  replayId: string;
  started: Array<{ deliveryId: string; workflowId: string }>;
  /** Audited events in the range that could not be opened (sealed under a key no longer configured). */
  unreadable?: string[];
}

/** The most events one request re-drives; a larger range is replayed in several requests. */
export const MAX_REPLAY_EVENTS = 5_000;

export function createReplayService(deps: {
  dataSource: DataSource;
  reader: BookingReader;
  client: Client;
  taskQueue: string;
  clock: () => Date;
}) {
  function rebuild(entry: { deliveryId: string; source: string; payload: unknown }): CalDelivery {
    const now = deps.clock();
    const body = entry.payload as { payload?: CalApiBooking };
    const delivery =
      entry.source === "reconciled" && body.payload
        ? apiBookingToDelivery(body.payload, now)
        : parseCalDelivery(Buffer.from(JSON.stringify(entry.payload)), "application/json", now);
    // Keep the audited identity, so the replay is recognisably the same event.
    return { ...delivery, deliveryId: entry.deliveryId, source: "replay" };
  }

  async function start(deliveries: CalDelivery[], requestedBy: string): Promise<ReplayResult> {
    const replayId = `${deps.clock().getTime().toString(36)}${randomBytes(3).toString("hex")}`;
    const started = [];
    for (const delivery of deliveries) {
      const workflowId = replayWorkflowId(replayId, delivery);
      await startWorkflow(deps.client, "processCalDeliveryWorkflow", {
        taskQueue: deps.taskQueue,
        workflowId,
        args: [{ deliveries: [delivery] }],
        typedSearchAttributes: deliveryRunSearchAttributes([delivery]),
        memo: { ...deliveryRunMemo([delivery]), replayId, requestedBy },
      });
      started.push({ deliveryId: delivery.deliveryId, workflowId });
    }
    return { replayId, started };
  }

  return {
    async replayDelivery(deliveryId: string, requestedBy: string): Promise<ReplayResult | null> {
      const entry = await deps.reader.auditEntry(deliveryId);
      return entry ? start([rebuild(entry)], requestedBy) : null;
    },

    async replayRange(from: Date, to: Date, requestedBy: string): Promise<ReplayResult> {
      const rows: Array<{ delivery_id: string }> = await deps.dataSource.query(
        "SELECT delivery_id FROM audit_logs WHERE occurred_at >= $1 AND occurred_at < $2 ORDER BY occurred_at, delivery_id LIMIT $3",
        [from, to, MAX_REPLAY_EVENTS],
      );
      const deliveries: CalDelivery[] = [];
      const unreadable: string[] = [];
      for (const row of rows) {
        try {
          const entry = await deps.reader.auditEntry(row.delivery_id);
          if (entry) deliveries.push(rebuild(entry));
        } catch (error) {
          // One event we cannot open must not stop the others from being replayed; it is reported.
          if (!(error instanceof DecryptionError)) throw error;
          unreadable.push(row.delivery_id);
        }
      }
      return { ...(await start(deliveries, requestedBy)), unreadable };
    },
  };
}

export type ReplayService = ReturnType<typeof createReplayService>;
