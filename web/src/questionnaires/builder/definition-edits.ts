// The builder's edits as pure functions on a definition: add, change, move and remove questions and
// sections, and the comparisons a condition may make on a question of each type. The builder component
// only keeps state and calls these.
import type {
  Comparison,
  Condition,
  Question,
  QuestionnaireDefinition,
  QuestionType,
  Section,
} from "@churchhub/questionnaire";

export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = {
  shortText: "Short text",
  longText: "Long text",
  singleChoice: "Single choice",
  multipleChoice: "Multiple choice",
  yesNo: "Yes / no",
  number: "Number",
  date: "Date",
  scale: "Scale",
  consent: "Consent checkbox",
  info: "Information block",
};

export const OPERATOR_LABELS: Record<Comparison["op"], string> = {
  equals: "is",
  notEquals: "is not",
  anyOf: "is any of",
  contains: "contains",
  lessThan: "is less than / before",
  greaterThan: "is greater than / after",
};

/** The comparisons that suit a question of this type (validateDefinition accepts exactly these). */
export function operatorsFor(type: QuestionType): Comparison["op"][] {
  switch (type) {
    case "shortText":
    case "longText":
      return ["equals", "notEquals", "anyOf", "contains"];
    case "singleChoice":
      return ["equals", "notEquals", "anyOf"];
    case "multipleChoice":
      return ["contains", "anyOf"];
    case "yesNo":
    case "consent":
      return ["equals", "notEquals"];
    case "number":
    case "scale":
      return ["equals", "notEquals", "anyOf", "lessThan", "greaterThan"];
    case "date":
      return ["equals", "notEquals", "lessThan", "greaterThan"];
    case "info":
      return [];
  }
}

/** An id not used yet in the definition: `<prefix>-<n>`. */
export function freshId(definition: QuestionnaireDefinition, prefix: string): string {
  const used = new Set(definition.sections.flatMap((section) => [section.id, ...section.questions.map((q) => q.id)]));
  for (let n = 1; ; n++) if (!used.has(`${prefix}-${n}`)) return `${prefix}-${n}`;
}

/** A new question of a type, with what that type needs to be valid. */
export function newQuestion(type: QuestionType, id: string): Question {
  const base = { id, label: "New question" };
  switch (type) {
    case "info":
      return { ...base, type, label: "Information for the visitor" };
    case "singleChoice":
    case "multipleChoice":
      return {
        ...base,
        type,
        required: false,
        choices: [
          { value: "first", label: "First choice" },
          { value: "second", label: "Second choice" },
        ],
      };
    case "scale":
      return { ...base, type, required: false, min: 1, max: 5 };
    default:
      return { ...base, type, required: false };
  }
}

/** Changes a question's type, keeping its id, label, help text, condition and end-here. */
export function changeType(question: Question, type: QuestionType): Question {
  const kept = {
    label: question.label,
    ...(question.helpText ? { helpText: question.helpText } : {}),
    ...(question.condition ? { condition: question.condition } : {}),
    ...(question.endHere ? { endHere: true } : {}),
  };
  const fresh = newQuestion(type, question.id);
  const required = question.type !== "info" && fresh.type !== "info" ? { required: question.required } : {};
  return { ...fresh, ...kept, ...required } as Question;
}

export const emptyDefinition = (title: string): QuestionnaireDefinition => ({
  title,
  sections: [{ id: "section-1", questions: [newQuestion("shortText", "question-1")] }],
});

type SectionEdit = (section: Section) => Section;

export function editSection(definition: QuestionnaireDefinition, index: number, edit: SectionEdit) {
  return { ...definition, sections: definition.sections.map((section, i) => (i === index ? edit(section) : section)) };
}

export function editQuestion(
  definition: QuestionnaireDefinition,
  sectionIndex: number,
  questionIndex: number,
  edit: (question: Question) => Question,
): QuestionnaireDefinition {
  return editSection(definition, sectionIndex, (section) => ({
    ...section,
    questions: section.questions.map((question, i) => (i === questionIndex ? edit(question) : question)),
  }));
}

function swap<T>(items: readonly T[], index: number, offset: -1 | 1): T[] {
  const target = index + offset;
  if (target < 0 || target >= items.length) return [...items];
  const copy = [...items];
  [copy[index], copy[target]] = [copy[target] as T, copy[index] as T];
  return copy;
}

/** Moves a question up or down within its section, or across into the neighbouring section. */
export function moveQuestion(
  definition: QuestionnaireDefinition,
  sectionIndex: number,
  questionIndex: number,
  offset: -1 | 1,
): QuestionnaireDefinition {
  const section = definition.sections[sectionIndex];
  if (!section) return definition;
  const target = questionIndex + offset;
  if (target >= 0 && target < section.questions.length) {
    return editSection(definition, sectionIndex, (s) => ({
      ...s,
      questions: swap(s.questions, questionIndex, offset),
    }));
  }
  const neighbourIndex = sectionIndex + offset;
  const question = section.questions[questionIndex];
  if (!question || !definition.sections[neighbourIndex]) return definition;
  const removed = editSection(definition, sectionIndex, (s) => ({
    ...s,
    questions: s.questions.filter((_, i) => i !== questionIndex),
  }));
  return editSection(removed, neighbourIndex, (s) => ({
    ...s,
    questions: offset === 1 ? [question, ...s.questions] : [...s.questions, question],
  }));
}

export function moveSection(definition: QuestionnaireDefinition, index: number, offset: -1 | 1) {
  return { ...definition, sections: swap(definition.sections, index, offset) };
}

export function removeQuestion(definition: QuestionnaireDefinition, sectionIndex: number, questionIndex: number) {
  return editSection(definition, sectionIndex, (section) => ({
    ...section,
    questions: section.questions.filter((_, i) => i !== questionIndex),
  }));
}

export function removeSection(definition: QuestionnaireDefinition, index: number) {
  return { ...definition, sections: definition.sections.filter((_, i) => i !== index) };
}

/**
 * The builder edits a condition as one group of comparisons (all or any). A definition saved elsewhere
 * may nest groups; the builder then shows it as it is and offers to replace it.
 */
export interface FlatCondition {
  mode: "all" | "any";
  comparisons: Comparison[];
}

export function flatten(condition: Condition | undefined): FlatCondition | "nested" | undefined {
  if (!condition) return undefined;
  if (!("all" in condition) && !("any" in condition)) return { mode: "all", comparisons: [condition] };
  const parts = "all" in condition ? condition.all : condition.any;
  if (parts.some((part) => "all" in part || "any" in part)) return "nested";
  return { mode: "all" in condition ? "all" : "any", comparisons: parts as Comparison[] };
}

export function unflatten(flat: FlatCondition): Condition | undefined {
  if (flat.comparisons.length === 0) return undefined;
  if (flat.comparisons.length === 1) return flat.comparisons[0];
  return flat.mode === "all" ? { all: flat.comparisons } : { any: flat.comparisons };
}

/** A first comparison on a question: the first operator that suits it, with a sensible value. */
export function defaultComparison(question: Question): Comparison | undefined {
  const op = operatorsFor(question.type)[0];
  if (!op) return undefined;
  return withOperator({ question: question.id, op: "equals", value: "" }, op, question);
}

/** A comparison moved to another operator, its value kept where it still fits. */
export function withOperator(comparison: Comparison, op: Comparison["op"], question: Question): Comparison {
  const current = comparison.op === "anyOf" ? comparison.values[0] : comparison.value;
  const fallback = (() => {
    switch (question.type) {
      case "singleChoice":
      case "multipleChoice":
        return question.choices[0]?.value ?? "";
      case "yesNo":
      case "consent":
        return true;
      case "number":
      case "scale":
        return typeof current === "number" ? current : 0;
      default:
        return typeof current === "string" ? current : "";
    }
  })();
  const value = typeof current === typeof fallback && current !== "" ? current : fallback;
  const id = question.id;
  if (op === "anyOf") return { question: id, op, values: [value as string | number | boolean] };
  if (op === "contains") return { question: id, op, value: String(value) };
  if (op === "lessThan" || op === "greaterThan") {
    return { question: id, op, value: typeof value === "number" || typeof value === "string" ? value : 0 };
  }
  return { question: id, op, value: value as string | number | boolean };
}
