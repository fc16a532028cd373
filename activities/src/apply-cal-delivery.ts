// Everything one delivery changes in Postgres, in one transaction: the organizer, the booking (a
// versioned upsert, see persist-booking.ts) and the audit entry. One transaction rather than three
// activities: the event is applied entirely or not at all, a retry starts from a clean slate, and it
// costs one commit and, in Temporal, one step instead of three.
import type { CalDelivery } from "@churchhub/contracts";
import type { AuditOutcome } from "@churchhub/database";
import type { PersonalDataProtector } from "@churchhub/field-encryption";
import type { EntityManager } from "typeorm";
import { persistBookingInTransaction } from "./persist-booking.js";
import { upsertOrganizerRow } from "./upsert-organizer.js";
import { writeAuditEntry } from "./write-audit-entry.js";

export interface AppliedDelivery {
  outcome: AuditOutcome;
  /** False when a newer event for the same booking had already been applied (or it is no booking). */
  bookingUpdated: boolean;
  auditLogId: string;
}

export async function applyCalDeliveryInTransaction(
  manager: EntityManager,
  protector: PersonalDataProtector,
  delivery: CalDelivery,
): Promise<AppliedDelivery> {
  if (delivery.kind !== "booking" || !delivery.booking) {
    const outcome = delivery.bodyShape === "unsupported_template" ? "unsupported_template" : "recorded";
    const auditLogId = await writeAuditEntry(manager, protector, { delivery, userId: null, outcome });
    return { outcome, bookingUpdated: false, auditLogId };
  }
  const userId = await upsertOrganizerRow(manager, protector, delivery.booking.organizer);
  const { applied } = await persistBookingInTransaction(manager, protector, delivery, userId);
  const outcome = applied ? "applied" : "superseded";
  const auditLogId = await writeAuditEntry(manager, protector, { delivery, userId, outcome });
  return { outcome, bookingUpdated: applied, auditLogId };
}
