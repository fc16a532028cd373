// Properties over random definitions: the browser's form and the server agree, answers given by walking
// the asked questions are accepted, and the verdict on arbitrary answers is exactly what it claims.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkAnswer } from "./answer-check.js";
import { type AnswerableQuestion, questionsInOrder } from "./definition-schema.js";
import { evaluate, reachableQuestions } from "./evaluate.js";
import { formState } from "./form-state.js";
import {
  definitionArbitrary,
  fieldValueArbitrary,
  strayAnswerArbitrary,
  validAnswerArbitrary,
} from "./testing/questionnaire-arbitraries.js";
import { validateDefinition } from "./validate-definition.js";

const runs = { numRuns: 400 };

/** What the server sees: the form's answers after a trip through JSON. */
function overTheWire(value: unknown): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value));
}

describe("evaluator properties", () => {
  it("generated definitions pass validation (the generator is sound)", () => {
    fc.assert(
      fc.property(definitionArbitrary, (definition) => {
        expect(validateDefinition(definition)).toEqual({ ok: true, definition });
      }),
      runs,
    );
  });

  it("the server's verdict on what the form submits is the verdict the form shows", () => {
    const definitionAndFields = definitionArbitrary.chain((definition) =>
      fc.tuple(
        fc.constant(definition),
        fc.record(Object.fromEntries(questionsInOrder(definition).map((q) => [q.id, fieldValueArbitrary(q)]))),
      ),
    );
    fc.assert(
      fc.property(definitionAndFields, ([definition, fields]) => {
        const browser = formState(definition, fields);
        const server = evaluate(definition, overTheWire(browser.answers));
        expect(server.reachable).toEqual(browser.visible);
        expect(server.verdict).toEqual(browser.evaluation.verdict);
        // The form never sends what the server calls unasked or unknown.
        const codes = server.verdict.ok ? [] : server.verdict.errors.map((error) => error.code);
        expect(codes).not.toContain("unreachable");
        expect(codes).not.toContain("unknownQuestion");
      }),
      runs,
    );
  });

  it("answers built by walking the asked questions are always accepted", () => {
    const walked = definitionArbitrary.chain((definition) =>
      fc.tuple(
        fc.constant(definition),
        fc.gen().map((generate) => {
          const answers: Record<string, unknown> = {};
          for (const question of questionsInOrder(definition)) {
            if (question.type === "info") continue;
            // Later answers never change whether an earlier question is asked, so one pass suffices.
            if (!reachableQuestions(definition, answers).includes(question.id)) continue;
            if (question.required || generate(fc.boolean)) {
              answers[question.id] = generate(() => validAnswerArbitrary(question));
            }
          }
          return answers;
        }),
      ),
    );
    fc.assert(
      fc.property(walked, ([definition, answers]) => {
        const { verdict } = evaluate(definition, overTheWire(answers));
        expect(verdict).toEqual({ ok: true, answers: overTheWire(answers) });
      }),
      runs,
    );
  });

  it("on arbitrary answers, an accepted verdict means every answer is asked and valid and nothing required is missing", () => {
    const definitionAndAnswers = definitionArbitrary.chain((definition) => {
      const entries = questionsInOrder(definition).map((question) => {
        const valid = question.type === "info" ? fc.constant(undefined) : validAnswerArbitrary(question);
        return [question.id, fc.option(fc.oneof(valid, strayAnswerArbitrary), { nil: undefined })] as const;
      });
      return fc.tuple(fc.constant(definition), fc.record(Object.fromEntries(entries)));
    });
    fc.assert(
      fc.property(definitionAndAnswers, ([definition, rawAnswers]) => {
        const answers = Object.fromEntries(Object.entries(rawAnswers).filter(([, value]) => value !== undefined));
        const { reachable, verdict } = evaluate(definition, answers);
        const asked = new Set(reachable);
        const named = new Set(verdict.ok ? [] : verdict.errors.map((error) => error.questionId));
        for (const question of questionsInOrder(definition)) {
          const given = Object.hasOwn(answers, question.id);
          const wrong =
            (given && !asked.has(question.id)) ||
            (given && question.type === "info") ||
            (given &&
              question.type !== "info" &&
              !checkAnswer(question as AnswerableQuestion, answers[question.id]).ok) ||
            (!given && asked.has(question.id) && question.type !== "info" && question.required);
          expect(named.has(question.id)).toBe(wrong);
        }
        expect(verdict.ok).toBe(named.size === 0);
      }),
      runs,
    );
  });

  it("a condition pointed at a later question is named by validation", () => {
    fc.assert(
      fc.property(
        definitionArbitrary.filter((definition) => questionsInOrder(definition).length >= 2),
        (definition) => {
          const [first, ...rest] = questionsInOrder(definition);
          const later = rest.find((question) => question.type !== "info");
          fc.pre(first !== undefined && later !== undefined);
          const changed = structuredClone(definition);
          const target = changed.sections[0]?.questions[0];
          if (!target || !later) return;
          target.condition = { question: later.id, op: "notEquals", value: "anything" };
          const result = validateDefinition(changed);
          expect(result.ok).toBe(false);
          if (!result.ok)
            expect(result.problems.map((problem) => problem.message).join("\n")).toContain(`"${later.id}"`);
        },
      ),
      runs,
    );
  });
});
