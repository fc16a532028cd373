// The fault-injection suite's own vitest config (`npm run test:faults`; the root config excludes this
// folder): no shared global setup, because each run starts, stops and kills its own Postgres, Temporal,
// api and worker; long timeouts, one file at a time.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  test: {
    root: path.resolve(here, ".."),
    include: ["fault-tests/src/**/*.test.ts"],
    pool: "forks",
    fileParallelism: false,
    // A fault run is about a minute and a half; the rest is room for a slow drain on a busy machine.
    testTimeout: 720_000,
    hookTimeout: 180_000,
    // The ledger lines are the evidence: show them even when everything passes.
    reporters: ["verbose", "./scripts/test-tally-reporter.ts"],
  },
});
