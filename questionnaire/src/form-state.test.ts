import { describe, expect, it } from "vitest";
import { formState } from "./form-state.js";
import { pastoralIntake } from "./testing/pastoral-intake-example.js";

describe("formState", () => {
  it("submits only the shown questions' answers, so a closed branch's stale text is not sent", () => {
    const state = formState(pastoralIntake, {
      topic: "marriage",
      "who-died": "typed before changing the topic",
      "first-visit": "yes",
      consent: true,
    });
    expect(state.visible).toEqual(["topic", "first-visit", "consent"]);
    expect(state.answers).toEqual({ topic: "marriage", "first-visit": true, consent: true });
    expect(state.evaluation.verdict.ok).toBe(true);
  });

  it("turns number fields into numbers, leaves blanks out and passes junk on to be refused", () => {
    const state = formState(pastoralIntake, { topic: "other", "first-visit": "no", visits: " 4 ", helpful: "many" });
    expect(state.answers).toEqual({ topic: "other", "first-visit": false, visits: 4, helpful: "many" });
    expect(state.evaluation.verdict).toMatchObject({
      ok: false,
      errors: [
        { questionId: "helpful", code: "invalid" },
        { questionId: "consent", code: "required" },
      ],
    });
  });
});
