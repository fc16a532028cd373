// Everything one delivery changes in Postgres, in one transaction: the organizer, the booking (a
// versioned upsert, see persist-booking.ts), the audit entry, the questionnaire links it completes and the
// private booking it was made with.
// One transaction rather than several activities: the event is applied entirely or not at all, a retry
// starts from a clean slate, and it costs one commit and, in Temporal, one step.
import type { CalDelivery, DeliveryOutcome, QuestionnaireFollowUp } from "@churchhub/contracts";
import { linkPrivateBookingInTransaction, PRIVATE_BOOKING_METADATA_KEY } from "@churchhub/database";
import type { PersonalDataProtector } from "@churchhub/field-encryption";
import type { EntityManager } from "typeorm";
import { persistBookingInTransaction } from "./persist-booking.js";
import { followUpQuestionnairesInTransaction } from "./questionnaires/follow-up-questionnaires.js";
import { upsertOrganizerRow } from "./upsert-organizer.js";
import { writeAuditEntry } from "./write-audit-entry.js";

export interface AppliedDelivery {
  outcome: Exclude<DeliveryOutcome, "failed">;
  /** False when a newer event for the same booking had already been applied (or it is no booking). */
  bookingUpdated: boolean;
  auditLogId: string;
  /** Present only when a questionnaire is involved: what the workflow must signal or start. */
  questionnaires?: QuestionnaireFollowUp;
  /**
   * Bookings of a sensitive event type this delivery touched (the booking, and the one a reschedule
   * replaced): their retention workflows start or read their deadline again. Absent otherwise.
   */
  retentionBookingUids?: string[];
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
  await linkPrivateBooking(manager, delivery);
  const questionnaires = await followUpQuestionnairesInTransaction(manager, delivery.booking);
  const retentionBookingUids = await sensitiveBookingUids(manager, delivery.booking);
  return {
    outcome,
    bookingUpdated: applied,
    auditLogId,
    ...(questionnaires ? { questionnaires } : {}),
    ...(retentionBookingUids.length > 0 ? { retentionBookingUids } : {}),
  };
}

async function sensitiveBookingUids(
  manager: EntityManager,
  booking: NonNullable<CalDelivery["booking"]>,
): Promise<string[]> {
  if (booking.eventTypeId === null) return [];
  const rows: Array<{ sensitive: boolean }> = await manager.query(
    "SELECT sensitive FROM sensitive_event_types WHERE cal_event_type_id = $1",
    [booking.eventTypeId],
  );
  if (rows[0]?.sensitive !== true) return [];
  return [booking.uid, ...(booking.rescheduledFromUid ? [booking.rescheduledFromUid] : [])];
}

/**
 * A booking made privately names its intent in its metadata: link it (the check that the booking really
 * was made with the intent is linkPrivateBookingInTransaction's). Only bookings that could be one are
 * looked up, so ordinary deliveries cost no query.
 */
async function linkPrivateBooking(manager: EntityManager, delivery: CalDelivery): Promise<void> {
  const booking = delivery.booking!;
  if (booking.metadata?.[PRIVATE_BOOKING_METADATA_KEY] === undefined && !booking.rescheduledFromUid) return;
  await linkPrivateBookingInTransaction(
    manager,
    {
      uid: booking.uid,
      rescheduledFromUid: booking.rescheduledFromUid,
      metadata: booking.metadata,
      attendeeEmails: booking.attendees.map((attendee) => attendee.email),
    },
    new Date(delivery.receivedAt),
  );
}
