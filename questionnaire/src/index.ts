export {
  type AnswerableQuestion,
  type Answers,
  type AnswerValue,
  type Choice,
  type Comparison,
  type Condition,
  type ConditionValue,
  conditionSchema,
  type Question,
  type QuestionnaireDefinition,
  type QuestionType,
  questionnaireDefinitionSchema,
  questionSchema,
  questionsInOrder,
  type Section,
} from "./definition-schema.js";
export { checkAnswer, DEFAULT_LONG_TEXT_LENGTH, DEFAULT_SHORT_TEXT_LENGTH, isCalendarDate } from "./answer-check.js";
export { conditionHolds, referencedQuestions } from "./condition-evaluation.js";
export {
  type AnswerError,
  type AnswerErrorCode,
  type Evaluation,
  evaluate,
  reachableQuestions,
  type Verdict,
} from "./evaluate.js";
export { type DefinitionProblem, type DefinitionValidation, validateDefinition } from "./validate-definition.js";
export { type FieldValue, type FormState, type FormValues, fieldAnswer, formState } from "./form-state.js";
