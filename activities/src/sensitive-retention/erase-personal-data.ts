// Erases what a booking holds of the person, in one transaction: the attendees (names, emails, phone
// numbers), answers, notes to the host, title, description, location, cancellation and rejection texts,
// the raw payloads (booking and every audit entry of it), questionnaire answers and context summaries, and
// the relayed inbox rows of its deliveries. Kept: the row saying a booking happened (uid, times, status
// and its history, event type, host) and the audit trail's entries, plus one entry recording the erasure.
// Idempotent: a retry, or a second erasure after a late delivery brought data back, erases again.
import { calDeliveryWorkflowId, type ErasureReason } from "@churchhub/contracts";
import type { PersonalDataProtector } from "@churchhub/field-encryption";
import type { EntityManager } from "typeorm";

/** The trigger name of the audit entry an erasure writes (beside Cal.com's BOOKING_* triggers). */
export const PERSONAL_DATA_ERASED = "PERSONAL_DATA_ERASED";

/** More erasure for tables other parts of the product own (questionnaires), run in the same transaction. */
export type BookingDataEraser = (manager: EntityManager, booking: { id: string; uid: string }) => Promise<void>;

export interface BookingErasureInput {
  bookingUid: string;
  reason: ErasureReason;
  /** Keys the audit entry, so a retried activity records one erasure (the workflow run's id). */
  requestKey: string;
  erasedAt: Date;
  notesDestroyed: number;
}

export async function eraseBookingPersonalData(
  manager: EntityManager,
  protector: PersonalDataProtector,
  erasers: readonly BookingDataEraser[],
  input: BookingErasureInput,
): Promise<{ bookingFound: boolean }> {
  const rows: Array<{ id: string; uid: string; user_id: string | null }> = await manager.query(
    "SELECT id, uid, user_id FROM bookings WHERE uid = $1 FOR UPDATE",
    [input.bookingUid],
  );
  const booking = rows[0];
  const erased = { erased: true, reason: input.reason };
  if (booking) {
    await manager.query(
      `UPDATE bookings SET title = NULL, description = NULL, location = NULL, attendees = NULL, responses = NULL,
         metadata = NULL, rescheduled_by = NULL, cancellation_reason = NULL, cancelled_by = NULL,
         rejection_reason = NULL, attendee_email_index = '{}', payload = $2, updated_at = now()
       WHERE id = $1`,
      [booking.id, protector.sealJson(erased, "bookings.payload")],
    );
    await manager.query("DELETE FROM context_summaries WHERE booking_id = $1", [booking.id]);
    for (const erase of erasers) await erase(manager, booking);
  }
  // Every delivery about the booking kept its raw body: the entries stay (what happened, when), the
  // bodies go. The inbox rows already relayed go entirely (their workflow ids name the booking).
  await manager.query("UPDATE audit_logs SET payload = $2 WHERE booking_uid = $1 AND trigger_event <> $3", [
    input.bookingUid,
    protector.sealJson(erased, "audit_logs.payload"),
    PERSONAL_DATA_ERASED,
  ]);
  const workflowIdPart = calDeliveryWorkflowId({ triggerEvent: "x", bookingUid: input.bookingUid, deliveryId: "" })
    .slice("cal-x-".length)
    .replace(/-$/, "");
  await manager.query("DELETE FROM webhook_inbox WHERE relayed_at IS NOT NULL AND position($1 in workflow_id) > 0", [
    `-${workflowIdPart}-`,
  ]);
  await manager.query(
    `INSERT INTO audit_logs (delivery_id, trigger_event, outcome, source, user_id, booking_uid, occurred_at,
       received_at, payload)
     VALUES ($1, $2, $3, 'retention', $4, $5, $6, $6, $7)
     ON CONFLICT (delivery_id) DO NOTHING`,
    [
      `erasure-${input.requestKey}`,
      PERSONAL_DATA_ERASED,
      input.reason,
      booking?.user_id ?? null,
      input.bookingUid,
      input.erasedAt,
      // What was done, no personal data (sealed like every audit payload).
      protector.sealJson({ reason: input.reason, notesDestroyed: input.notesDestroyed }, "audit_logs.payload"),
    ],
  );
  return { bookingFound: booking !== undefined };
}
