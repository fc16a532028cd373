// Runs one of our services (api, worker, …) as a child process with its output prefixed, the way
// `docker compose` would run it, and stops it with SIGTERM so it can drain.
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";

export interface ChildService {
  name: string;
  process: ChildProcess;
  exited: Promise<number | null>;
  stop(): Promise<number | null>;
}

export function startChildService(
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
): ChildService {
  const child = spawn(command, args, { env, cwd, stdio: ["ignore", "pipe", "pipe"] });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on("line", (line) => process.stdout.write(`[${name}] ${line}\n`));
  }
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    name,
    process: child,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** Node running a TypeScript entry point through tsx, exactly as the package scripts and images do. */
export function tsxCommand(entry: string): [string, string[]] {
  return [process.execPath, ["--import", "tsx", entry]];
}
