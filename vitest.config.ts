import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["**/*.test.ts"],
    // The fault-injection suite stops and kills servers: it has its own config and command (test:faults).
    exclude: ["**/node_modules/**", "web/**", ".data/**", ".tools/**", "fault-tests/**"],
    // One real Postgres and one real Temporal for the whole run, started here.
    globalSetup: ["local-stack/src/test-support/global-setup.ts"],
    // Integration files share those servers; on two cores running them one at a time is also fastest.
    fileParallelism: false,
    // The tally reporter lets .ci/run close with one line counting every run.
    reporters: ["default", "./scripts/test-tally-reporter.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
