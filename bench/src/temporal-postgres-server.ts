// Runs Temporal's official server (not the dev server) on Postgres for BENCH_TEMPORAL=server: the shape a
// production deployment has. Its two stores are databases of their own in the bench's Postgres, their
// schemas made by Temporal's SQL tool, and the server started from a generated config with the
// `postgres12` plugin and 4 history shards, on free ports, with its Prometheus metrics on, the
// namespace created and the project's search attributes registered.
import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { createServer } from "node:net";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { Connection } from "@temporalio/client";
import { msToTs } from "@temporalio/common/lib/time.js";
import { DELIVERY_SEARCH_ATTRIBUTES } from "@churchhub/contracts";
import { freePort, projectRoot, resolveTemporalCli } from "@churchhub/local-stack";
import type { TemporalServerBinaries } from "./temporal-server-binaries.js";
import type { RunningTemporalServer } from "./temporal-server.js";

export interface PostgresTemporalOptions {
  binaries: TemporalServerBinaries;
  /** Any database URL of the Postgres to use (its host, port, user and password are reused). */
  postgresUrl: string;
  /** Where the generated config files go. */
  configDir: string;
  logFile: string;
  namespace: string;
  /** Run it under `nice -n` (see service-process.ts). */
  niceness?: number;
}

const STORE_DATABASE = "temporal";
const VISIBILITY_DATABASE = "temporal_visibility";
// What Temporal's own development config for Postgres uses; the dev server has one.
const HISTORY_SHARDS = 4;

async function runTool(executable: string, args: string[], logFile: string): Promise<void> {
  // A child's stdio must be a stream with a file descriptor already.
  const log = createWriteStream(logFile, { flags: "a" });
  await once(log, "open");
  return new Promise((resolve, reject) => {
    const child = spawn(executable, args, { stdio: ["ignore", log, log] });
    child.once("error", reject);
    child.once("exit", (code) => {
      log.end();
      if (code === 0) resolve();
      else
        reject(
          new Error(`${path.basename(executable)} ${args.slice(-4).join(" ")} exited with ${code}; see ${logFile}`),
        );
    });
  });
}

/** Creates both databases and brings their schemas to the versions embedded in the SQL tool. */
async function createSchemas(options: PostgresTemporalOptions): Promise<void> {
  const url = new URL(options.postgresUrl);
  const connection = [
    "--plugin",
    "postgres12",
    "--endpoint",
    url.hostname,
    "--port",
    url.port,
    "--user",
    decodeURIComponent(url.username),
    "--password",
    decodeURIComponent(url.password),
  ];
  for (const [database, schema] of [
    [STORE_DATABASE, "postgresql/v12/temporal"],
    [VISIBILITY_DATABASE, "postgresql/v12/visibility"],
  ] as const) {
    const tool = (...args: string[]) =>
      runTool(options.binaries.sqlTool, [...connection, "--database", database, ...args], options.logFile);
    await tool("create-database");
    await tool("setup-schema", "--version", "0.0");
    // The versioned schema directories are embedded in the tool (the same files as the module's
    // schema/postgresql/v12/*/versioned), so the Go module cache need not still be there.
    await tool("update-schema", "--schema-name", schema);
  }
}

/**
 * A free loopback port below 32768: the server records its services' ports in Postgres as a smallint
 * (cluster_membership), so the kernel's ephemeral ports (32768 and up on Linux) make it exit.
 */
async function freeSmallPort(): Promise<number> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    const free = await new Promise<boolean>((resolve) => {
      const server = createServer();
      server.unref();
      server.once("error", () => resolve(false));
      server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error("no free port between 20000 and 32000 on 127.0.0.1");
}

type Ports = Record<"frontend" | "frontendHttp" | "history" | "matching" | "worker" | "metrics", number> & {
  membership: Record<"frontend" | "history" | "matching" | "worker", number>;
};

/** The server config, as JSON (which YAML, the format the server reads, includes). */
function serverConfig(options: PostgresTemporalOptions, ports: Ports, dynamicConfigFile: string): object {
  const url = new URL(options.postgresUrl);
  const store = (databaseName: string, maxConns: number) => ({
    sql: {
      pluginName: "postgres12",
      databaseName,
      connectAddr: `${url.hostname}:${url.port}`,
      connectProtocol: "tcp",
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
      maxConns,
      maxIdleConns: maxConns,
      maxConnLifetime: "1h",
    },
  });
  const service = (grpcPort: number, membershipPort: number, extra: object = {}) => ({
    rpc: { grpcPort, membershipPort, bindOnLocalHost: true, ...extra },
  });
  return {
    log: { stdout: true, level: "warn", format: "json" },
    persistence: {
      defaultStore: "postgres-default",
      visibilityStore: "postgres-visibility",
      numHistoryShards: HISTORY_SHARDS,
      datastores: {
        // Each of the four services has its own pools: at most 4 × (10 + 2) sessions of Postgres's 200.
        "postgres-default": store(STORE_DATABASE, 10),
        "postgres-visibility": store(VISIBILITY_DATABASE, 2),
      },
    },
    global: {
      membership: { maxJoinDuration: "30s", broadcastAddress: "127.0.0.1" },
      metrics: {
        prometheus: { framework: "tally", timerType: "histogram", listenAddress: `127.0.0.1:${ports.metrics}` },
      },
    },
    services: {
      frontend: service(ports.frontend, ports.membership.frontend, { httpPort: ports.frontendHttp }),
      history: service(ports.history, ports.membership.history),
      matching: service(ports.matching, ports.membership.matching),
      worker: service(ports.worker, ports.membership.worker),
    },
    clusterMetadata: {
      enableGlobalNamespace: false,
      failoverVersionIncrement: 10,
      masterClusterName: "active",
      currentClusterName: "active",
      clusterInformation: {
        active: {
          enabled: true,
          initialFailoverVersion: 1,
          rpcName: "frontend",
          rpcAddress: `127.0.0.1:${ports.frontend}`,
        },
      },
    },
    dcRedirectionPolicy: { policy: "noop" },
    dynamicConfigClient: { filepath: dynamicConfigFile, pollInterval: "10s" },
  };
}

/**
 * Dynamic config, each key what the dev server sets, so the two columns differ in persistence and
 * shards only: no call home, and a visibility rate of 100/s (the relay counts running workflows).
 */
const DYNAMIC_CONFIG = {
  "frontend.enableServerVersionCheck": [{ value: false }],
  "frontend.namespaceRPS.visibility": [{ value: 100 }],
};

async function waitForNamespace(
  address: string,
  namespace: string,
  child: { exitCode: number | null },
  logFile: string,
) {
  const deadline = Date.now() + 120_000;
  let registered = false;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`temporal server exited (code ${child.exitCode}); see ${logFile}`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1_000 });
      try {
        if (!registered) {
          await connection.workflowService
            .registerNamespace({ namespace, workflowExecutionRetentionPeriod: msToTs("1 day") })
            .catch((error: { code?: number }) => {
              // 6 = ALREADY_EXISTS (a retry after an answer that was lost).
              if (error.code !== 6) throw error;
            });
          registered = true;
        }
        // Listing goes through the frontend's namespace cache, which learns of a new namespace only on
        // its next refresh: ready when this answers.
        await connection.workflowService.countWorkflowExecutions({ namespace, query: "" });
        return;
      } finally {
        await connection.close();
      }
    } catch (error) {
      if (Date.now() > deadline)
        throw new Error(
          `temporal server did not serve namespace ${namespace} on ${address}: ${(error as Error).message}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

/** The project's search attributes, with the Temporal CLI (as the compose stack's job does). */
async function registerSearchAttributes(address: string, namespace: string, logFile: string): Promise<void> {
  const cli = await resolveTemporalCli({ projectRoot, allowTestingDownload: false });
  if (cli.executable.type !== "existing-path")
    throw new Error("the bench needs a Temporal CLI on disk (npm run tools:temporal)");
  const args = ["operator", "search-attribute", "create", "--address", address, "--namespace", namespace];
  for (const { name, type } of DELIVERY_SEARCH_ATTRIBUTES) args.push("--name", name, "--type", type);
  await runTool(cli.executable.path, args, logFile);
}

export async function startPostgresTemporalServer(options: PostgresTemporalOptions): Promise<RunningTemporalServer> {
  await createSchemas(options);
  const ports: Ports = {
    frontend: await freeSmallPort(),
    frontendHttp: await freeSmallPort(),
    history: await freeSmallPort(),
    matching: await freeSmallPort(),
    worker: await freeSmallPort(),
    metrics: await freePort(),
    membership: {
      frontend: await freeSmallPort(),
      history: await freeSmallPort(),
      matching: await freeSmallPort(),
      worker: await freeSmallPort(),
    },
  };
  const dynamicConfigFile = path.join(options.configDir, "temporal-dynamic-config.yaml");
  const configFile = path.join(options.configDir, "temporal-server.yaml");
  await writeFile(dynamicConfigFile, JSON.stringify(DYNAMIC_CONFIG, null, 2));
  await writeFile(configFile, JSON.stringify(serverConfig(options, ports, dynamicConfigFile), null, 2));

  const log = createWriteStream(options.logFile, { flags: "a" });
  await once(log, "open");
  const args = ["--config-file", configFile, "--allow-no-auth", "start"];
  const child = options.niceness
    ? spawn("nice", ["-n", String(options.niceness), options.binaries.server, ...args], { stdio: ["ignore", log, log] })
    : spawn(options.binaries.server, args, { stdio: ["ignore", log, log] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(timer);
    log.end();
  };
  const address = `127.0.0.1:${ports.frontend}`;
  try {
    await waitForNamespace(address, options.namespace, child, options.logFile);
    await registerSearchAttributes(address, options.namespace, options.logFile);
  } catch (error) {
    await stop();
    throw error;
  }
  return { address, metricsUrl: `http://127.0.0.1:${ports.metrics}/metrics`, pid: child.pid!, stop };
}
