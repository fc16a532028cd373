// The side effects of processing a Cal.com delivery, as Temporal activities. Each one is idempotent on
// its own (a retry or a redelivery changes nothing twice), because Temporal runs an activity at least once.
import type { DataSource } from "typeorm";
import type { CalDelivery, ProcessCalDeliveryResult } from "@churchhub/contracts";
import type { PersonalDataProtector } from "@churchhub/field-encryption";
import { applyCalDeliveriesInTransaction } from "./apply-cal-deliveries.js";
import { rethrowClassified } from "./classify-database-error.js";

interface ActivityDependencies {
  dataSource: DataSource;
  /** Seals personal data before it reaches a column. */
  protector: PersonalDataProtector;
}

export function createActivities({ dataSource, protector }: ActivityDependencies) {
  return {
    /** Each delivery's organizer, booking and audit entry; all of them in one transaction. */
    async applyCalDeliveries(deliveries: CalDelivery[]): Promise<ProcessCalDeliveryResult[]> {
      try {
        return await dataSource.transaction((manager) =>
          applyCalDeliveriesInTransaction(manager, protector, deliveries),
        );
      } catch (error) {
        rethrowClassified(error);
      }
    },
  };
}

export type Activities = ReturnType<typeof createActivities>;
