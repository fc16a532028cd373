// The server's half of "one evaluator for browser and server": every submission is re-run through the
// evaluator; any refusal is a 400 that names each question and why (unreachable, required, invalid).
import { evaluate, type Answers, type QuestionnaireDefinition } from "@churchhub/questionnaire";
import { HttpError } from "../http/http-errors.js";

/** The accepted answers, or a 400 naming every refused question (ids only: never the answer itself). */
export function acceptedAnswers(definition: QuestionnaireDefinition, answers: Record<string, unknown>): Answers {
  const { verdict } = evaluate(definition, answers);
  if (verdict.ok) return verdict.answers;
  const questions = verdict.errors.map((error) => ({
    questionId: error.questionId,
    code: error.code,
    message: error.message,
  }));
  const named = questions
    .slice(0, 5)
    .map((question) => question.message)
    .join("; ");
  throw new HttpError(400, "answers_refused", `answers: ${named}`, {}, { questions });
}
