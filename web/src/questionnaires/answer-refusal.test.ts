import { describe, expect, it } from "vitest";
import { readRefusal } from "./answer-refusal";

describe("readRefusal", () => {
  it("names each refused question, so the form can show it beside the question", () => {
    const body = {
      error: {
        code: "answers_refused",
        message: 'answers: "who-died" is required',
        questions: [
          { questionId: "who-died", code: "required", message: '"who-died" is required' },
          { questionId: "age", code: "somethingNew", message: '"age": expected a number' },
        ],
      },
    };
    expect(readRefusal(body)).toEqual({
      errors: [
        { questionId: "who-died", code: "required", message: '"who-died" is required' },
        { questionId: "age", code: "invalid", message: '"age": expected a number' },
      ],
    });
  });

  it("keeps a refusal without named questions as one message, and anything unreadable as a generic one", () => {
    expect(readRefusal({ error: { code: "already_answered", message: "Already answered" } })).toEqual({
      message: "Already answered",
    });
    expect(readRefusal("<html>")).toEqual({ message: "Your answers could not be accepted. Please try again." });
  });
});
