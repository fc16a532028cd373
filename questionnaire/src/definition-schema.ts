// The shape of a questionnaire definition (zod schema and its TypeScript types): sections of questions,
// each optionally shown only when a typed condition on earlier answers holds.
import { z } from "zod";

/** Ids appear in markup (data-question-id) and in answers; kept to a plain, stable alphabet. */
export const questionIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,62}$/, "an id is 1-63 lower-case letters, digits, '-' or '_', starting with a letter");

const labelSchema = z.string().trim().min(1, "a label is required").max(500);
const helpTextSchema = z.string().max(2000).optional();

/** A value a condition compares an answer with. */
export const conditionValueSchema = z.union([
  z.string().min(1, "a condition needs a value to compare with").max(500),
  z.number(),
  z.boolean(),
]);
export type ConditionValue = z.infer<typeof conditionValueSchema>;

export type Comparison =
  | { question: string; op: "equals" | "notEquals"; value: ConditionValue }
  | { question: string; op: "anyOf"; values: ConditionValue[] }
  | { question: string; op: "contains"; value: string }
  | { question: string; op: "lessThan" | "greaterThan"; value: number | string };

/** `all: []` holds (nothing to fail); `any: []` never holds. */
export type Condition = Comparison | { all: Condition[] } | { any: Condition[] };

const comparisonSchema = z.discriminatedUnion("op", [
  z.strictObject({ question: questionIdSchema, op: z.enum(["equals", "notEquals"]), value: conditionValueSchema }),
  z.strictObject({ question: questionIdSchema, op: z.literal("anyOf"), values: z.array(conditionValueSchema).min(1) }),
  z.strictObject({
    question: questionIdSchema,
    op: z.literal("contains"),
    value: z.string().min(1, "a condition needs a value to compare with").max(500),
  }),
  z.strictObject({
    question: questionIdSchema,
    op: z.enum(["lessThan", "greaterThan"]),
    value: z.union([z.number(), z.string().max(10)]),
  }),
]);

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    comparisonSchema,
    z.strictObject({ all: z.array(conditionSchema).max(50) }),
    z.strictObject({ any: z.array(conditionSchema).max(50) }),
  ]),
);

const choiceSchema = z.strictObject({
  value: z.string().trim().min(1, "a choice value is required").max(100),
  label: labelSchema,
});
export type Choice = z.infer<typeof choiceSchema>;

/** Fields every question has. `endHere`: when this question is shown, nothing after it is asked. */
const questionBase = {
  id: questionIdSchema,
  label: labelSchema,
  helpText: helpTextSchema,
  condition: conditionSchema.optional(),
  endHere: z.boolean().optional(),
};
const answerable = { ...questionBase, required: z.boolean() };

export const questionSchema = z.discriminatedUnion("type", [
  z.strictObject({ ...answerable, type: z.literal("shortText"), maxLength: z.int().min(1).max(500).optional() }),
  z.strictObject({ ...answerable, type: z.literal("longText"), maxLength: z.int().min(1).max(10_000).optional() }),
  z.strictObject({ ...answerable, type: z.literal("singleChoice"), choices: z.array(choiceSchema).min(1).max(100) }),
  z.strictObject({ ...answerable, type: z.literal("multipleChoice"), choices: z.array(choiceSchema).min(1).max(100) }),
  z.strictObject({ ...answerable, type: z.literal("yesNo") }),
  z.strictObject({
    ...answerable,
    type: z.literal("number"),
    min: z.number().optional(),
    max: z.number().optional(),
    integer: z.boolean().optional(),
  }),
  z.strictObject({ ...answerable, type: z.literal("date") }),
  z.strictObject({
    ...answerable,
    type: z.literal("scale"),
    min: z.int().min(-100).max(100),
    max: z.int().min(-100).max(100),
    minLabel: z.string().max(100).optional(),
    maxLabel: z.string().max(100).optional(),
  }),
  // A consent checkbox: its label is the statement agreed to; the only answer is `true` (ticked).
  z.strictObject({ ...answerable, type: z.literal("consent") }),
  // Text for the visitor to read; it takes no answer and cannot be referenced by a condition.
  z.strictObject({ ...questionBase, type: z.literal("info") }),
]);
export type Question = z.infer<typeof questionSchema>;
export type QuestionType = Question["type"];
export type AnswerableQuestion = Exclude<Question, { type: "info" }>;

export const sectionSchema = z.strictObject({
  id: questionIdSchema,
  title: z.string().max(200).optional(),
  condition: conditionSchema.optional(),
  questions: z.array(questionSchema).max(200),
});
export type Section = z.infer<typeof sectionSchema>;

export const questionnaireDefinitionSchema = z.strictObject({
  title: labelSchema,
  description: z.string().max(4000).optional(),
  sections: z.array(sectionSchema).min(1, "a questionnaire has at least one section").max(50),
});
export type QuestionnaireDefinition = z.infer<typeof questionnaireDefinitionSchema>;

/** What a visitor may answer: text, a choice value, choice values, yes/no or ticked, a number. */
export type AnswerValue = string | number | boolean | string[];
export type Answers = Record<string, AnswerValue>;

/** Every question of a definition in the order a visitor meets them. */
export function questionsInOrder(definition: QuestionnaireDefinition): Question[] {
  return definition.sections.flatMap((section) => section.questions);
}
