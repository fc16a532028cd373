// The rules for hosts' short public names.
import { describe, expect, it } from "vitest";
import { describePublicNameProblem, publicNameProblem } from "./public-name-rules.js";

describe("publicNameProblem", () => {
  it.each(["anna", "pastor-anna", "a1", "x".repeat(40), "2nd-service", "ruth-mensah"])("accepts %j", (name) => {
    expect(publicNameProblem(name)).toBeNull();
  });

  it.each([
    ["a", "too_short"],
    ["", "too_short"],
    ["x".repeat(41), "too_long"],
    ["Anna", "characters"],
    ["anna_b", "characters"],
    ["anna.b", "characters"],
    ["änna", "characters"],
    ["-anna", "edges"],
    ["anna-", "edges"],
    ["staff", "reserved"],
    ["admin", "reserved"],
    ["api", "reserved"],
    ["book", "reserved"],
  ] as const)("refuses %j (%s) with a sentence saying why", (name, problem) => {
    expect(publicNameProblem(name)).toBe(problem);
    expect(describePublicNameProblem(name, problem)).toMatch(/public name|used by the site/);
  });
});
