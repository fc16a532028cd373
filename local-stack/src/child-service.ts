// Runs a process of the stack (our api, worker, emulator, web app, a Temporal server, a bench peer) as a
// child: its output either relayed line by line with a [name] prefix, the way `docker compose` shows it,
// or appended to a log file; stopped with SIGTERM so it can drain, SIGKILL after a grace period. The one
// runner for `npm run dev`, the bench and the fault-injection suite.
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { createInterface } from "node:readline";
import { waitForHttp } from "./wait-for-http.js";

export interface ChildServiceOptions {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  /**
   * Append its output to this file instead of relaying it. The bench needs that: at thousands of requests
   * a second, relaying every log line through its own event loop would load the process that measures.
   */
  logFile?: string;
  /** Run it under `nice -n` (which execs, so the pid is the service's own), for every thread. */
  niceness?: number;
  /** How long stop() waits after SIGTERM before SIGKILL; 30 s unless given. */
  stopGraceMs?: number;
}

export interface ChildService {
  name: string;
  process: ChildProcess;
  pid: number;
  logFile: string | undefined;
  exited: Promise<number | null>;
  isRunning(): boolean;
  /** SIGTERM: the service drains and exits by itself (SIGKILL after the grace period). Resolves with the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL: no chance to drain. */
  kill(): Promise<void>;
}

export function startChildService(options: ChildServiceOptions): ChildService {
  const [command, args] =
    options.niceness && options.niceness > 0
      ? ["nice", ["-n", String(options.niceness), options.command, ...options.args]]
      : [options.command, options.args];
  const log = options.logFile === undefined ? undefined : openSync(options.logFile, "a");
  const child = spawn(command, args, {
    env: options.env,
    cwd: options.cwd,
    stdio: ["ignore", log ?? "pipe", log ?? "pipe"],
  });
  if (log === undefined) {
    for (const stream of [child.stdout, child.stderr])
      if (stream)
        createInterface({ input: stream }).on("line", (line) => process.stdout.write(`[${options.name}] ${line}\n`));
  } else {
    closeSync(log); // the child has its own copy of the descriptor
  }
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const isRunning = () => child.exitCode === null && child.signalCode === null;
  return {
    name: options.name,
    process: child,
    pid: child.pid!,
    logFile: options.logFile,
    exited,
    isRunning,
    async stop() {
      if (isRunning()) child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), options.stopGraceMs ?? 30_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
    async kill() {
      if (isRunning()) child.kill("SIGKILL");
      await exited;
    },
  };
}

/** Node running a TypeScript entry point through tsx, exactly as the package scripts and images do. */
export function tsxCommand(entry: string): [string, string[]] {
  return [process.execPath, ["--import", "tsx", entry]];
}

/** Waits until `url` answers 2xx; fails at once if the service exits, naming its log file if it has one. */
export async function waitUntilServing(service: ChildService, url: string, timeoutMs: number): Promise<void> {
  try {
    await waitForHttp(url, timeoutMs, service.isRunning);
  } catch (error) {
    const where = service.logFile ? `; see ${service.logFile}` : "";
    throw new Error(`${service.name}: ${(error as Error).message}${where}`, { cause: error });
  }
}
