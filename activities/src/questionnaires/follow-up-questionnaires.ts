// What a booking delivery means for questionnaires, worked out inside the delivery's own transaction:
// responses that were waiting for this booking are linked, and when the booking's event type requires
// a questionnaire, the reminder of its reschedule chain is named (to start, or to wake and re-read).
import type { BookingSnapshot, QuestionnaireFollowUp } from "@churchhub/contracts";
import { linkWaitingResponses, readBookingChain } from "@churchhub/database";
import type { EntityManager } from "typeorm";

const ENDED = new Set(["cancelled", "rejected"]);

/** Undefined when there is nothing to follow up (the usual case: no questionnaire involved). */
export async function followUpQuestionnairesInTransaction(
  manager: EntityManager,
  booking: BookingSnapshot,
): Promise<QuestionnaireFollowUp | undefined> {
  const linked = await linkWaitingResponses(manager, booking.uid);
  const linkedResponseIds = linked.filter((link) => link.outcome !== "waiting").map((link) => link.responseId);
  const [required] =
    booking.eventTypeId === null
      ? []
      : await manager.query(`SELECT 1 FROM questionnaire_attachments WHERE cal_event_type_id = $1 AND required`, [
          booking.eventTypeId,
        ]);
  const reminder = required
    ? {
        rootBookingUid: (await readBookingChain(manager, booking.uid)).rootUid,
        start: !ENDED.has(booking.status),
      }
    : null;
  if (linkedResponseIds.length === 0 && !reminder) return undefined;
  return { linkedResponseIds, reminder };
}
