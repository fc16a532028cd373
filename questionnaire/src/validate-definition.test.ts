import { describe, expect, it } from "vitest";
import type { QuestionnaireDefinition } from "./definition-schema.js";
import { pastoralIntake } from "./testing/pastoral-intake-example.js";
import { validateDefinition } from "./validate-definition.js";

function messages(input: unknown): string[] {
  const result = validateDefinition(input);
  return result.ok ? [] : result.problems.map((problem) => `${problem.path}: ${problem.message}`);
}

function withQuestions(questions: unknown[]): unknown {
  return { title: "t", sections: [{ id: "s", questions }] };
}

describe("validateDefinition", () => {
  it("accepts a definition with branches, sections and an early end", () => {
    expect(validateDefinition(pastoralIntake)).toEqual({ ok: true, definition: pastoralIntake });
  });

  it("names a condition on a later question", () => {
    expect(
      messages(
        withQuestions([
          { id: "a", type: "info", label: "A", condition: { question: "b", op: "equals", value: true } },
          { id: "b", type: "yesNo", label: "B", required: true },
        ]),
      ),
    ).toEqual([
      'sections[0].questions[0].condition: the condition of "a" reads "b", which comes later: a condition may only read earlier questions',
    ]);
  });

  it("names a condition on a missing question", () => {
    expect(
      messages(
        withQuestions([
          { id: "a", type: "info", label: "A", condition: { question: "ghost", op: "equals", value: 1 } },
        ]),
      ),
    ).toEqual(['sections[0].questions[0].condition: the condition of "a" reads "ghost", which is not a question here']);
  });

  it("names a cycle, a question reading itself included", () => {
    const selfCycle = messages(
      withQuestions([
        {
          id: "a",
          type: "yesNo",
          label: "A",
          required: false,
          condition: { question: "a", op: "equals", value: true },
        },
      ]),
    );
    expect(selfCycle).toContain('sections: conditions form a cycle: "a" depends on "a"');
    const twoCycle = messages(
      withQuestions([
        {
          id: "a",
          type: "yesNo",
          label: "A",
          required: false,
          condition: { question: "b", op: "equals", value: true },
        },
        {
          id: "b",
          type: "yesNo",
          label: "B",
          required: false,
          condition: { question: "a", op: "equals", value: true },
        },
      ]),
    );
    expect(twoCycle[0]).toBe('sections: conditions form a cycle: "a" depends on "b" depends on "a"');
  });

  it("names a section condition that reads a question inside that section", () => {
    const definition: QuestionnaireDefinition = {
      title: "t",
      sections: [
        {
          id: "s",
          condition: { question: "a", op: "equals", value: true },
          questions: [{ id: "a", type: "yesNo", label: "A", required: true }],
        },
      ],
    };
    expect(messages(definition)).toContain('sections: conditions form a cycle: "s" depends on "a" depends on "s"');
  });

  it("names duplicate ids and duplicate choice values", () => {
    expect(
      messages({
        title: "t",
        sections: [
          {
            id: "a",
            questions: [
              { id: "a", type: "yesNo", label: "A", required: true },
              {
                id: "c",
                type: "singleChoice",
                label: "C",
                required: true,
                choices: [
                  { value: "x", label: "X" },
                  { value: "x", label: "X again" },
                ],
              },
            ],
          },
        ],
      }),
    ).toEqual([
      'sections[0].questions[0].id: the id "a" is used twice',
      'sections[0].questions[1]: "c": the choice value "x" appears twice',
    ]);
  });

  it("names comparisons that do not suit the question read", () => {
    const problems = messages(
      withQuestions([
        { id: "topic", type: "singleChoice", label: "T", required: true, choices: [{ value: "grief", label: "G" }] },
        { id: "n", type: "number", label: "N", required: false },
        { id: "i", type: "info", label: "I" },
        {
          id: "later",
          type: "info",
          label: "L",
          condition: {
            any: [
              { question: "topic", op: "equals", value: "joy" },
              { question: "topic", op: "lessThan", value: 3 },
              { question: "n", op: "contains", value: "1" },
              { question: "i", op: "equals", value: true },
            ],
          },
        },
      ]),
    );
    expect(problems).toEqual([
      'sections[0].questions[3].condition: the condition of "later": "joy" is not a choice value of "topic" (singleChoice)',
      'sections[0].questions[3].condition: the condition of "later": "topic" (singleChoice) takes equals, notEquals, anyOf, not lessThan',
      'sections[0].questions[3].condition: the condition of "later": "n" (number) is a number: contains does not apply',
      'sections[0].questions[3].condition: the condition of "later": "i" (info) is an information block and has no answer to compare',
    ]);
  });

  it("names a range whose minimum is above its maximum", () => {
    expect(messages(withQuestions([{ id: "n", type: "number", label: "N", required: true, min: 5, max: 1 }]))).toEqual([
      'sections[0].questions[0]: "n": the minimum 5 is above the maximum 1',
    ]);
  });

  it("reports schema problems with their path", () => {
    expect(
      messages({
        title: "t",
        sections: [{ id: "s", questions: [{ id: "Bad Id", type: "yesNo", label: "", required: 1 }] }],
      }),
    ).toEqual([
      "sections[0].questions[0].id: an id is 1-63 lower-case letters, digits, '-' or '_', starting with a letter",
      "sections[0].questions[0].label: a label is required",
      "sections[0].questions[0].required: Invalid input: expected boolean, received number",
    ]);
  });
});
