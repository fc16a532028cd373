// Experiment (not part of npm run bench): what one delivery costs Temporal, the worker and Postgres, per
// workflow shape, bypassing the api and the inbox (workflows started directly, 32 at a time like the
// relay), and how many per second complete. `npx tsx bench/experiments/temporal-throughput.ts` with
//   VARIANT=product (today's workflow: one transaction as a local activity) | one-remote (the same
//     activity, scheduled),
//   N=<deliveries>, EAGER=1 (eager workflow start: the start's reply carries the first workflow task),
//   WINDOW=<most workflows started and not yet finished, like the relay's back-pressure; default: no limit>,
//   TRACING=1 (the worker's OpenTelemetry interceptors, installed as when spans are exported; here
//     they are handed to an exporter that drops them),
//   POLLS=<max concurrent task polls>, DYN=<dynamic config, comma-separated>, PRAGMA=<sqlite pragmas, comma-separated>,
//   DB_FILE=1 (SQLite in a file, as `npm run dev` runs it, instead of in memory),
//   BACKLOG_PROBE=1 (prints, every 250 ms, the running workflows by visibility count and the task queue's
//   backlog by DescribeTaskQueue: the relay's back-pressure signal and the one it did not take, which
//   the server caches for about 5 s).
// Progress is read from Postgres (audit rows), not by waiting on each workflow's result, which would
// add a long poll per workflow to the server being measured.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { Client } from "@temporalio/client";
import { DefaultLogger, NativeConnection, Runtime, Worker } from "@temporalio/worker";
import { createActivities } from "@churchhub/activities";
import { parseCalDelivery } from "@churchhub/api";
import { createDataSource, runMigrations } from "@churchhub/database";
import { createPersonalDataProtector, parseKeyring, createFieldCipher } from "@churchhub/field-encryption";
import { createDataConverter } from "@churchhub/temporal-encryption";
import { createLogger } from "@churchhub/logging";
import { startTracing, tracingClientInterceptors, tracingWorkerOptions } from "@churchhub/tracing";
import { freePort, projectRoot, startEmbeddedPostgres } from "@churchhub/local-stack";
import { startTemporalServer } from "../src/temporal-server.js";
import { startCpuMeasurement } from "../src/process-cpu.js";
import { buildSignedDeliveries } from "../src/signed-deliveries.js";
import { measureTemporalServer } from "../src/temporal-metrics.js";

const WORKFLOW_OF: Record<string, string> = {
  product: "processCalDeliveryWorkflow",
  "one-remote": "processCalDeliveryOneActivityWorkflow",
};

// The SDK's own warnings (slow workflow tasks on a starved machine) would drown the one result line.
Runtime.install({ logger: new DefaultLogger("ERROR") });
const N = Number(process.env.N ?? 1000);
const variant = process.env.VARIANT ?? "product";
const workflowType = WORKFLOW_OF[variant];
if (!workflowType) throw new Error(`VARIANT must be one of ${Object.keys(WORKFLOW_OF).join(", ")}`);
const eager = process.env.EAGER === "1";
const window = process.env.WINDOW ? Number(process.env.WINDOW) : Infinity;
const discardingExporter = {
  export: (_spans: unknown[], done: (result: { code: number }) => void) => done({ code: 0 }),
  shutdown: async () => undefined,
};
const tracing =
  process.env.TRACING === "1" ? startTracing({ serviceName: "experiment", exporter: discardingExporter }) : undefined;
const polls = process.env.POLLS ? Number(process.env.POLLS) : undefined;
const list = (value: string | undefined) => (value ? value.split(",") : []);
const dir = path.join(projectRoot, ".data", "bench", "experiment");
await rm(dir, { recursive: true, force: true });
await mkdir(dir, { recursive: true, mode: 0o755 });
const logger = createLogger({ level: "warn", name: "x" });
const postgres = await startEmbeddedPostgres({
  dataDir: path.join(dir, "pg"),
  port: await freePort(),
  database: "x",
  persistent: false,
  logger,
});
const postmasterPid = Number(readFileSync(path.join(postgres.dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
const temporal = await startTemporalServer({
  logFile: path.join(dir, "temporal.log"),
  dynamicConfig: list(process.env.DYN),
  sqlitePragmas: list(process.env.PRAGMA),
  dbFilename: process.env.DB_FILE === "1" ? path.join(dir, "temporal.db") : undefined,
});
try {
  const dataSource = createDataSource({ url: postgres.url, poolSize: 10 });
  await dataSource.initialize();
  await runMigrations(dataSource);
  const keyring = parseKeyring(`x:${randomBytes(32).toString("base64")}`);
  const protector = createPersonalDataProtector({ cipher: createFieldCipher(keyring), blindIndexKey: randomBytes(32) });
  const dataConverter = createDataConverter(keyring);
  const taskQueue = "experiment";
  // One connection for the worker and the client, as in the worker process (eager start needs it).
  const connection = await NativeConnection.connect({ address: temporal.address });
  const worker = await Worker.create({
    connection,
    taskQueue,
    activities: createActivities({ dataSource, protector }),
    workflowsPath: fileURLToPath(new URL("./workflows.ts", import.meta.url)),
    dataConverter,
    ...(tracing ? tracingWorkerOptions(tracing) : {}),
    ...(polls ? { maxConcurrentWorkflowTaskPolls: polls, maxConcurrentActivityTaskPolls: polls } : {}),
  });
  const running = worker.run();
  const client = new Client({
    connection,
    dataConverter,
    ...(tracing ? { interceptors: tracingClientInterceptors() } : {}),
  });
  const deliveries = buildSignedDeliveries(N, "x".repeat(32)).map((d) =>
    parseCalDelivery(d.body, "application/json", new Date()),
  );
  const auditRows = async () => Number((await dataSource.query("SELECT count(*)::int AS n FROM audit_logs"))[0].n);
  const cpu = startCpuMeasurement([
    { name: "temporal", pid: temporal.pid },
    { name: "worker+client", pid: process.pid },
    { name: "postgres", pid: postmasterPid, withChildren: true },
  ]);
  const server = await measureTemporalServer(temporal.metricsUrl, taskQueue);
  const started = Date.now();
  let next = 0;
  let done = 0;
  let eagerlyStarted = 0;
  const progress = (async () => {
    while (done < N) {
      done = await auditRows();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (next < deliveries.length) {
        if (next - done >= window) {
          await new Promise((resolve) => setTimeout(resolve, 5));
          continue;
        }
        const delivery = deliveries[next++]!;
        const handle = await client.workflow.start(workflowType, {
          taskQueue,
          workflowId: `w-${delivery.deliveryId}`,
          // The product workflow takes a batch (here of one), the experiment's a bare delivery.
          args: variant === "product" ? [{ deliveries: [delivery] }] : [delivery],
          requestEagerStart: eager,
        });
        if (handle.eagerlyStarted) eagerlyStarted++;
      }
    }),
  );
  const startedAllAt = Date.now();
  if (process.env.BACKLOG_PROBE === "1") {
    const { temporal: proto } = (await import("@temporalio/proto")).default;
    for (let i = 0; i < 40 && done < N; i++) {
      const response = await connection.workflowService.describeTaskQueue({
        namespace: "default",
        taskQueue: { name: taskQueue, kind: proto.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
        taskQueueType: proto.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
        reportStats: true,
      });
      const countStarted = performance.now();
      const { count: running } = await client.workflow.count(
        `TaskQueue = '${taskQueue}' AND ExecutionStatus = 'Running'`,
      );
      const countMs = Math.round(performance.now() - countStarted);
      console.log(
        `t=${((Date.now() - started) / 1000).toFixed(1)} started=${next} done=${done} running=${running} (${countMs} ms) backlog=${Number(response.stats?.approximateBacklogCount ?? -1)} age=${response.stats?.approximateBacklogAge?.seconds ?? 0}`,
      );
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  await progress;
  const seconds = (Date.now() - started) / 1000;
  const cores = cpu();
  // Let the last workflows complete (their audit rows are written before the run's final step).
  let activity = await server();
  for (let waited = 0; activity.workflowsCompleted < N && waited < 10_000; waited += 250) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    activity = await server();
  }
  const perWorkflowMs = Object.fromEntries(
    Object.entries(cores.cpuSeconds).map(([name, cpuSeconds]) => [name, Math.round((cpuSeconds * 1000 * 10) / N) / 10]),
  );
  console.log(
    JSON.stringify({
      variant,
      eager,
      tracing: Boolean(tracing),
      window: Number.isFinite(window) ? window : "none",
      polls: polls ?? "default",
      dynamicConfig: process.env.DYN ?? "",
      pragmas: process.env.PRAGMA ?? "",
      sqliteFile: process.env.DB_FILE === "1",
      n: N,
      eagerlyStarted,
      startSeconds: (startedAllAt - started) / 1000,
      seconds,
      perSecond: Math.round(N / seconds),
      coresUsed: cores.coresUsed,
      cpuMsPerWorkflow: perWorkflowMs,
      temporal: activity,
      load: loadavg().map((v) => v.toFixed(1)),
    }),
  );
  await worker.shutdown();
  await running;
  await dataSource.destroy();
} finally {
  await temporal.stop();
  await postgres.stop();
}
