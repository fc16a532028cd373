import { describe, expect, it } from "vitest";
import { evaluate } from "./evaluate.js";
import { pastoralIntake } from "./testing/pastoral-intake-example.js";

function errorCodes(answers: Record<string, unknown>) {
  const { verdict } = evaluate(pastoralIntake, answers);
  return verdict.ok ? [] : verdict.errors.map((error) => [error.questionId, error.code]);
}

describe("evaluate", () => {
  it("asks only the unconditional questions before anything is answered", () => {
    expect(evaluate(pastoralIntake, {}).reachable).toEqual(["topic", "first-visit", "consent"]);
  });

  it("opens the grief branch on that choice and the follow-up section on a second visit", () => {
    const { reachable, verdict } = evaluate(pastoralIntake, {
      topic: "grief",
      "who-died": "my father",
      "first-visit": false,
      visits: 3,
      helpful: 4,
      consent: true,
    });
    expect(reachable).toEqual(["topic", "who-died", "when-died", "first-visit", "visits", "helpful", "consent"]);
    expect(verdict.ok).toBe(true);
  });

  it("stops after an end-here block: later questions, the closing section included, are not asked", () => {
    const { reachable, verdict } = evaluate(pastoralIntake, { topic: "other", "first-visit": false, visits: 11 });
    expect(reachable).toEqual(["topic", "first-visit", "visits", "enough"]);
    expect(verdict).toEqual({ ok: true, answers: { topic: "other", "first-visit": false, visits: 11 } });
  });

  it("refuses an answer to a question that was not asked, naming it", () => {
    expect(errorCodes({ topic: "marriage", "who-died": "x", "first-visit": true, consent: true })).toEqual([
      ["who-died", "unreachable"],
    ]);
  });

  it("refuses a reachable required question left unanswered", () => {
    expect(errorCodes({ topic: "grief", "first-visit": true, consent: true })).toEqual([["who-died", "required"]]);
  });

  it("refuses wrong types and values out of range", () => {
    expect(
      errorCodes({ topic: "grief", "who-died": 7, "when-died": "2026-02-30", "first-visit": "no", consent: "yes" }),
    ).toEqual([
      ["who-died", "invalid"],
      ["when-died", "invalid"],
      ["first-visit", "invalid"],
      ["consent", "invalid"],
    ]);
    expect(errorCodes({ topic: "x", "first-visit": false, visits: 2.5, helpful: 6, consent: true })).toEqual([
      ["topic", "invalid"],
      ["visits", "invalid"],
      ["helpful", "invalid"],
    ]);
  });

  it("refuses an answer to an information block and to a question that does not exist", () => {
    const answers = { topic: "other", "first-visit": false, visits: 12, enough: "ok", extra: "x" };
    expect(errorCodes(answers)).toEqual([
      ["enough", "invalid"],
      ["extra", "unknownQuestion"],
    ]);
  });

  it("lets an invalid answer open no branch", () => {
    // "visits" is out of range, so the end-here block stays closed and the later questions are asked.
    const { reachable } = evaluate(pastoralIntake, { topic: "other", "first-visit": false, visits: 99 });
    expect(reachable).toEqual(["topic", "first-visit", "visits", "helpful", "consent"]);
  });

  it("treats a comparison with an unanswered question as not holding, not-equals included", () => {
    const definition = {
      title: "t",
      sections: [
        {
          id: "s",
          questions: [
            { id: "a", type: "yesNo" as const, label: "A", required: false },
            {
              id: "b",
              type: "info" as const,
              label: "B",
              condition: { question: "a", op: "notEquals" as const, value: true },
            },
          ],
        },
      ],
    };
    expect(evaluate(definition, {}).reachable).toEqual(["a"]);
    expect(evaluate(definition, { a: false }).reachable).toEqual(["a", "b"]);
  });

  it("compares dates in calendar order and text case-insensitively", () => {
    const definition = {
      title: "t",
      sections: [
        {
          id: "s",
          questions: [
            { id: "d", type: "date" as const, label: "D", required: false },
            { id: "t", type: "longText" as const, label: "T", required: false },
            {
              id: "after",
              type: "info" as const,
              label: "After",
              condition: { all: [{ question: "d", op: "greaterThan" as const, value: "2026-01-31" }] },
            },
            {
              id: "said",
              type: "info" as const,
              label: "Said",
              condition: { any: [{ question: "t", op: "contains" as const, value: "GRIEF" }] },
            },
          ],
        },
      ],
    };
    expect(evaluate(definition, { d: "2026-02-01", t: "some grief" }).reachable).toEqual(["d", "t", "after", "said"]);
    expect(evaluate(definition, { d: "2026-01-31", t: "joy" }).reachable).toEqual(["d", "t"]);
  });
});
