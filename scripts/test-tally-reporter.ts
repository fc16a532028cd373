// A vitest reporter that adds one run's counts to `.data/test-tally.jsonl`, so that `.ci/run` can close
// with a single line covering every vitest run it made (root suite, web unit tests, fault suite).
// vitest's own summary is not a line CI recognises, and each run only knows its own counts.
import { appendFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Reporter } from "vitest/reporters";
import type { RunnerTask, RunnerTestFile } from "vitest";

const tallyFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", ".data", "test-tally.jsonl");

export interface TestTally {
  passed: number;
  failed: number;
  skipped: number;
}

export function tallyTasks(
  tasks: readonly RunnerTask[],
  tally: TestTally = { passed: 0, failed: 0, skipped: 0 },
): TestTally {
  for (const task of tasks) {
    if (task.type === "suite") {
      tallyTasks(task.tasks, tally);
      continue;
    }
    if (task.mode === "skip" || task.mode === "todo" || task.result?.state === "skip") tally.skipped += 1;
    else if (task.result?.state === "pass") tally.passed += 1;
    else tally.failed += 1; // failed, or never finished: either way not a pass
  }
  return tally;
}

export default class TestTallyReporter implements Reporter {
  onFinished(files: RunnerTestFile[] = [], errors: unknown[] = []): void {
    const tally = tallyTasks(files);
    // A file that failed to load has no tests; an unhandled error fails the run: count them as failures.
    const brokenFiles = files.filter((file) => file.result?.state === "fail" && file.tasks.length === 0).length;
    tally.failed += brokenFiles + errors.length;
    mkdirSync(path.dirname(tallyFile), { recursive: true });
    appendFileSync(tallyFile, `${JSON.stringify({ at: new Date().toISOString(), cwd: process.cwd(), ...tally })}\n`);
  }
}
