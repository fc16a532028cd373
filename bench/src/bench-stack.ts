// Starts the stack the benchmark measures, on free ports: embedded Postgres (a fresh cluster under
// .data/bench/), an in-memory Temporal dev server (or with BENCH_TEMPORAL=server Temporal's official server
// on that Postgres) with its metrics on, and our worker and api as child
// processes configured as in production (NODE_ENV=production, every setting explicit). Also creates the databases the
// baselines and the seed peer write to, in the same Postgres, so they share its disk and CPU.
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { createDataSource, runMigrations } from "@churchhub/database";
import type { Logger } from "@churchhub/logging";
import {
  type ChildService,
  freePort,
  projectRoot,
  startChildService,
  startEmbeddedPostgres,
  tsxCommand,
  waitUntilServing,
} from "@churchhub/local-stack";
import type { TrackedProcess } from "./process-cpu.js";
import { startPostgresTemporalServer } from "./temporal-postgres-server.js";
import { ensureTemporalServerBinaries } from "./temporal-server-binaries.js";
import { startTemporalServer } from "./temporal-server.js";

export const BENCH_DATA_DIR = path.join(projectRoot, ".data", "bench");
const BENCH_WEBHOOKS_PER_MINUTE = 100_000_000;

export interface BenchStack {
  apiUrl: string;
  /** Our database (the api's and worker's). */
  databaseUrl: string;
  /** Same server, a database for the seed peer (same schema, so the same SQL). */
  seedPeerDatabaseUrl: string;
  /** Same server, an empty database for the insert-ceiling baseline. */
  baselineDatabaseUrl: string;
  temporalAddress: string;
  /** Temporal's Prometheus endpoint. */
  temporalMetricsUrl: string;
  /** The worker's Temporal SDK metrics (Prometheus). */
  workerSdkMetricsUrl: string;
  webhookSecret: string;
  /** The environment our services run with, for peers that reuse our code and settings. */
  serviceEnv: NodeJS.ProcessEnv;
  api: ChildService;
  worker: ChildService;
  logDir: string;
  /** The processes whose CPU time each phase reports. */
  processes: TrackedProcess[];
  stop(): Promise<void>;
}

export interface BenchStackOptions {
  logger: Logger;
  /** Extra Node flags for the api and worker (e.g. --cpu-prof). */
  nodeArgs?: string[];
  /** Extra `--dynamic-config-value`s for the Temporal dev server (experiments only). */
  temporalDynamicConfig?: string[];
  /**
   * Nice value for the worker and Temporal (0: same priority as the api). Acknowledging is the part
   * Cal.com waits for; draining can wait in the inbox. On one small machine, a lower priority for the
   * pipeline is how an operator would say so.
   */
  pipelineNiceness?: number;
  /**
   * `dev` (default): `temporal server start-dev`, in memory, one history shard. `server`: Temporal's
   * official server on Postgres (a database of its own in the bench's Postgres), 4 history shards.
   */
  temporal?: "dev" | "server";
  /** Progress lines (the server build on first use). */
  log?: (line: string) => void;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function createMigratedDatabase(adminUrl: string, database: string, migrate: boolean): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(database)}`).finally(() => admin.end());
  const url = withDatabase(adminUrl, database);
  if (migrate) {
    const dataSource = createDataSource({ url, poolSize: 2 });
    await dataSource.initialize();
    await runMigrations(dataSource);
    await dataSource.destroy();
  }
  return url;
}

export async function startBenchStack(options: BenchStackOptions): Promise<BenchStack> {
  const cleanups: Array<() => Promise<unknown>> = [];
  const stop = async () => {
    for (const cleanup of cleanups.reverse())
      await cleanup().catch((error: unknown) => options.logger.warn({ err: error }, "stop failed"));
  };
  try {
    // A fresh cluster each run: the ledger counts rows, so nothing from an earlier run may be there.
    await rm(BENCH_DATA_DIR, { recursive: true, force: true });
    const logDir = path.join(BENCH_DATA_DIR, "logs");
    await mkdir(logDir, { recursive: true, mode: 0o755 });

    const postgres = await startEmbeddedPostgres({
      dataDir: path.join(BENCH_DATA_DIR, "postgres"),
      port: await freePort(),
      database: "churchhub",
      persistent: false,
      logger: options.logger,
    });
    cleanups.push(() => postgres.stop());
    const databaseUrl = postgres.url;
    const dataSource = createDataSource({ url: databaseUrl, poolSize: 2 });
    await dataSource.initialize();
    await runMigrations(dataSource);
    await dataSource.destroy();
    const seedPeerDatabaseUrl = await createMigratedDatabase(databaseUrl, "bench_seed_peer", true);
    const baselineDatabaseUrl = await createMigratedDatabase(databaseUrl, "bench_baseline", false);

    const postmasterPid = Number(
      (await readFile(path.join(postgres.dataDir, "postmaster.pid"), "utf8")).split("\n")[0],
    );

    const temporal =
      options.temporal === "server"
        ? await startPostgresTemporalServer({
            binaries: await ensureTemporalServerBinaries(options.log ?? (() => undefined)),
            postgresUrl: databaseUrl,
            configDir: BENCH_DATA_DIR,
            logFile: path.join(logDir, "temporal.log"),
            namespace: "default",
            niceness: options.pipelineNiceness,
          })
        : await startTemporalServer({
            logFile: path.join(logDir, "temporal.log"),
            dynamicConfig: options.temporalDynamicConfig,
            niceness: options.pipelineNiceness,
          });
    cleanups.push(() => temporal.stop());

    const port = await freePort();
    const webhookSecret = randomBytes(32).toString("hex");
    const serviceEnv: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      LOG_LEVEL: process.env.BENCH_SERVICE_LOG_LEVEL ?? "info",
      PORT: String(port),
      API_HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_NAMESPACE: "default",
      TEMPORAL_TASK_QUEUE: "churchhub-booking-bench",
      CAL_WEBHOOK_SECRET: webhookSecret,
      WEB_SERVER_TOKEN: randomBytes(32).toString("hex"),
      DATA_ENCRYPTION_KEYS: `bench:${randomBytes(32).toString("base64")}`,
      BLIND_INDEX_KEY: randomBytes(32).toString("base64"),
      CAL_OAUTH_CLIENT_ID: "",
      CAL_OAUTH_CLIENT_SECRET: "",
      WORKER_PORT: String(await freePort()),
      WORKER_SDK_METRICS_PORT: String(await freePort()),
      // The bench offers up to 2,000/s from one address to find the pipeline's capacity; production's
      // per-IP webhook limit (RATE_LIMIT_WEBHOOKS_PER_MINUTE, 6,000/min) would answer 429 above 100/s.
      RATE_LIMIT_WEBHOOKS_PER_MINUTE: String(BENCH_WEBHOOKS_PER_MINUTE),
      // Reconciliation asks Cal.com's API (not reachable here) on a schedule: keep it out of the way.
      RECONCILE_EVERY_MINUTES: "1440",
    };
    const worker = startBenchService("worker", "worker/src/main.ts", serviceEnv, path.join(logDir, "worker.log"), {
      nodeArgs: options.nodeArgs,
      niceness: options.pipelineNiceness,
    });
    cleanups.push(() => worker.stop());
    const api = startBenchService("api", "api/src/main.ts", serviceEnv, path.join(logDir, "api.log"), {
      nodeArgs: options.nodeArgs,
    });
    cleanups.push(() => api.stop());
    const apiUrl = `http://127.0.0.1:${port}`;
    await waitUntilServing(api, `${apiUrl}/health`, 90_000);
    await waitUntilServing(worker, `http://127.0.0.1:${serviceEnv.WORKER_PORT}/ready`, 90_000);

    const processes: TrackedProcess[] = [
      { name: "api", pid: api.pid },
      { name: "worker", pid: worker.pid },
      { name: "temporal", pid: temporal.pid },
      { name: "postgres", pid: postmasterPid, withChildren: true },
    ];
    return {
      apiUrl,
      databaseUrl,
      seedPeerDatabaseUrl,
      baselineDatabaseUrl,
      temporalAddress: temporal.address,
      temporalMetricsUrl: temporal.metricsUrl,
      workerSdkMetricsUrl: `http://127.0.0.1:${serviceEnv.WORKER_SDK_METRICS_PORT}/metrics`,
      webhookSecret,
      serviceEnv,
      api,
      worker,
      logDir,
      processes,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * One of our services (or a bench peer) under Node + tsx, as the package scripts and images run it, its
 * output in a log file. `nodeArgs`: flags for Node itself (e.g. --cpu-prof, which NODE_OPTIONS does not accept).
 */
export function startBenchService(
  name: string,
  entry: string,
  env: NodeJS.ProcessEnv,
  logFile: string,
  options: { nodeArgs?: string[]; niceness?: number } = {},
): ChildService {
  const [node, args] = tsxCommand(entry);
  return startChildService({
    name,
    command: node,
    args: [...(options.nodeArgs ?? []), ...args],
    env,
    cwd: projectRoot,
    logFile,
    niceness: options.niceness,
  });
}
