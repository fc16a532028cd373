// Runs one service (our api or worker, or a bench peer) as a child process with Node + tsx, exactly as
// the package scripts and images do. Unlike local-stack's child service, output goes to a log file:
// at thousands of requests per second, relaying every log line through the bench's own event loop
// would load the very process that measures latency.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import { once } from "node:events";

export interface ServiceProcess {
  name: string;
  pid: number;
  process: ChildProcess;
  logFile: string;
  stop(): Promise<void>;
}

/**
 * `nodeArgs`: extra flags for Node itself (e.g. --cpu-prof, which NODE_OPTIONS does not accept).
 * `niceness`: run it under `nice -n` (which execs, so the pid is the service's), for every thread.
 */
export async function startServiceProcess(
  name: string,
  entry: string,
  env: NodeJS.ProcessEnv,
  cwd: string,
  logFile: string,
  nodeArgs: string[] = [],
  niceness = 0,
): Promise<ServiceProcess> {
  const log = createWriteStream(logFile, { flags: "a" });
  await once(log, "open");
  const command = [process.execPath, ...nodeArgs, "--import", "tsx", entry];
  const [executable, ...args] = niceness > 0 ? ["nice", "-n", String(niceness), ...command] : command;
  const child = spawn(executable!, args, { env, cwd, stdio: ["ignore", log, log] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    name,
    pid: child.pid!,
    process: child,
    logFile,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
      await exited;
      clearTimeout(timer);
      log.end();
    },
  };
}

/** Waits until `url` answers 2xx, or fails once the process has exited or the time is up. */
export async function waitUntilServing(service: ServiceProcess, url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service.process.exitCode !== null)
      throw new Error(`${service.name} exited (code ${service.process.exitCode}); see ${service.logFile}`);
    const ok = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${service.name} did not answer ${url} within ${timeoutMs} ms; see ${service.logFile}`);
}
