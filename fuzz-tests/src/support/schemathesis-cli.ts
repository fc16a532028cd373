// Schemathesis (PyPI), installed on first use into .tools/schemathesis by local-stack's PyPI tool
// installer, and run against a live api. Its output is a pytest-style report whose closing banner reads
// like a test run's verdict, so it is captured, never printed: a failed run's report goes to a file.
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensurePypiTool, projectRoot, type PypiTool } from "@churchhub/local-stack";

// Pinned: a new release can bring new checks, and the suite should change only when we decide it does.
export const SCHEMATHESIS: PypiTool = {
  name: "schemathesis",
  pypiPackage: "schemathesis",
  version: "4.32.5",
  command: "st",
};
const hooksDirectory = path.join(projectRoot, "fuzz-tests", "schemathesis");
const reportDirectory = path.join(projectRoot, "test-results", "schemathesis");

/** The `st` executable, installed first if need be (rejects with PypiToolInstallError, pip's words, if it cannot). */
export function ensureSchemathesis(): Promise<string> {
  return ensurePypiTool(projectRoot, SCHEMATHESIS);
}

/** Keeps a run's whole report in test-results/schemathesis/<name>.txt (git-ignored); returns the path. */
export function keepSchemathesisReport(name: string, output: string): string {
  mkdirSync(reportDirectory, { recursive: true });
  const file = path.join(reportDirectory, `${name.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "")}.txt`);
  writeFileSync(file, output);
  return file;
}

export interface SchemathesisRun {
  exitCode: number | null;
  /** Stopped by us after `timeoutMs` (then exitCode is null): unfinished, not a verdict. */
  timedOut: boolean;
  output: string;
}

/** `st --config-file fuzz-tests/schemathesis/schemathesis.toml run <args>`, asynchronously (the api under test serves from this same process). */
export async function runSchemathesis(
  args: string[],
  env: Record<string, string>,
  timeoutMs: number,
): Promise<SchemathesisRun> {
  const st = await ensureSchemathesis();
  return new Promise((resolve, reject) => {
    const child = spawn(st, ["--config-file", path.join(hooksDirectory, "schemathesis.toml"), "run", ...args], {
      // Anything schemathesis writes (reports, caches) stays out of the repository.
      cwd: os.tmpdir(),
      env: {
        ...process.env,
        ...env,
        PYTHONPATH: hooksDirectory, // the hooks module below
        PYTHONDONTWRITEBYTECODE: "1",
        SCHEMATHESIS_HOOKS: "sign_cal_webhooks",
        NO_COLOR: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGTERM");
    }, timeoutMs);
    child.on("error", reject);
    child.on("close", (exitCode) => {
      clearTimeout(timer);
      resolve({ exitCode, timedOut, output });
    });
  });
}
