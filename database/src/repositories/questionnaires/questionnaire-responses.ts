// Visitors' answers, one response per booking uid, each sealed under a data key of its own (envelope
// encryption: the key ring wraps the data key; rotation re-wraps keys, not answers). A response may
// arrive before Cal.com's webhook for its booking: it waits unlinked until the booking arrives, and one
// whose booking never arrives is deleted (the link workflow decides when).
import { randomUUID } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";

type Queryable = Pick<EntityManager, "query">;
import { createEnvelopeSealer, type FieldCipher } from "@churchhub/field-encryption";
import { readBookingChain } from "./booking-chain.js";
import { countAffected } from "./count-affected.js";

export type StoredAnswers = Record<string, unknown>;

export interface SubmittedResponse {
  responseId: string;
  /** True when the booking was already here; otherwise the link workflow waits for it. */
  linked: boolean;
}

export interface OpenedResponse {
  responseId: string;
  bookingUid: string;
  versionId: string;
  version: number;
  questionnaireId: string;
  title: string;
  definition: unknown;
  answers: StoredAnswers;
  submittedAt: string;
}

/** What waiting for a response's booking came to. */
export type LinkOutcome = "linked" | "waiting" | "gone" | "discarded";

export class DuplicateResponseError extends Error {
  constructor() {
    super("this booking already has an answered questionnaire");
    this.name = "DuplicateResponseError";
  }
}

const WRAP_PURPOSE = "questionnaire_responses.data_key";
const purposesFor = (responseId: string) => ({
  value: `questionnaire_responses.answers:${responseId}`,
  wrap: WRAP_PURPOSE,
});

/** Links the response when its booking is here and of the event type the visitor answered for. */
async function linkInTransaction(manager: Queryable, responseId: string): Promise<LinkOutcome> {
  const [response] = await manager.query(
    `SELECT r.id, r.cal_event_type_id, r.linked_at, b.uid AS booking_uid, b.event_type_id
       FROM questionnaire_responses r LEFT JOIN bookings b ON b.uid = r.booking_uid
      WHERE r.id = $1 FOR UPDATE OF r`,
    [responseId],
  );
  if (!response) return "gone";
  if (response.booking_uid === null) return "waiting";
  if (response.event_type_id !== null && response.event_type_id !== response.cal_event_type_id) {
    // Someone answered another event type's questions for this uid: nothing the host asked for.
    await manager.query(`DELETE FROM questionnaire_responses WHERE id = $1`, [responseId]);
    return "discarded";
  }
  if (response.linked_at === null)
    await manager.query(`UPDATE questionnaire_responses SET linked_at = now() WHERE id = $1`, [responseId]);
  return "linked";
}

/** Links every response waiting for this booking; run in the transaction that applies the booking. */
export async function linkWaitingResponses(
  manager: Queryable,
  bookingUid: string,
): Promise<Array<{ responseId: string; outcome: LinkOutcome }>> {
  const rows: Array<{ id: string }> = await manager.query(
    `SELECT id FROM questionnaire_responses WHERE booking_uid = $1 AND linked_at IS NULL`,
    [bookingUid],
  );
  const outcomes = [];
  for (const row of rows) outcomes.push({ responseId: row.id, outcome: await linkInTransaction(manager, row.id) });
  return outcomes;
}

export function createQuestionnaireResponses(deps: { dataSource: DataSource; cipher: FieldCipher }) {
  const { dataSource } = deps;
  const sealer = createEnvelopeSealer(deps.cipher);

  return {
    /**
     * Stores a validated response. One response per booking uid: a second one is refused
     * (DuplicateResponseError), and so is one for a booking already answered under another uid of its
     * reschedule chain. `spendTokenHash`, when given, is spent in the same transaction.
     */
    async submit(input: {
      bookingUid: string;
      versionId: string;
      eventTypeId: number;
      answers: StoredAnswers;
      spendTokenHash?: string;
    }): Promise<SubmittedResponse> {
      return dataSource.transaction(async (manager) => {
        const chain = await readBookingChain(manager, input.bookingUid);
        const [answered] = await manager.query(`SELECT 1 FROM questionnaire_responses WHERE booking_uid = ANY($1)`, [
          chain.uids,
        ]);
        if (answered) throw new DuplicateResponseError();
        const responseId = randomUUID();
        const sealed = sealer.seal(JSON.stringify(input.answers), purposesFor(responseId));
        const rows = await manager.query(
          `INSERT INTO questionnaire_responses
             (id, booking_uid, version_id, cal_event_type_id, answers_encrypted, data_key_wrapped, linked_at)
           VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN EXISTS (SELECT 1 FROM bookings WHERE uid = $2) THEN now() END)
           ON CONFLICT (booking_uid) DO NOTHING RETURNING linked_at`,
          [responseId, input.bookingUid, input.versionId, input.eventTypeId, sealed.ciphertext, sealed.wrappedKey],
        );
        if (rows.length === 0) throw new DuplicateResponseError();
        if (input.spendTokenHash) {
          const spent = await countAffected(
            manager,
            `UPDATE questionnaire_answer_tokens SET used_at = now() WHERE token_hash = $1 AND used_at IS NULL RETURNING 1`,
            [input.spendTokenHash],
          );
          if (spent === 0) throw new DuplicateResponseError();
        }
        return { responseId, linked: rows[0].linked_at !== null };
      });
    },

    /** The responses of a booking's reschedule chain, opened (for its host and administrators). */
    async forBooking(bookingUid: string): Promise<OpenedResponse[]> {
      const chain = await readBookingChain(dataSource.manager, bookingUid);
      const rows = await dataSource.query(
        `SELECT r.*, v.version, v.questionnaire_id, v.title, v.definition
           FROM questionnaire_responses r JOIN questionnaire_versions v ON v.id = r.version_id
          WHERE r.booking_uid = ANY($1) ORDER BY r.submitted_at`,
        [chain.uids],
      );
      // biome-ignore lint/suspicious/noExplicitAny: a raw row until mapped here
      return rows.map((row: Record<string, any>) => ({
        responseId: row.id,
        bookingUid: row.booking_uid,
        versionId: row.version_id,
        version: row.version,
        questionnaireId: row.questionnaire_id,
        title: row.title,
        definition: row.definition,
        answers: JSON.parse(
          sealer.open({ ciphertext: row.answers_encrypted, wrappedKey: row.data_key_wrapped }, purposesFor(row.id)),
        ) as StoredAnswers,
        submittedAt: new Date(row.submitted_at).toISOString(),
      }));
    },

    /** Links one response whose booking may have arrived since it was submitted. */
    async link(responseId: string): Promise<LinkOutcome> {
      return dataSource.transaction((manager) => linkInTransaction(manager, responseId));
    },

    /**
     * Erases a booking's answers (its whole reschedule chain): the rows go, and with them the only copy
     * of each data key's wrapping. For erasure on request or after a retention period; returns how many.
     */
    async eraseForBooking(bookingUid: string): Promise<number> {
      const chain = await readBookingChain(dataSource.manager, bookingUid);
      return countAffected(dataSource, `DELETE FROM questionnaire_responses WHERE booking_uid = ANY($1) RETURNING 1`, [
        chain.uids,
      ]);
    },

    /** Deletes a response whose booking never arrived; false when it has arrived (or it is gone). */
    async deleteIfUnlinked(responseId: string): Promise<boolean> {
      const deleted = await countAffected(
        dataSource,
        `DELETE FROM questionnaire_responses r WHERE r.id = $1
           AND NOT EXISTS (SELECT 1 FROM bookings b WHERE b.uid = r.booking_uid) RETURNING 1`,
        [responseId],
      );
      return deleted > 0;
    },
  };
}

export type QuestionnaireResponses = ReturnType<typeof createQuestionnaireResponses>;
