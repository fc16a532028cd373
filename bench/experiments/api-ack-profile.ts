// Experiment (not part of npm run bench): what acknowledging one delivery costs the api in CPU and where
// that CPU goes. Starts the bench's stack with the api and worker under --cpu-prof, offers signed
// deliveries at one fixed rate, stops the stack and prints the api's CPU per ack, its commits per ack
// and its profile (self time by package and function). A minute instead of a whole bench run when
// only the ack path is in question. `npx tsx bench/experiments/api-ack-profile.ts` with
//   RATE=<offered per second, default 300>, SECONDS=<default 15>, BENCH_TEMPORAL=server (as in the bench).
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { createLogger } from "@churchhub/logging";
import { BENCH_DATA_DIR, startBenchStack } from "../src/bench-stack.js";
import { summarizeProfile } from "../src/cpu-profile-summary.js";
import { runOpenLoop } from "../src/open-loop-generator.js";
import { startCpuMeasurement } from "../src/process-cpu.js";
import { buildSignedDeliveries } from "../src/signed-deliveries.js";

const rate = Number(process.env.RATE ?? 300);
const seconds = Number(process.env.SECONDS ?? 15);
const profileDir = path.join(BENCH_DATA_DIR, "profiles");
const log = (line: string) => process.stdout.write(`${line}\n`);

const stack = await startBenchStack({
  logger: createLogger({ level: "warn", name: "api-ack-profile" }),
  nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${profileDir}`],
  temporal: process.env.BENCH_TEMPORAL === "server" ? "server" : "dev",
  log,
});
const pool = new pg.Pool({ connectionString: stack.databaseUrl, max: 1 });
const commitsOfApi = async () =>
  (
    await pool.query<{ commits: number }>(
      "SELECT xact_commit::int AS commits FROM pg_stat_database WHERE datname = current_database()",
    )
  ).rows[0]!.commits;
try {
  const deliveries = buildSignedDeliveries(rate * seconds, stack.webhookSecret);
  // Warm-up (JIT, connection pools), not measured.
  await runOpenLoop({ url: `${stack.apiUrl}/webhooks/cal`, rate, deliveries: deliveries.splice(0, rate * 2) });
  const cpu = startCpuMeasurement([{ name: "api", pid: stack.api.pid }]);
  const commitsBefore = await commitsOfApi();
  const result = await runOpenLoop({ url: `${stack.apiUrl}/webhooks/cal`, rate, deliveries });
  const commits = (await commitsOfApi()) - commitsBefore;
  const { cpuSeconds } = cpu();
  log(
    `offered ${rate}/s for ${seconds - 2} s: ${result.acknowledged}/${result.sent} acknowledged, ${result.acksPerSecond} acks/s, ` +
      `p50 ${result.ackLatency.p50Ms} ms, p99 ${result.ackLatency.p99Ms} ms; api CPU ${((cpuSeconds.api! * 1000) / Math.max(result.acknowledged, 1)).toFixed(2)} ms per ack; ` +
      `${commits} commits in the database (the worker's and relay's included) = ${(commits / Math.max(result.acknowledged, 1)).toFixed(2)} per ack`,
  );
} finally {
  await pool.end();
  await stack.stop();
}
for (const file of (await readdir(profileDir).catch(() => [])).filter((name) => name.includes(`.${stack.api.pid}.`))) {
  log(`api profile (${file}), warm-up included:`);
  log(summarizeProfile(JSON.parse(await readFile(path.join(profileDir, file), "utf8")), 25));
}
process.exit(0);
