// The side effects of processing a Cal.com delivery, as Temporal activities. Each one is idempotent on
// its own (a retry or a redelivery changes nothing twice), because Temporal runs an activity at least once.
import type { DataSource } from "typeorm";
import type { CalDelivery } from "@churchhub/contracts";
import type { PersonalDataProtector } from "@churchhub/field-encryption";
import { applyCalDeliveryInTransaction, type AppliedDelivery } from "./apply-cal-delivery.js";
import { rethrowClassified } from "./classify-database-error.js";

interface ActivityDependencies {
  dataSource: DataSource;
  /** Seals personal data before it reaches a column. */
  protector: PersonalDataProtector;
}

export function createActivities({ dataSource, protector }: ActivityDependencies) {
  return {
    /** Organizer, booking and audit entry in one transaction. */
    async applyCalDelivery(delivery: CalDelivery): Promise<AppliedDelivery> {
      try {
        return await dataSource.transaction((manager) => applyCalDeliveryInTransaction(manager, protector, delivery));
      } catch (error) {
        rethrowClassified(error);
      }
    },
  };
}

export type Activities = ReturnType<typeof createActivities>;
