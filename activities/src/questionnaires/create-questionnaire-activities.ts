// The questionnaire workflows' side effects: linking a response to its booking or deleting one whose
// booking never came, and the reminder (what it should do now; sending its one mail). Only ids and
// outcomes go back to Temporal; the attendee's address is opened here and goes only to the mailer.
import { ApplicationFailure } from "@temporalio/common";
import { MAIL_NOT_CONFIGURED, type PersonSnapshot, type QuestionnaireReminderInput } from "@churchhub/contracts";
import {
  createQuestionnaireAnswerTokens,
  createQuestionnaireReminders,
  createQuestionnaireResponses,
  type DataSource,
  type LinkOutcome,
  type ReminderPlan,
  privateBookingEmail,
} from "@churchhub/database";
import type { PersonalDataProtector } from "@churchhub/field-encryption";
import type { Mailer } from "@churchhub/mail";
import { questionnaireReminderMail } from "./questionnaire-reminder-mail.js";

interface QuestionnaireActivityDependencies {
  dataSource: DataSource;
  protector: PersonalDataProtector;
  /** Undefined when outgoing mail is not configured: a due reminder then fails as MailNotConfigured. */
  mailer: Mailer | undefined;
  clock: () => Date;
  /** How long before the appointment the reminder goes out. */
  reminderLeadMs: number;
  /** The private answer-later page for a token. */
  answerLinkFor: (token: string) => string;
  churchName: string;
}

export type SendReminderOutcome = { sent: true; mailed: boolean } | { sent: false; plan: ReminderPlan };

export function createQuestionnaireActivities(deps: QuestionnaireActivityDependencies) {
  const responses = createQuestionnaireResponses({ dataSource: deps.dataSource, cipher: deps.protector.cipher });
  const reminders = createQuestionnaireReminders({ dataSource: deps.dataSource, clock: deps.clock });
  const tokens = createQuestionnaireAnswerTokens({ dataSource: deps.dataSource, clock: deps.clock });

  return {
    async linkQuestionnaireResponse(responseId: string): Promise<LinkOutcome> {
      return responses.link(responseId);
    },

    async deleteUnlinkedQuestionnaireResponse(responseId: string): Promise<boolean> {
      return responses.deleteIfUnlinked(responseId);
    },

    async planQuestionnaireReminder(input: QuestionnaireReminderInput): Promise<ReminderPlan> {
      return reminders.plan(input.rootBookingUid, deps.reminderLeadMs);
    },

    /** Sends the reminder if it is still due by `dueBy` (the time the workflow waited for). */
    async sendQuestionnaireReminder(
      input: QuestionnaireReminderInput & { dueBy: string },
    ): Promise<SendReminderOutcome> {
      const outcome = await reminders.sendOnce(
        input.rootBookingUid,
        { leadMs: deps.reminderLeadMs, dueBy: input.dueBy },
        async (due, manager) => {
          const [booking] = await manager.query(`SELECT attendees FROM bookings WHERE uid = $1`, [due.bookingUid]);
          const attendees = deps.protector.openJson<PersonSnapshot[]>(booking?.attendees ?? null, "bookings.attendees");
          // A private booking's attendee address is its relay address, which reaches nobody: the person's
          // own address if they left us one (and no mail if they did not).
          const privateEmail = await privateBookingEmail(manager, deps.protector, due.bookingUid);
          const to = privateEmail === undefined ? attendees?.find((attendee) => attendee.email)?.email : privateEmail;
          // A booking without an address to remind cannot be reminded; it counts as done, not as a retry.
          if (!to) return false;
          if (!deps.mailer)
            throw ApplicationFailure.nonRetryable(
              "SMTP_URL is not set: the reminder cannot be mailed",
              MAIL_NOT_CONFIGURED,
            );
          const token = await tokens.issue(due.bookingUid, "reminder", manager);
          await deps.mailer.send(
            questionnaireReminderMail({
              to,
              url: deps.answerLinkFor(token!),
              churchName: deps.churchName,
              startTime: due.startTime,
            }),
          );
          return true;
        },
      );
      return outcome.sent ? { sent: true, mailed: outcome.result } : outcome;
    },
  };
}

export type QuestionnaireActivities = ReturnType<typeof createQuestionnaireActivities>;
