import { describe, expect, it } from "vitest";
import type { RunnerTask } from "vitest";
import { tallyTasks } from "./test-tally-reporter.js";

const test = (state: string | undefined, mode = "run") =>
  ({ type: "test", mode, result: state ? { state } : undefined }) as unknown as RunnerTask;
const suite = (tasks: RunnerTask[]) => ({ type: "suite", mode: "run", tasks }) as unknown as RunnerTask;

describe("tallyTasks", () => {
  it("counts passes, failures and skips through nested suites", () => {
    const tally = tallyTasks([
      suite([test("pass"), suite([test("fail"), test("pass")]), test(undefined, "skip")]),
      test(undefined, "todo"),
    ]);
    expect(tally).toEqual({ passed: 2, failed: 1, skipped: 2 });
  });

  it("counts a test that never finished as a failure, never as a pass", () => {
    expect(tallyTasks([test(undefined)])).toEqual({ passed: 0, failed: 1, skipped: 0 });
  });
});
