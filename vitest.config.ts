// The root test suite in two projects. `unit`: tests of pure logic beside their modules, no servers, no
// downloads (`npx vitest run --project unit`, seconds). `integration`: every file under one of
// `integrationFolders`, run against one real Postgres and one real Temporal started by the global setup.
// A test file belongs to exactly one: a new test that needs a server, a child process, a browser or a
// tool goes in one of those folders; anything else beside its module is a unit test.
import { defineConfig } from "vitest/config";

/** Folders whose tests need the real stack (or a server, a browser, a tool installed on first use). */
const integrationFolders = [
  "integration-tests", // api + worker + Postgres + Temporal together
  "e2e-tests", // the booking page in headless Chromium
  "fuzz-tests", // fuzzers and schemathesis against a live api
  "deploy-checks", // Dockerfiles and compose file, with hadolint and the compose validator
  "cal-emulator", // the emulator's contract tests, over HTTP
  "database", // migrations against a real Postgres
  "workflows", // workflow logic with mocked activities on a real Temporal test server
];
const integrationGlobs = integrationFolders.map((folder) => `${folder}/**/*.test.ts`);

// The fault-injection suite stops and kills servers: it has its own config and command (test:faults).
const excluded = ["**/node_modules/**", "web/**", ".data/**", ".tools/**", "fault-tests/**"];

export default defineConfig({
  test: {
    // The tally reporter lets .ci/run close with one line counting every run.
    reporters: ["default", "./scripts/test-tally-reporter.ts"],
    // Integration files share one Postgres and one Temporal; on two cores one file at a time is also
    // fastest. (A vitest option for the whole run, not per project.)
    fileParallelism: false,
    projects: [
      {
        test: {
          name: "unit",
          include: ["**/*.test.ts"],
          exclude: [...excluded, ...integrationGlobs],
          testTimeout: 10_000,
        },
      },
      {
        test: {
          name: "integration",
          include: integrationGlobs,
          exclude: excluded,
          // One real Postgres and one real Temporal for the whole run, started here.
          globalSetup: ["local-stack/src/test-support/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
