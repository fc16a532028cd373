// Schemathesis (PyPI), installed on demand into .tools/schemathesis like the Temporal CLI is, and run
// against a live api. Pinned: a new release can bring new checks, and the suite should change only
// when we decide it does.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, renameSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { projectRoot } from "@churchhub/local-stack";

export const SCHEMATHESIS_VERSION = "4.32.5";
const target = path.join(projectRoot, ".tools", "schemathesis");
const hooksDirectory = path.join(projectRoot, "fuzz-tests", "schemathesis");

/** Installs schemathesis unless this version is already there; throws with pip's words if it cannot. */
export function ensureSchemathesis(): void {
  if (existsSync(path.join(target, `schemathesis-${SCHEMATHESIS_VERSION}.dist-info`))) return;
  // Into a fresh directory first, then swapped in whole, so a concurrent run never sees half an install.
  const staging = `${target}.installing-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const pip = spawnSync(
    "python3",
    [
      "-m",
      "pip",
      "install",
      "--quiet",
      "--disable-pip-version-check",
      "--target",
      staging,
      `schemathesis==${SCHEMATHESIS_VERSION}`,
    ],
    {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      timeout: 600_000,
    },
  );
  if (pip.status !== 0) {
    rmSync(staging, { recursive: true, force: true });
    throw new Error(
      `Could not install schemathesis==${SCHEMATHESIS_VERSION} from PyPI with python3 -m pip:\n${pip.stderr || String(pip.error)}`,
    );
  }
  if (!existsSync(path.join(target, `schemathesis-${SCHEMATHESIS_VERSION}.dist-info`))) {
    rmSync(target, { recursive: true, force: true });
    renameSync(staging, target);
  } else {
    rmSync(staging, { recursive: true, force: true });
  }
}

export interface SchemathesisRun {
  exitCode: number | null;
  output: string;
}

/** `st --config-file fuzz-tests/schemathesis/schemathesis.toml run <args>`, asynchronously (the api under test serves from this same process). */
export function runSchemathesis(
  args: string[],
  env: Record<string, string>,
  timeoutMs: number,
): Promise<SchemathesisRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      "python3",
      [path.join(target, "bin", "st"), "--config-file", path.join(hooksDirectory, "schemathesis.toml"), "run", ...args],
      {
        // Anything schemathesis writes (reports, caches) stays out of the repository.
        cwd: os.tmpdir(),
        env: {
          ...process.env,
          ...env,
          PYTHONPATH: [target, hooksDirectory].join(path.delimiter),
          PYTHONDONTWRITEBYTECODE: "1",
          SCHEMATHESIS_HOOKS: "sign_cal_webhooks",
          NO_COLOR: "1",
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGTERM"), timeoutMs);
    child.on("error", reject);
    child.on("close", (exitCode) => {
      clearTimeout(timer);
      resolve({ exitCode, output });
    });
  });
}
