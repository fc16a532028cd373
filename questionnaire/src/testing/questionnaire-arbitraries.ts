// fast-check generators for property tests: valid definitions with random branching, valid answers,
// and raw form field values (blank, junk or sensible) for the browser side. For tests only.
import fc from "fast-check";
import type {
  AnswerableQuestion,
  AnswerValue,
  Comparison,
  Condition,
  Question,
  QuestionnaireDefinition,
  Section,
} from "../definition-schema.js";
import type { FieldValue } from "../form-state.js";

const words = ["grief", "Grief", "a", "yes", "family", "x y"];
const dates = ["2001-01-01", "2026-06-15", "2026-12-02", "2039-12-31"];
const questionTypes = [
  "shortText",
  "longText",
  "singleChoice",
  "multipleChoice",
  "yesNo",
  "number",
  "date",
  "scale",
  "consent",
  "info",
] as const;

/** Random numbers from which one question (and maybe a section break before it) is built. */
interface QuestionBlueprint {
  type: number;
  required: boolean;
  endHere: boolean;
  conditionSeeds: number[];
  groupKind: number;
  choiceCount: number;
  range: number;
  newSection: boolean;
  sectionConditionSeeds: number[];
}

const blueprintArbitrary: fc.Arbitrary<QuestionBlueprint> = fc.record({
  type: fc.nat({ max: questionTypes.length - 1 }),
  required: fc.boolean(),
  endHere: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  conditionSeeds: fc.array(fc.nat(), { maxLength: 3 }),
  groupKind: fc.nat({ max: 1 }),
  choiceCount: fc.integer({ min: 1, max: 4 }),
  range: fc.nat({ max: 3 }),
  newSection: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
  sectionConditionSeeds: fc.array(fc.nat(), { maxLength: 2 }),
});

function pick<T>(items: readonly T[], seed: number): T {
  return items[seed % items.length] as T;
}

function comparisonOn(target: AnswerableQuestion, seed: number): Comparison {
  const variant = Math.floor(seed / 7);
  const question = target.id;
  switch (target.type) {
    case "shortText":
    case "longText": {
      const op = pick(["equals", "notEquals", "anyOf", "contains"] as const, seed);
      if (op === "anyOf") return { question, op, values: [pick(words, variant), pick(words, variant + 1)] };
      return { question, op, value: pick(words, variant) };
    }
    case "singleChoice": {
      const values = target.choices.map((choice) => choice.value);
      const op = pick(["equals", "notEquals", "anyOf"] as const, seed);
      if (op === "anyOf") return { question, op, values: [pick(values, variant)] };
      return { question, op, value: pick(values, variant) };
    }
    case "multipleChoice": {
      const values = target.choices.map((choice) => choice.value);
      const op = pick(["contains", "anyOf"] as const, seed);
      if (op === "anyOf") return { question, op, values: [pick(values, variant), pick(values, variant + 1)] };
      return { question, op, value: pick(values, variant) };
    }
    case "yesNo":
    case "consent":
      return { question, op: pick(["equals", "notEquals"] as const, seed), value: variant % 2 === 0 };
    case "number":
    case "scale": {
      const op = pick(["equals", "notEquals", "anyOf", "lessThan", "greaterThan"] as const, seed);
      const value = (variant % 7) - 1;
      if (op === "anyOf") return { question, op, values: [value, value + 2] };
      return { question, op, value };
    }
    case "date": {
      const op = pick(["equals", "notEquals", "lessThan", "greaterThan"] as const, seed);
      return { question, op, value: pick(dates, variant) };
    }
  }
}

function conditionFrom(seeds: number[], earlier: AnswerableQuestion[], groupKind: number): Condition | undefined {
  if (seeds.length === 0 || earlier.length === 0) return undefined;
  const comparisons = seeds.map((seed) => comparisonOn(pick(earlier, seed >> 3), seed));
  if (comparisons.length === 1) return comparisons[0];
  return groupKind === 0 ? { all: comparisons } : { any: comparisons };
}

function questionFrom(blueprint: QuestionBlueprint, id: string, earlier: AnswerableQuestion[]): Question {
  const type = pick(questionTypes, blueprint.type);
  const condition = conditionFrom(blueprint.conditionSeeds, earlier, blueprint.groupKind);
  const base = {
    id,
    label: `Question ${id}`,
    ...(condition ? { condition } : {}),
    ...(blueprint.endHere ? { endHere: true } : {}),
  };
  const choices = Array.from({ length: blueprint.choiceCount }, (_, index) => ({
    value: `c${index}`,
    label: `Choice ${index}`,
  }));
  switch (type) {
    case "info":
      return { ...base, type };
    case "singleChoice":
    case "multipleChoice":
      return { ...base, type, required: blueprint.required, choices };
    case "number":
      return blueprint.range === 0
        ? { ...base, type, required: blueprint.required }
        : {
            ...base,
            type,
            required: blueprint.required,
            min: -blueprint.range,
            max: blueprint.range * 2,
            integer: blueprint.range === 1,
          };
    case "scale":
      return { ...base, type, required: blueprint.required, min: blueprint.range % 2, max: 3 + blueprint.range };
    case "shortText":
      return { ...base, type, required: blueprint.required, maxLength: 12 };
    default:
      return { ...base, type, required: blueprint.required };
  }
}

/** A definition that passes `validateDefinition`: conditions read only earlier answerable questions. */
export function definitionFrom(blueprints: QuestionBlueprint[]): QuestionnaireDefinition {
  const sections: Section[] = [];
  const answerable: AnswerableQuestion[] = [];
  blueprints.forEach((blueprint, index) => {
    if (sections.length === 0 || blueprint.newSection) {
      const condition = conditionFrom(blueprint.sectionConditionSeeds, answerable, blueprint.groupKind);
      sections.push({ id: `s${sections.length}`, questions: [], ...(condition ? { condition } : {}) });
    }
    const question = questionFrom(blueprint, `q${index}`, answerable);
    sections[sections.length - 1]?.questions.push(question);
    if (question.type !== "info") answerable.push(question);
  });
  return { title: "Generated", sections };
}

export const definitionArbitrary: fc.Arbitrary<QuestionnaireDefinition> = fc
  .array(blueprintArbitrary, { minLength: 1, maxLength: 12 })
  .map(definitionFrom);

/** An answer `checkAnswer` accepts for this question. */
export function validAnswerArbitrary(question: AnswerableQuestion): fc.Arbitrary<AnswerValue> {
  switch (question.type) {
    case "shortText":
    case "longText":
      return fc.oneof(
        fc.constantFrom(...words),
        fc.string({ minLength: 1, maxLength: 12 }).filter((text) => text.trim() !== ""),
      );
    case "singleChoice":
      return fc.constantFrom(...question.choices.map((choice) => choice.value));
    case "multipleChoice":
      return fc.subarray(
        question.choices.map((choice) => choice.value),
        { minLength: 1 },
      );
    case "yesNo":
      return fc.boolean();
    case "consent":
      return fc.constant(true);
    case "number": {
      const min = question.min ?? -1000;
      const max = question.max ?? 1000;
      return question.integer
        ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
        : fc.oneof(fc.integer({ min: Math.ceil(min), max: Math.floor(max) }), fc.double({ min, max, noNaN: true }));
    }
    case "scale":
      return fc.integer({ min: question.min, max: question.max });
    case "date":
      return fc.oneof(
        fc.constantFrom(...dates),
        fc
          .date({ min: new Date("1900-01-01"), max: new Date("2100-01-01"), noInvalidDate: true })
          .map((date) => date.toISOString().slice(0, 10)),
      );
  }
}

/** Something a client might send that is wrong for most questions. */
export const strayAnswerArbitrary: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom("", "  ", "c9", "2026-02-30", "yes", 1e9, -1e9, 0.5, true, false, null, [], ["c0", "c0"], {}),
  fc.string({ maxLength: 30 }),
  fc.integer(),
);

/** What a visitor may leave in a field: blank, sensible, or junk. */
export function fieldValueArbitrary(question: Question): fc.Arbitrary<FieldValue | undefined> {
  const blank = fc.constantFrom(undefined, "");
  switch (question.type) {
    case "info":
      return fc.constant(undefined);
    case "multipleChoice":
      return fc.subarray(question.choices.map((choice) => choice.value));
    case "consent":
      return fc.boolean();
    case "yesNo":
      return fc.constantFrom(undefined, "", "yes", "no");
    case "number":
    case "scale":
      return fc.oneof(
        blank,
        fc.integer({ min: -5, max: 10 }).map(String),
        fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
        fc.constantFrom(" 3 ", "abc", "1e400", "-0", ".5", "1.", "0x10"),
      );
    default:
      return fc.oneof(
        blank,
        fc.constant("   "),
        validAnswerArbitrary(question).map(String),
        fc.string({ maxLength: 14 }),
      );
  }
}
