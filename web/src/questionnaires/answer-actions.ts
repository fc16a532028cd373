// Server actions the answering form calls: the browser hands its answers to this web server, which
// passes them to the api with its own credential (the api re-runs the evaluator and stores them sealed).
"use server";

import type { SubmitOutcome } from "./questionnaire-form";
import {
  issueAnswerLaterToken,
  type SubmissionResult,
  submitAnswerLaterAnswers,
  submitBookingAnswers,
} from "./public-questionnaire-api";

const asOutcome = (result: SubmissionResult): SubmitOutcome =>
  result.ok
    ? { ok: true }
    : "errors" in result
      ? { ok: false, errors: result.errors }
      : { ok: false, message: result.message };

export async function submitAnswersAfterBooking(input: {
  bookingUid: string;
  eventTypeId: number;
  versionId: string;
  answers: Record<string, unknown>;
}): Promise<SubmitOutcome> {
  return asOutcome(await submitBookingAnswers(input));
}

export async function submitAnswersWithLink(input: {
  token: string;
  versionId: string;
  answers: Record<string, unknown>;
}): Promise<SubmitOutcome> {
  return asOutcome(await submitAnswerLaterAnswers(input));
}

/** The private link's path for a booking just confirmed, or null when none could be issued. */
export async function answerLaterPath(input: { bookingUid: string; eventTypeId: number }): Promise<string | null> {
  const token = await issueAnswerLaterToken(input);
  return token ? `/questionnaires/answer/${encodeURIComponent(token)}` : null;
}
