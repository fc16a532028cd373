// Builds (once, with the machine's Go) and runs compose-validate, the small Go program that loads a
// Compose file with compose-go, the reference implementation `docker compose` is built on. The module
// proxy is needed only for the first build; after that the Go module cache makes it offline.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { deployChecksRoot } from "./repository-paths.js";

const sourceDirectory = path.join(deployChecksRoot, "compose-validate");
const binDirectory = path.join(deployChecksRoot, ".bin");
const binary = path.join(binDirectory, "compose-validate");
const stampFile = path.join(binDirectory, "compose-validate.stamp");

/** The parts of compose-go's normalised project JSON the checks read. */
export interface ComposeProject {
  name: string;
  services: Record<string, ComposeService>;
  networks?: Record<string, { ipam?: { config?: Array<{ subnet?: string }> } }>;
}

export interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile?: string; target?: string };
  command?: string[] | null;
  entrypoint?: string[] | null;
  container_name?: string;
  restart?: string;
  healthcheck?: { test?: string[]; disable?: boolean };
  depends_on?: Record<string, { condition: string; required: boolean }>;
  ports?: Array<{ target: number; published?: string; host_ip?: string }>;
  environment?: Record<string, string | null>;
  volumes?: Array<{ type: string; source?: string; target: string; read_only?: boolean }>;
  networks?: Record<string, { ipv4_address?: string } | null>;
}

export type ValidationResult = { valid: true; project: ComposeProject } | { valid: false; problems: string };

export class ComposeValidatorBuildError extends Error {
  constructor(detail: string) {
    super(
      `Could not build deploy-checks/compose-validate with Go: ${detail}\n` +
        "It needs Go 1.26+ on PATH and, the first time only, the Go module proxy (the modules are then cached).",
    );
    this.name = "ComposeValidatorBuildError";
  }
}

async function sourceStamp(goVersion: string): Promise<string> {
  const hash = createHash("sha256").update(goVersion);
  for (const name of ["go.mod", "go.sum", "main.go"])
    hash.update(name).update(await readFile(path.join(sourceDirectory, name)));
  return hash.digest("hex");
}

/** Builds the validator unless the binary was built from the same sources with the same Go. */
export async function ensureComposeValidator(): Promise<string> {
  const version = spawnSync("go", ["version"], { encoding: "utf8" });
  if (version.status !== 0)
    throw new ComposeValidatorBuildError(`\`go version\` failed: ${version.error?.message ?? version.stderr}`);
  const stamp = await sourceStamp(version.stdout.trim());
  if (existsSync(binary) && (await readFile(stampFile, "utf8").catch(() => "")) === stamp) return binary;

  await mkdir(binDirectory, { recursive: true });
  const partial = `${binary}.${process.pid}.partial`;
  // -mod=readonly: go.mod and go.sum are committed and must already be complete. -buildvcs=false: the
  // binary needs no version stamp, and the build then works in any checkout (or none).
  const build = spawnSync("go", ["build", "-mod=readonly", "-buildvcs=false", "-o", partial, "."], {
    cwd: sourceDirectory,
    encoding: "utf8",
    env: { ...process.env, CGO_ENABLED: "0" },
    timeout: 600_000,
  });
  if (build.status !== 0)
    throw new ComposeValidatorBuildError((build.stderr || String(build.error ?? "failed")).trim());
  await rename(partial, binary);
  await writeFile(stampFile, stamp);
  return binary;
}

/** Loads `file` with every check `docker compose config` makes, interpolating from `envFile` only. */
export async function validateComposeFile(file: string, envFile: string): Promise<ValidationResult> {
  const validator = await ensureComposeValidator();
  // An empty environment: nothing from this process (or the developer's shell) leaks into the result.
  const run = spawnSync(validator, ["-file", file, "-env-file", envFile], {
    encoding: "utf8",
    env: {},
    maxBuffer: 16 * 1024 * 1024,
  });
  if (run.status === 0) return { valid: true, project: JSON.parse(run.stdout) as ComposeProject };
  return { valid: false, problems: (run.stderr || String(run.error ?? `exit ${run.status}`)).trim() };
}

/** Like validateComposeFile, for tests that need a valid project to inspect. */
export async function loadComposeProject(file: string, envFile: string): Promise<ComposeProject> {
  const result = await validateComposeFile(file, envFile);
  if (!result.valid) throw new Error(`${path.basename(file)} is not a valid Compose file:\n${result.problems}`);
  return result.project;
}
