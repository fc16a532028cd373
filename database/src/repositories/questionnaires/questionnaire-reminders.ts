// What the reminder of a booking's required questionnaire should do now, read afresh each time from the
// booking's reschedule chain (so a reschedule moves it and a cancellation or an answer ends it), and the
// claim that makes its one mail go out once.
import type { DataSource, EntityManager } from "typeorm";
import { readBookingChain } from "./booking-chain.js";

export type ReminderStop =
  | "no_booking"
  | "cancelled"
  | "answered"
  | "not_required"
  | "already_sent"
  | "appointment_started";

export type ReminderPlan =
  | { kind: "due"; bookingUid: string; remindAt: string; startTime: string }
  | { kind: "stop"; reason: ReminderStop };

const ENDED = new Set(["cancelled", "rejected"]);

export function createQuestionnaireReminders(deps: { dataSource: DataSource; clock: () => Date }) {
  const { dataSource, clock } = deps;

  async function plan(db: Pick<EntityManager, "query">, rootUid: string, leadMs: number): Promise<ReminderPlan> {
    const chain = await readBookingChain(db, rootUid);
    const current = chain.current;
    if (!current) return { kind: "stop", reason: "no_booking" };
    if (ENDED.has(current.status)) return { kind: "stop", reason: "cancelled" };
    const [answered] = await db.query(`SELECT 1 FROM questionnaire_responses WHERE booking_uid = ANY($1)`, [
      chain.uids,
    ]);
    if (answered) return { kind: "stop", reason: "answered" };
    const [attached] = await db.query(
      `SELECT 1 FROM questionnaire_attachments WHERE cal_event_type_id = $1 AND required`,
      [current.eventTypeId],
    );
    if (!attached) return { kind: "stop", reason: "not_required" };
    const [sent] = await db.query(`SELECT 1 FROM questionnaire_reminders WHERE booking_uid = $1`, [chain.rootUid]);
    if (sent) return { kind: "stop", reason: "already_sent" };
    if (current.startTime.getTime() <= clock().getTime()) return { kind: "stop", reason: "appointment_started" };
    return {
      kind: "due",
      bookingUid: current.uid,
      remindAt: new Date(current.startTime.getTime() - leadMs).toISOString(),
      startTime: current.startTime.toISOString(),
    };
  }

  return {
    /** The chain's root uid (the reminder workflow's key) for any uid of it. */
    async rootUidOf(bookingUid: string): Promise<string> {
      return (await readBookingChain(dataSource.manager, bookingUid)).rootUid;
    },

    plan: (rootUid: string, leadMs: number) => plan(dataSource.manager, rootUid, leadMs),

    /**
     * Runs `send` when the reminder is still due by `dueBy` (the time the caller waited for: a reschedule
     * to a later time since then means not yet), recording it as sent in the same transaction: a second
     * caller waits on the row and then finds it sent; a failed send records nothing (the retry sends).
     */
    async sendOnce<T>(
      rootUid: string,
      options: { leadMs: number; dueBy: string },
      send: (due: { bookingUid: string; startTime: string }, db: EntityManager) => Promise<T>,
    ): Promise<{ sent: true; result: T } | { sent: false; plan: ReminderPlan }> {
      return dataSource.transaction(async (manager) => {
        const current = await plan(manager, rootUid, options.leadMs);
        if (current.kind !== "due" || Date.parse(current.remindAt) > Date.parse(options.dueBy))
          return { sent: false, plan: current };
        const claimed = await manager.query(
          `INSERT INTO questionnaire_reminders (booking_uid, sent_at) VALUES ($1, $2)
           ON CONFLICT (booking_uid) DO NOTHING RETURNING 1`,
          [rootUid, clock()],
        );
        if (claimed.length === 0) return { sent: false, plan: { kind: "stop", reason: "already_sent" } };
        return { sent: true, result: await send(current, manager) };
      });
    },
  };
}

export type QuestionnaireReminders = ReturnType<typeof createQuestionnaireReminders>;
