import { validateDefinition } from "@churchhub/questionnaire";
import { describe, expect, it } from "vitest";
import {
  changeType,
  defaultComparison,
  emptyDefinition,
  flatten,
  moveQuestion,
  newQuestion,
  operatorsFor,
  QUESTION_TYPE_LABELS,
  unflatten,
  withOperator,
} from "./definition-edits";

const types = Object.keys(QUESTION_TYPE_LABELS) as (keyof typeof QUESTION_TYPE_LABELS)[];

describe("builder edits", () => {
  it("makes a valid definition from every new question type", () => {
    for (const type of types) {
      const definition = { title: "t", sections: [{ id: "s", questions: [newQuestion(type, "q")] }] };
      expect(validateDefinition(definition).ok, type).toBe(true);
    }
  });

  it("offers, for every answerable type and operator, a comparison that validation accepts", () => {
    for (const type of types) {
      const target = newQuestion(type, "first");
      for (const op of operatorsFor(type)) {
        const start = defaultComparison(target);
        if (!start) throw new Error(`no comparison for ${type}`);
        const chosen = withOperator(start, op, target);
        // Text and dates have no sensible default to compare with: staff type one, as here.
        const typed = target.type === "date" ? "2026-12-24" : "grief";
        const open = target.type === "shortText" || target.type === "longText" || target.type === "date";
        const condition = !open
          ? chosen
          : chosen.op === "anyOf"
            ? { ...chosen, values: [typed] }
            : { ...chosen, value: typed };
        const definition = {
          title: "t",
          sections: [{ id: "s", questions: [target, { ...newQuestion("info", "later"), condition }] }],
        };
        expect(validateDefinition(definition), `${type} ${op}`).toMatchObject({ ok: true });
      }
    }
    expect(operatorsFor("info")).toEqual([]);
  });

  it("moves a question within its section and across into the next one", () => {
    const definition = {
      title: "t",
      sections: [
        { id: "a", questions: [newQuestion("yesNo", "one"), newQuestion("yesNo", "two")] },
        { id: "b", questions: [newQuestion("yesNo", "three")] },
      ],
    };
    const ids = (d: typeof definition) => d.sections.map((section) => section.questions.map((q) => q.id));
    expect(ids(moveQuestion(definition, 0, 0, 1))).toEqual([["two", "one"], ["three"]]);
    expect(ids(moveQuestion(definition, 0, 1, 1))).toEqual([["one"], ["two", "three"]]);
    expect(ids(moveQuestion(definition, 1, 0, -1))).toEqual([["one", "two", "three"], []]);
    expect(ids(moveQuestion(definition, 0, 0, -1))).toEqual(ids(definition));
  });

  it("keeps label, condition and required when a question changes type", () => {
    const condition = { question: "x", op: "equals" as const, value: true };
    const changed = changeType({ id: "q", type: "yesNo", required: true, label: "Asked", condition }, "singleChoice");
    expect(changed).toMatchObject({ id: "q", type: "singleChoice", label: "Asked", required: true, condition });
  });

  it("edits conditions as one flat group and leaves nested ones alone", () => {
    const comparison = { question: "a", op: "equals" as const, value: true };
    expect(flatten(comparison)).toEqual({ mode: "all", comparisons: [comparison] });
    expect(flatten({ any: [comparison, comparison] })).toEqual({ mode: "any", comparisons: [comparison, comparison] });
    expect(flatten({ all: [{ any: [comparison] }] })).toBe("nested");
    expect(unflatten({ mode: "any", comparisons: [comparison] })).toEqual(comparison);
    expect(unflatten({ mode: "any", comparisons: [] })).toBeUndefined();
    expect(validateDefinition(emptyDefinition("Intake")).ok).toBe(true);
  });
});
