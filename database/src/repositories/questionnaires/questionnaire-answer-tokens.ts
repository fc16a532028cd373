// Private answer-later links: a one-time token per link, valid until the booking's appointment starts
// (checked against the newest booking of its reschedule chain when used). Only its SHA-256 is stored.
import { createHash, randomBytes } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import { readBookingChain } from "./booking-chain.js";

type Queryable = Pick<EntityManager, "query">;

/** Why a link was issued: once on the booking's confirmation, and in the reminder mail. */
export type TokenIssuedFor = "confirmation" | "reminder";

export type TokenCheck =
  | { status: "valid"; bookingUid: string; tokenHash: string; eventTypeId: number | null }
  | { status: "unknown" | "used" | "expired" | "booking_not_arrived" };

export const hashAnswerToken = (token: string) => createHash("sha256").update(token).digest("hex");

export function createQuestionnaireAnswerTokens(deps: { dataSource: DataSource; clock: () => Date }) {
  const { dataSource, clock } = deps;
  return {
    /**
     * A new token (returned once, never stored). The confirmation's link is issued once per booking:
     * null when it already was.
     */
    async issue(bookingUid: string, issuedFor: TokenIssuedFor, db: Queryable = dataSource): Promise<string | null> {
      const token = randomBytes(32).toString("base64url");
      const rows = await db.query(
        `INSERT INTO questionnaire_answer_tokens (token_hash, booking_uid, issued_for)
         SELECT $1, $2, $3 WHERE $3 <> 'confirmation' OR NOT EXISTS
           (SELECT 1 FROM questionnaire_answer_tokens WHERE booking_uid = $2 AND issued_for = 'confirmation')
         RETURNING 1`,
        [hashAnswerToken(token), bookingUid, issuedFor],
      );
      return rows.length > 0 ? token : null;
    },

    async check(token: string): Promise<TokenCheck> {
      const tokenHash = hashAnswerToken(token);
      const [row] = await dataSource.query(
        `SELECT booking_uid, used_at FROM questionnaire_answer_tokens WHERE token_hash = $1`,
        [tokenHash],
      );
      if (!row) return { status: "unknown" };
      if (row.used_at) return { status: "used" };
      const chain = await readBookingChain(dataSource.manager, row.booking_uid);
      if (!chain.current) return { status: "booking_not_arrived" };
      if (chain.current.startTime.getTime() <= clock().getTime()) return { status: "expired" };
      return { status: "valid", bookingUid: row.booking_uid, tokenHash, eventTypeId: chain.current.eventTypeId };
    },
  };
}

export type QuestionnaireAnswerTokens = ReturnType<typeof createQuestionnaireAnswerTokens>;
