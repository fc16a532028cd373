// The questionnaire workflows' inputs, results, ids and signals (issue 18). Only ids travel through
// Temporal: booking uids and response ids, never answers, names or addresses.

/** Waits for the booking of a response that arrived before Cal.com's webhook, or deletes it. */
export interface AwaitQuestionnaireBookingInput {
  responseId: string;
  /** How long a response may wait for its booking before it is deleted. */
  keepUnlinkedDays: number;
}

export interface AwaitQuestionnaireBookingResult {
  /** linked: the booking arrived; deleted: it never did; discarded: it is of another event type; gone. */
  outcome: "linked" | "deleted" | "discarded" | "gone";
}

/** One reminder per booking (its reschedule chain, named by the chain's first uid). */
export interface QuestionnaireReminderInput {
  rootBookingUid: string;
}

export interface QuestionnaireReminderResult {
  outcome: "sent" | "no_booking" | "cancelled" | "answered" | "not_required" | "already_sent" | "appointment_started";
}

/** What applying a booking delivery means for questionnaires: links made, and the reminder to move. */
export interface QuestionnaireFollowUp {
  /** Responses that were waiting for this booking and are now linked (their wait workflows end). */
  linkedResponseIds: string[];
  /** Set when the booking's event type requires a questionnaire. */
  reminder: { rootBookingUid: string; start: boolean } | null;
}

/** Signal to the wait workflow: the booking has arrived (it checks the database itself). */
export const QUESTIONNAIRE_BOOKING_ARRIVED_SIGNAL = "questionnaireBookingArrived";
/** Signal to the reminder workflow: rescheduled, cancelled or answered (it re-reads the database). */
export const QUESTIONNAIRE_BOOKING_CHANGED_SIGNAL = "questionnaireBookingChanged";

export function awaitQuestionnaireBookingWorkflowId(responseId: string): string {
  return `questionnaire-await-booking-${responseId}`;
}

export function questionnaireReminderWorkflowId(rootBookingUid: string): string {
  return `questionnaire-reminder-${rootBookingUid.replace(/[^A-Za-z0-9_-]/g, "-").slice(0, 64)}`;
}

/**
 * The private answer-later page on our web server for a token: given on the booking's confirmation and in
 * the reminder mail (the api issues the first, the worker the second, so both build it here).
 */
export function questionnaireAnswerUrl(webPublicUrl: string, token: string): string {
  return `${webPublicUrl.replace(/\/+$/, "")}/questionnaires/answer/${encodeURIComponent(token)}`;
}
