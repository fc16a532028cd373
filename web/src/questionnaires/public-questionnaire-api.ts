// The web server's calls to the api's public questionnaire endpoints (tag `questionnaires`), with its own
// bearer token: the questionnaire attached to an event type, a submission just after booking (by the
// booking's uid), the private answer-later link, and answering with that link. Server-only.
import "server-only";
import { questionnaireDefinitionSchema } from "@churchhub/questionnaire";
import { z } from "zod";
import { callWebServerApi } from "../config/web-server-api";
import { type Refusal, readRefusal } from "./answer-refusal";

const attachedQuestionnaireSchema = z.object({
  versionId: z.string(),
  required: z.boolean(),
  definition: questionnaireDefinitionSchema,
});

/** What a visitor of an event type answers: the newest published version, required or optional. */
export type AttachedQuestionnaire = z.infer<typeof attachedQuestionnaireSchema>;

const answerLaterSchema = z.object({
  versionId: z.string(),
  definition: questionnaireDefinitionSchema,
  eventTitle: z.string().nullable().optional(),
  startTime: z.string().nullable().optional(),
});
export type AnswerLaterQuestionnaire = z.infer<typeof answerLaterSchema>;

export type SubmissionResult = { ok: true } | ({ ok: false } & Refusal);

/** Null when nothing (published) is attached to the event type. */
export async function fetchEventTypeQuestionnaire(eventTypeId: number): Promise<AttachedQuestionnaire | null> {
  const response = await callWebServerApi(`/questionnaires/event-types/${eventTypeId}`);
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`questionnaire for event type ${eventTypeId}: HTTP ${response.status}`);
  return attachedQuestionnaireSchema.parse(await response.json());
}

async function submission(response: Response): Promise<SubmissionResult> {
  if (response.ok) return { ok: true };
  if (response.status >= 400 && response.status < 500) {
    return { ok: false, ...readRefusal(await response.json().catch(() => undefined)) };
  }
  return { ok: false, message: "Your answers could not be saved just now. Please try again in a moment." };
}

export async function submitBookingAnswers(input: {
  bookingUid: string;
  eventTypeId: number;
  versionId: string;
  answers: Record<string, unknown>;
}): Promise<SubmissionResult> {
  return submission(await callWebServerApi("/questionnaires/responses", { method: "POST", body: input }));
}

/** The private link's token for a booking just made (null when it was issued already). */
export async function issueAnswerLaterToken(input: {
  bookingUid: string;
  eventTypeId: number;
}): Promise<string | null> {
  const response = await callWebServerApi("/questionnaires/answer-later-links", { method: "POST", body: input });
  if (!response.ok) return null;
  const body = z.object({ token: z.string() }).safeParse(await response.json().catch(() => undefined));
  return body.success ? body.data.token : null;
}

/** The questionnaire a private link opens, or why it does not (unknown, used, expired). */
export async function fetchAnswerLaterQuestionnaire(
  token: string,
): Promise<{ ok: true; questionnaire: AnswerLaterQuestionnaire } | { ok: false; message: string }> {
  const response = await callWebServerApi(`/questionnaires/answer-later/${encodeURIComponent(token)}`);
  if (response.ok) return { ok: true, questionnaire: answerLaterSchema.parse(await response.json()) };
  if (response.status >= 400 && response.status < 500) {
    const refusal = readRefusal(await response.json().catch(() => undefined));
    return { ok: false, message: "message" in refusal ? refusal.message : "This link cannot be used." };
  }
  throw new Error(`answer-later link: HTTP ${response.status}`);
}

export async function submitAnswerLaterAnswers(input: {
  token: string;
  versionId: string;
  answers: Record<string, unknown>;
}): Promise<SubmissionResult> {
  return submission(
    await callWebServerApi(`/questionnaires/answer-later/${encodeURIComponent(input.token)}`, {
      method: "POST",
      body: { versionId: input.versionId, answers: input.answers },
    }),
  );
}
