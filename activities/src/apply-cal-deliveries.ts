// A relay's batch of deliveries in one transaction (one commit for the lot), in event order per booking.
// Each delivery runs under a savepoint of its own: when the database refuses one as invalid data, only
// that one is rolled back and reported `failed`; the others are kept. Anything else (the connection, a
// lock timeout, a deadlock) fails the whole transaction, which the workflow retries (and, if that keeps
// failing, splits into single deliveries: see process-cal-delivery.workflow.ts).
import {
  inEventOrderPerBooking,
  MAX_DELIVERIES_PER_RUN,
  type CalDelivery,
  type ProcessCalDeliveryResult,
} from "@churchhub/contracts";
import type { PersonalDataProtector } from "@churchhub/field-encryption";
import type { EntityManager } from "typeorm";
import { applyCalDeliveryInTransaction } from "./apply-cal-delivery.js";
import { invalidDataSqlState } from "./classify-database-error.js";

/** More savepoints than this in one transaction overflow Postgres's per-session subtransaction cache. */
const SUBTRANSACTION_CACHE = 64;
if (MAX_DELIVERIES_PER_RUN >= SUBTRANSACTION_CACHE) throw new Error("MAX_DELIVERIES_PER_RUN must stay below 64");

export async function applyCalDeliveriesInTransaction(
  manager: EntityManager,
  protector: PersonalDataProtector,
  deliveries: readonly CalDelivery[],
): Promise<ProcessCalDeliveryResult[]> {
  const results: ProcessCalDeliveryResult[] = [];
  for (const delivery of inEventOrderPerBooking(deliveries)) {
    await manager.query("SAVEPOINT delivery");
    try {
      const applied = await applyCalDeliveryInTransaction(manager, protector, delivery);
      await manager.query("RELEASE SAVEPOINT delivery");
      results.push({ deliveryId: delivery.deliveryId, bookingUid: delivery.bookingUid, ...applied });
    } catch (error) {
      const sqlState = invalidDataSqlState(error);
      if (!sqlState) throw error;
      // Rolling back to a savepoint keeps it open: release it too, so the next delivery's starts afresh.
      await manager.query("ROLLBACK TO SAVEPOINT delivery");
      await manager.query("RELEASE SAVEPOINT delivery");
      results.push({
        deliveryId: delivery.deliveryId,
        bookingUid: delivery.bookingUid,
        outcome: "failed",
        bookingUpdated: false,
        auditLogId: null,
        failure: `The delivery cannot be stored (SQLSTATE ${sqlState})`,
      });
    }
  }
  return results;
}
