// Starts the stack the fault suite breaks, wired as `npm run dev` wires it but with nothing shared: its
// own Postgres (data under .data/fault-tests/run-*, reachable for the postgres user), its own Temporal
// (SQLite file beside it), and the worker and api as child processes, all on free ports.
import { randomBytes } from "node:crypto";
import { chmod, mkdir, mkdtemp, rm } from "node:fs/promises";
import path from "node:path";
import { freePort, projectRoot, resolveTemporalCli } from "@churchhub/local-stack";
import type { Logger } from "@churchhub/logging";
import {
  httpReady,
  pollingReady,
  postgresProcess,
  serviceProcess,
  temporalProcess,
  type PostgresProcess,
  type ServiceProcess,
  type TemporalProcess,
} from "./stack-processes.js";

export interface FaultStack {
  apiUrl: string;
  webhookSecret: string;
  databaseUrl: string;
  taskQueue: string;
  postgres: PostgresProcess;
  temporal: TemporalProcess;
  api: ServiceProcess;
  worker: ServiceProcess;
  /** Stops everything that is running and, unless keepData, deletes the run's data. */
  stop(): Promise<void>;
}

export interface FaultStackOptions {
  logger: Logger;
  /** LOG_LEVEL of the api and worker (their output is prefixed and interleaved with the test's). */
  serviceLogLevel: string;
  keepData: boolean;
}

const SERVICE_READY_TIMEOUT_MS = 90_000;

export async function startFaultStack(options: FaultStackOptions): Promise<FaultStack> {
  const suiteDir = path.join(projectRoot, ".data", "fault-tests");
  await mkdir(suiteDir, { recursive: true, mode: 0o755 });
  const runDir = await mkdtemp(path.join(suiteDir, "run-"));
  // mkdtemp makes it private (0700); as root, postgres runs as the postgres user, which must pass through.
  await chmod(runDir, 0o755);

  const [postgresPort, temporalPort, apiPort, workerPort] = [
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
  ];
  const taskQueue = `fault-tests-${randomBytes(4).toString("hex")}`;
  const webhookSecret = randomBytes(24).toString("hex");
  const apiUrl = `http://127.0.0.1:${apiPort}`;

  const postgres = postgresProcess({
    dataDir: path.join(runDir, "postgres"),
    port: postgresPort,
    database: "churchhub_faults",
    logger: options.logger,
  });
  const temporal = temporalProcess({
    cli: await resolveTemporalCli({ projectRoot, allowTestingDownload: true }),
    port: temporalPort,
    namespace: "default",
    dbFilename: path.join(runDir, "temporal.db"),
  });

  // A clean environment rather than the test runner's (vitest sets NODE_ENV=test, a developer's shell
  // may set DATABASE_URL): exactly the settings the processes read, as a deployment would give them.
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}),
    NODE_ENV: "development",
    LOG_LEVEL: options.serviceLogLevel,
    API_HOST: "127.0.0.1",
    PORT: String(apiPort),
    WORKER_HOST: "127.0.0.1",
    WORKER_PORT: String(workerPort),
    DATA_DIR: runDir,
    DATABASE_URL: postgres.url,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_NAMESPACE: "default",
    TEMPORAL_TASK_QUEUE: taskQueue,
    CAL_WEBHOOK_SECRET: webhookSecret,
    WEB_SERVER_TOKEN: randomBytes(24).toString("hex"),
  };
  const worker = serviceProcess({
    name: "worker",
    entry: "worker/src/main.ts",
    env,
    cwd: projectRoot,
    ready: pollingReady(temporal, taskQueue, SERVICE_READY_TIMEOUT_MS),
  });
  const api = serviceProcess({
    name: "api",
    entry: "api/src/main.ts",
    env,
    cwd: projectRoot,
    ready: httpReady(`${apiUrl}/health`, SERVICE_READY_TIMEOUT_MS),
  });

  // If the test process dies without its hooks running, do not leave our children behind.
  const killChildren = () => {
    for (const service of [api, worker]) {
      const pid = service.pid();
      try {
        if (pid !== undefined) process.kill(pid, "SIGKILL");
      } catch {
        // Already gone between the check and the kill: nothing left to stop.
      }
    }
  };
  process.once("exit", killChildren);

  const stop = async () => {
    process.off("exit", killChildren);
    await api.stop().catch((error: unknown) => options.logger.warn({ err: error }, "api stop failed"));
    await worker.stop().catch((error: unknown) => options.logger.warn({ err: error }, "worker stop failed"));
    await temporal.stop().catch((error: unknown) => options.logger.warn({ err: error }, "temporal stop failed"));
    await postgres.stop().catch((error: unknown) => options.logger.warn({ err: error }, "postgres stop failed"));
    if (!options.keepData) await rm(runDir, { recursive: true, force: true });
    else options.logger.warn({ runDir }, "fault-test data kept");
  };

  try {
    await postgres.start();
    await temporal.start();
    // Both run the migrations on start-up, under an advisory lock, so they can start side by side.
    await Promise.all([worker.start(), api.start()]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { apiUrl, webhookSecret, databaseUrl: postgres.url, taskQueue, postgres, temporal, api, worker, stop };
}
