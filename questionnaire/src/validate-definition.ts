// Checks a definition when staff save it: the schema first, then what a schema cannot say (unique ids,
// unique choice values, ranges, and conditions that only read earlier, answerable questions with a
// comparison that suits their type). Every problem names where it is and what is wrong.
import { isCalendarDate } from "./answer-check.js";
import { referencedQuestions } from "./condition-evaluation.js";
import {
  type Comparison,
  type Condition,
  type Question,
  type QuestionnaireDefinition,
  questionnaireDefinitionSchema,
} from "./definition-schema.js";

export interface DefinitionProblem {
  /** Where, e.g. `sections[0].questions[2].condition`. */
  path: string;
  /** The question or section the problem belongs to, when there is one. */
  subjectId?: string;
  message: string;
}

export type DefinitionValidation =
  | { ok: true; definition: QuestionnaireDefinition }
  | { ok: false; problems: DefinitionProblem[] };

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) => (typeof part === "number" ? `[${part}]` : `${index === 0 ? "" : "."}${String(part)}`))
    .join("");
}

function describe(value: unknown): string {
  return JSON.stringify(value);
}

/** Whether a comparison suits the type of the question it reads; a message saying why not. */
function comparisonProblem(comparison: Comparison, target: Question): string | undefined {
  const name = `"${target.id}" (${target.type})`;
  const values = comparison.op === "anyOf" ? comparison.values : [comparison.value];
  const allOf = (test: (value: unknown) => boolean) => values.every(test);
  const choiceValues = "choices" in target ? new Set(target.choices.map((choice) => choice.value)) : undefined;
  switch (target.type) {
    case "info":
      return `${name} is an information block and has no answer to compare`;
    case "shortText":
    case "longText":
      if (comparison.op === "lessThan" || comparison.op === "greaterThan")
        return `${name} is text: use equals, not equals, any of or contains`;
      return allOf((value) => typeof value === "string") ? undefined : `${name} is text: compare it with text`;
    case "singleChoice":
    case "multipleChoice": {
      const allowed = target.type === "singleChoice" ? ["equals", "notEquals", "anyOf"] : ["contains", "anyOf"];
      if (!allowed.includes(comparison.op)) return `${name} takes ${allowed.join(", ")}, not ${comparison.op}`;
      const unknown = values.find((value) => typeof value !== "string" || !choiceValues?.has(value));
      return unknown === undefined ? undefined : `${describe(unknown)} is not a choice value of ${name}`;
    }
    case "yesNo":
    case "consent":
      if (comparison.op !== "equals" && comparison.op !== "notEquals") return `${name} takes equals or not equals`;
      return allOf((value) => typeof value === "boolean") ? undefined : `${name} is compared with true or false`;
    case "number":
    case "scale":
      if (comparison.op === "contains") return `${name} is a number: contains does not apply`;
      return allOf((value) => typeof value === "number") ? undefined : `${name} is compared with numbers`;
    case "date":
      if (comparison.op === "contains" || comparison.op === "anyOf")
        return `${name} is a date: use equals, not equals, before (less than) or after (greater than)`;
      return allOf((value) => typeof value === "string" && isCalendarDate(value))
        ? undefined
        : `${name} is compared with a date written YYYY-MM-DD`;
  }
}

function comparisonsOf(condition: Condition): Comparison[] {
  if ("all" in condition) return condition.all.flatMap(comparisonsOf);
  if ("any" in condition) return condition.any.flatMap(comparisonsOf);
  return [condition];
}

function questionRangeProblem(question: Question): string | undefined {
  if (
    (question.type === "number" || question.type === "scale") &&
    question.min !== undefined &&
    question.max !== undefined
  ) {
    if (question.min > question.max)
      return `"${question.id}": the minimum ${question.min} is above the maximum ${question.max}`;
    if (question.type === "scale" && question.max - question.min > 20)
      return `"${question.id}": a scale has at most 21 points`;
  }
  if (question.type === "singleChoice" || question.type === "multipleChoice") {
    const seen = new Set<string>();
    for (const choice of question.choices) {
      if (seen.has(choice.value)) return `"${question.id}": the choice value "${choice.value}" appears twice`;
      seen.add(choice.value);
    }
  }
  return undefined;
}

/** Finds a cycle among conditions (A's condition reads B, B's reads A); returns it as a list of ids. */
function findCycle(dependsOn: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  const state = new Map<string, "visiting" | "done">();
  const trail: string[] = [];
  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === "done") return undefined;
    if (state.get(id) === "visiting") return [...trail.slice(trail.indexOf(id)), id];
    state.set(id, "visiting");
    trail.push(id);
    for (const next of dependsOn.get(id) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    trail.pop();
    state.set(id, "done");
    return undefined;
  };
  for (const id of dependsOn.keys()) {
    const cycle = visit(id);
    if (cycle) return cycle;
  }
  return undefined;
}

export function validateDefinition(input: unknown): DefinitionValidation {
  const parsed = questionnaireDefinitionSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
    };
  }
  const definition = parsed.data;
  const problems: DefinitionProblem[] = [];

  // Ids: questions and sections share one namespace, so a condition's reference is never ambiguous.
  const position = new Map<string, number>();
  const questionById = new Map<string, Question>();
  const seenIds = new Set<string>();
  const sectionStart = new Map<string, number>();
  let order = 0;
  definition.sections.forEach((section, s) => {
    sectionStart.set(section.id, order);
    if (seenIds.has(section.id)) {
      problems.push({
        path: `sections[${s}].id`,
        subjectId: section.id,
        message: `the id "${section.id}" is used twice`,
      });
    }
    seenIds.add(section.id);
    section.questions.forEach((question, q) => {
      const path = `sections[${s}].questions[${q}]`;
      if (seenIds.has(question.id)) {
        problems.push({ path: `${path}.id`, subjectId: question.id, message: `the id "${question.id}" is used twice` });
      }
      seenIds.add(question.id);
      questionById.set(question.id, question);
      position.set(question.id, order++);
      const rangeProblem = questionRangeProblem(question);
      if (rangeProblem) problems.push({ path, subjectId: question.id, message: rangeProblem });
    });
  });

  // Conditions: a dependency graph for cycles, then each reference checked for order and type.
  const dependsOn = new Map<string, string[]>();
  const conditionSites: { path: string; subjectId: string; condition: Condition; firstPosition: number }[] = [];
  definition.sections.forEach((section, s) => {
    if (section.condition) {
      const refs = referencedQuestions(section.condition);
      dependsOn.set(section.id, refs);
      for (const question of section.questions)
        dependsOn.set(question.id, [...(dependsOn.get(question.id) ?? []), section.id]);
      conditionSites.push({
        path: `sections[${s}].condition`,
        subjectId: section.id,
        condition: section.condition,
        firstPosition: sectionStart.get(section.id) ?? order,
      });
    }
    section.questions.forEach((question, q) => {
      if (!question.condition) return;
      dependsOn.set(question.id, [...(dependsOn.get(question.id) ?? []), ...referencedQuestions(question.condition)]);
      conditionSites.push({
        path: `sections[${s}].questions[${q}].condition`,
        subjectId: question.id,
        condition: question.condition,
        firstPosition: position.get(question.id) ?? order,
      });
    });
  });
  const cycle = findCycle(dependsOn);
  if (cycle) {
    problems.push({
      path: "sections",
      subjectId: cycle[0],
      message: `conditions form a cycle: ${cycle.map((id) => `"${id}"`).join(" depends on ")}`,
    });
  }
  for (const site of conditionSites) {
    const subject = `the condition of "${site.subjectId}"`;
    for (const comparison of comparisonsOf(site.condition)) {
      const target = questionById.get(comparison.question);
      const targetPosition = position.get(comparison.question);
      if (!target || targetPosition === undefined) {
        problems.push({
          path: site.path,
          subjectId: site.subjectId,
          message: `${subject} reads "${comparison.question}", which is not a question here`,
        });
        continue;
      }
      if (targetPosition >= site.firstPosition) {
        const where = comparison.question === site.subjectId ? "itself" : `"${comparison.question}", which comes later`;
        problems.push({
          path: site.path,
          subjectId: site.subjectId,
          message: `${subject} reads ${where}: a condition may only read earlier questions`,
        });
        continue;
      }
      const mismatch = comparisonProblem(comparison, target);
      if (mismatch) problems.push({ path: site.path, subjectId: site.subjectId, message: `${subject}: ${mismatch}` });
    }
  }
  return problems.length === 0 ? { ok: true, definition } : { ok: false, problems };
}
