// Prints the sum of every vitest run recorded in `.data/test-tally.jsonl`, closing with the plain line
// `N passed, N failed` (skipped tests on the line before), and clears the file. `.ci/run` calls it last.
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const tallyFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", ".data", "test-tally.jsonl");
const runs = existsSync(tallyFile)
  ? readFileSync(tallyFile, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line))
  : [];
const sum = (key) => runs.reduce((total, run) => total + run[key], 0);
console.log(`test runs: ${runs.length}`);
console.log(`tests skipped: ${sum("skipped")}`);
console.log(`${sum("passed")} passed, ${sum("failed")} failed`);
rmSync(tallyFile, { force: true });
