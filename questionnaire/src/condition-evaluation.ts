// Decides whether a condition holds on the answers given so far. A comparison with a question that has
// no (valid, reachable) answer never holds, "not equals" included: a branch opens on what was said.
import type { AnswerValue, Condition } from "./definition-schema.js";

function compareOrdered(answer: AnswerValue, bound: number | string): number | undefined {
  if (typeof answer === "number" && typeof bound === "number") return answer - bound;
  // Dates are YYYY-MM-DD, whose text order is their calendar order.
  if (typeof answer === "string" && typeof bound === "string") return answer < bound ? -1 : answer > bound ? 1 : 0;
  return undefined;
}

export function conditionHolds(condition: Condition, answers: ReadonlyMap<string, AnswerValue>): boolean {
  if ("all" in condition) return condition.all.every((part) => conditionHolds(part, answers));
  if ("any" in condition) return condition.any.some((part) => conditionHolds(part, answers));
  const answer = answers.get(condition.question);
  if (answer === undefined) return false;
  switch (condition.op) {
    case "equals":
      return answer === condition.value;
    case "notEquals":
      return answer !== condition.value;
    case "anyOf":
      return Array.isArray(answer)
        ? answer.some((item) => condition.values.includes(item))
        : condition.values.includes(answer);
    case "contains":
      if (Array.isArray(answer)) return answer.includes(condition.value);
      return typeof answer === "string" && answer.toLowerCase().includes(condition.value.toLowerCase());
    case "lessThan": {
      const order = compareOrdered(answer, condition.value);
      return order !== undefined && order < 0;
    }
    case "greaterThan": {
      const order = compareOrdered(answer, condition.value);
      return order !== undefined && order > 0;
    }
  }
}

/** The question ids a condition reads, in the order written. */
export function referencedQuestions(condition: Condition): string[] {
  if ("all" in condition) return condition.all.flatMap(referencedQuestions);
  if ("any" in condition) return condition.any.flatMap(referencedQuestions);
  return [condition.question];
}
