// The one evaluator: given a (validated) definition and answers, which questions a visitor is asked and
// whether the answers may be accepted. The browser shows and hides with it; the server re-runs it on
// every submission and refuses whatever it reports.
import { checkAnswer } from "./answer-check.js";
import { conditionHolds } from "./condition-evaluation.js";
import type { AnswerValue, Answers, QuestionnaireDefinition } from "./definition-schema.js";

export type AnswerErrorCode = "unknownQuestion" | "unreachable" | "required" | "invalid";

/** One refused answer, named by its question so a form can show the message beside it. */
export interface AnswerError {
  questionId: string;
  code: AnswerErrorCode;
  message: string;
}

export type Verdict = { ok: true; answers: Answers } | { ok: false; errors: AnswerError[] };

export interface Evaluation {
  /** The questions asked, in order (information blocks included). */
  reachable: string[];
  verdict: Verdict;
}

/**
 * Walks the questions in order. A question (or its section) is asked when its condition holds on the
 * answers of questions asked before it; an answer that is invalid, or belongs to a question not asked,
 * counts as no answer, so a stale value left in a hidden field opens no branch. `endHere` on an asked
 * question stops the walk.
 */
export function reachableQuestions(definition: QuestionnaireDefinition, answers: Readonly<Record<string, unknown>>) {
  const reachable: string[] = [];
  const counted = new Map<string, AnswerValue>();
  for (const section of definition.sections) {
    if (section.condition && !conditionHolds(section.condition, counted)) continue;
    for (const question of section.questions) {
      if (question.condition && !conditionHolds(question.condition, counted)) continue;
      reachable.push(question.id);
      if (question.type !== "info" && Object.hasOwn(answers, question.id)) {
        const check = checkAnswer(question, answers[question.id]);
        if (check.ok) counted.set(question.id, check.value);
      }
      if (question.endHere) return reachable;
    }
  }
  return reachable;
}

export function evaluate(definition: QuestionnaireDefinition, answers: Readonly<Record<string, unknown>>): Evaluation {
  const reachable = reachableQuestions(definition, answers);
  const asked = new Set(reachable);
  const errors: AnswerError[] = [];
  const accepted: Answers = {};
  const byId = new Map(definition.sections.flatMap((section) => section.questions.map((q) => [q.id, q] as const)));

  for (const [id, question] of byId) {
    const given = Object.hasOwn(answers, id) && answers[id] !== undefined;
    if (!asked.has(id)) {
      if (given)
        errors.push({ questionId: id, code: "unreachable", message: `"${id}" was not asked, so it takes no answer` });
      continue;
    }
    if (question.type === "info") {
      if (given)
        errors.push({ questionId: id, code: "invalid", message: `"${id}" is information and takes no answer` });
      continue;
    }
    if (!given) {
      if (question.required) errors.push({ questionId: id, code: "required", message: `"${id}" is required` });
      continue;
    }
    const check = checkAnswer(question, answers[id]);
    if (check.ok) accepted[id] = check.value;
    else errors.push({ questionId: id, code: "invalid", message: `"${id}": ${check.message}` });
  }
  for (const id of Object.keys(answers)) {
    if (!byId.has(id) && answers[id] !== undefined) {
      errors.push({
        questionId: id,
        code: "unknownQuestion",
        message: `"${id}" is not a question of this questionnaire`,
      });
    }
  }
  return { reachable, verdict: errors.length === 0 ? { ok: true, answers: accepted } : { ok: false, errors } };
}
