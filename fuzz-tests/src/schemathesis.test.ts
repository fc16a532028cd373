// Schemathesis against the api's own OpenAPI document (GET /openapi.json), one run per credential:
// generated valid and invalid requests for every documented operation must never get a 5xx, and
// every answer must be one the document declares (status, content type, schema, headers).
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Pipeline } from "@churchhub/test-support/pipeline";
import { startFuzzPipeline } from "./support/fuzz-pipeline.js";
import {
  ensureSchemathesis,
  keepSchemathesisReport,
  runSchemathesis,
  SCHEMATHESIS,
} from "./support/schemathesis-cli.js";

let pipeline: Pipeline;
let adminKey: string;

beforeAll(async () => {
  await ensureSchemathesis();
  pipeline = await startFuzzPipeline("schemathesis", { calEmulator: { oauth2: true } });
  adminKey = (await pipeline.apiKeys.create({ name: "Schemathesis admin", role: "admin" })).key;
}, 600_000);
afterAll(async () => {
  await pipeline?.stop();
});

/** Each run's own limit, inside the test's 180 s, so a slow run is reported as unfinished, not as a verdict. */
const RUN_TIMEOUT_MS = 170_000;

const CHECKS = [
  "not_a_server_error",
  "status_code_conformance",
  "content_type_conformance",
  "response_schema_conformance",
  "response_headers_conformance",
  "negative_data_rejection",
  "ignored_auth",
];

async function schemathesis(
  context: string,
  options: { tags: string[]; excludeTags?: string[]; bearer?: () => string; maxExamples: number },
): Promise<void> {
  const args = [
    `${pipeline.baseUrl}/openapi.json`,
    `--checks=${CHECKS.join(",")}`,
    "--phases=examples,coverage,fuzzing",
    `--max-examples=${options.maxExamples}`,
    "--workers=1",
    "--generation-database=none",
    "--request-timeout=30",
    "--no-color",
    ...options.tags.flatMap((tag) => ["--include-tag", tag]),
    ...(options.excludeTags ?? []).flatMap((tag) => ["--exclude-tag", tag]),
    ...(options.bearer ? ["-H", `Authorization: Bearer ${options.bearer()}`] : []),
  ];
  const run = await runSchemathesis(args, { CHURCHHUB_FUZZ_WEBHOOK_SECRET: pipeline.secret }, RUN_TIMEOUT_MS);
  // Our own one line; schemathesis' report stays out of the test log (its closing banner reads like a verdict).
  const report = run.exitCode === 0 ? undefined : keepSchemathesisReport(context, run.output);
  const outcome = run.timedOut
    ? `did not finish within ${RUN_TIMEOUT_MS / 1000} s (stopped), partial report in ${report}`
    : report
      ? `problems found (exit ${run.exitCode}), report in ${report}`
      : "no problems found";
  console.log(`[schemathesis ${SCHEMATHESIS.version}] ${context}: ${outcome}`);
  expect(run.exitCode, `schemathesis ${SCHEMATHESIS.version} (${context}) ${outcome}`).toBe(0);
}

it("finds no server error or undocumented answer on the webhook and health operations (no credentials; webhooks signed)", async () => {
  const [before] = await pipeline.dataSource.query("SELECT count(*)::int AS n FROM webhook_inbox");
  await schemathesis("webhooks + health, no credentials", { tags: ["webhooks", "health"], maxExamples: 100 });
  // The hooks sign what schemathesis sends: some deliveries must have got past the signature and been recorded.
  const [after] = await pipeline.dataSource.query("SELECT count(*)::int AS n FROM webhook_inbox");
  console.log(`[schemathesis] deliveries recorded during the webhook run: ${after.n - before.n}`);
  expect(after.n - before.n).toBeGreaterThan(0);
}, 180_000);

it("finds no server error or undocumented answer on the operator and admin operations (admin key)", async () => {
  await schemathesis("operations + admin + connections, admin key", {
    tags: ["operations", "admin", "connections"],
    bearer: () => adminKey,
    maxExamples: 50,
  });
}, 180_000);

it("finds no server error or undocumented answer on our web server's operations (web server token)", async () => {
  await schemathesis("tokens + hosts, web server token", {
    tags: ["tokens", "hosts"],
    bearer: () => pipeline.webServerToken,
    maxExamples: 60,
  });
}, 180_000);

it("finds no server error or undocumented answer on the visitor's questionnaire operations (web server token)", async () => {
  // The staff ones need a staff session and the staff area, which this pipeline does not serve.
  await schemathesis("questionnaires, web server token", {
    tags: ["questionnaires"],
    excludeTags: ["staff"],
    bearer: () => pipeline.webServerToken,
    maxExamples: 40,
  });
}, 180_000);

it("finds no server error or undocumented answer on the private booking operations (web server token)", async () => {
  await schemathesis("private bookings, web server token", {
    tags: ["private-bookings"],
    bearer: () => pipeline.webServerToken,
    maxExamples: 40,
  });
}, 180_000);
