// Reads the api's refusal of a submission (400) into errors named by question, so the form can put each
// one beside its question. The api answers `{ error: { code, message, questions?: [{ questionId, code,
// message }] } }`; a refusal without named questions becomes one message for the whole form.
import type { AnswerError, AnswerErrorCode } from "@churchhub/questionnaire";
import { z } from "zod";

const namedError = z.object({
  questionId: z.string(),
  code: z.string(),
  message: z.string(),
});

const refusalBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    questions: z.array(namedError).optional(),
  }),
});

const knownCodes = new Set<AnswerErrorCode>(["unknownQuestion", "unreachable", "required", "invalid"]);

export type Refusal = { errors: AnswerError[] } | { message: string };

export function readRefusal(body: unknown): Refusal {
  const parsed = refusalBody.safeParse(body);
  if (!parsed.success) return { message: "Your answers could not be accepted. Please try again." };
  const questions = parsed.data.error.questions ?? [];
  if (questions.length === 0) return { message: parsed.data.error.message };
  return {
    errors: questions.map((question) => ({
      questionId: question.questionId,
      code: knownCodes.has(question.code as AnswerErrorCode) ? (question.code as AnswerErrorCode) : "invalid",
      message: question.message,
    })),
  };
}
