// The browser's side of a questionnaire: turns what the form's fields hold into the answers it submits,
// and says which questions to show. It runs the same evaluator as the server, so what the form shows and
// collects is what the server accepts or refuses.
import type { AnswerValue, QuestionnaireDefinition, Question } from "./definition-schema.js";
import { questionsInOrder } from "./definition-schema.js";
import { type Evaluation, evaluate } from "./evaluate.js";

/**
 * What a field holds: text inputs, number and date inputs, radio groups (yes/no as "yes"/"no") hold text,
 * checkbox groups a list, a consent checkbox whether it is ticked.
 */
export type FieldValue = string | string[] | boolean;
export type FormValues = Record<string, FieldValue | undefined>;

const numberText = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The answer a field gives, or undefined when it is left blank (a blank field is not an answer). */
export function fieldAnswer(question: Question, field: FieldValue | undefined): AnswerValue | undefined {
  if (field === undefined || question.type === "info") return undefined;
  switch (question.type) {
    case "multipleChoice":
      return Array.isArray(field) && field.length > 0 ? field : undefined;
    case "consent":
      return field === true ? true : undefined;
    case "yesNo":
      return field === "yes" ? true : field === "no" ? false : undefined;
    default: {
      if (typeof field !== "string" || field.trim() === "") return undefined;
      if (question.type === "number" || question.type === "scale") {
        const text = field.trim();
        // Text that is not a number is passed on as text, for the evaluator to refuse beside the field.
        // "-0" becomes 0, as JSON would make it on the way to the server.
        return numberText.test(text) ? Number(text) + 0 : text;
      }
      return field;
    }
  }
}

export interface FormState {
  /** Questions to show, in order. */
  visible: string[];
  /** What the form submits: answers of shown questions only, blanks left out. */
  answers: Record<string, AnswerValue>;
  /** The evaluator's verdict on exactly those answers. */
  evaluation: Evaluation;
}

export function formState(definition: QuestionnaireDefinition, values: FormValues): FormState {
  const given: Record<string, AnswerValue> = {};
  for (const question of questionsInOrder(definition)) {
    const answer = fieldAnswer(question, values[question.id]);
    if (answer !== undefined) given[question.id] = answer;
  }
  // Hidden fields may still hold what was typed before a branch closed; they are not submitted.
  const shown = new Set(evaluate(definition, given).reachable);
  const answers = Object.fromEntries(Object.entries(given).filter(([id]) => shown.has(id)));
  const evaluation = evaluate(definition, answers);
  return { visible: evaluation.reachable, answers, evaluation };
}
