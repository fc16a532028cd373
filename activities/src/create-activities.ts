// The side effects of processing a Cal.com delivery, as Temporal activities. Each one is idempotent on
// its own (a retry or a redelivery changes nothing twice), because Temporal runs an activity at least once.
import type { DataSource } from "typeorm";
import type { CalDelivery, OrganizerSnapshot } from "@churchhub/contracts";
import type { PersonalDataProtector } from "@churchhub/field-encryption";
import { applyCalDeliveryInTransaction, type AppliedDelivery } from "./apply-cal-delivery.js";
import { rethrowClassified } from "./classify-database-error.js";
import { persistBookingInTransaction, type PersistBookingResult } from "./persist-booking.js";
import { upsertOrganizerRow } from "./upsert-organizer.js";
import { writeAuditEntry, type WriteAuditLogInput } from "./write-audit-entry.js";

export interface ActivityDependencies {
  dataSource: DataSource;
  /** Seals personal data before it reaches a column. */
  protector: PersonalDataProtector;
}

export function createActivities({ dataSource, protector }: ActivityDependencies) {
  return {
    /** Organizer, booking and audit entry in one transaction: what the workflow runs today. */
    async applyCalDelivery(delivery: CalDelivery): Promise<AppliedDelivery> {
      try {
        return await dataSource.transaction((manager) => applyCalDeliveryInTransaction(manager, protector, delivery));
      } catch (error) {
        rethrowClassified(error);
      }
    },

    // The three steps below, one activity each, are what workflows started before applyCalDelivery
    // existed still call when they resume (see the workflow's patch); keep them while such runs may exist.

    /** Inserts or refreshes the organizer, keyed by Cal.com user id; returns our user id. */
    async upsertOrganizer(organizer: OrganizerSnapshot): Promise<string> {
      try {
        return await upsertOrganizerRow(dataSource, protector, organizer);
      } catch (error) {
        rethrowClassified(error);
      }
    },

    /** Applies a booking event if it is newer than what the row reflects; always records its status change. */
    async persistBooking(input: { delivery: CalDelivery; userId: string }): Promise<PersistBookingResult> {
      try {
        return await dataSource.transaction((manager) =>
          persistBookingInTransaction(manager, protector, input.delivery, input.userId),
        );
      } catch (error) {
        rethrowClassified(error);
      }
    },

    /** One audit row per distinct event (keyed by delivery id); a retry finds the row it already wrote. */
    async writeAuditLog(input: WriteAuditLogInput): Promise<string> {
      try {
        return await writeAuditEntry(dataSource, protector, input);
      } catch (error) {
        rethrowClassified(error);
      }
    },
  };
}

export type Activities = ReturnType<typeof createActivities>;
