// Builds the Next.js booking page once (skipped while its sources are unchanged) and runs its server (web/server.mjs)
// on a free port against a given api, as production would.
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort, waitForHttp } from "@churchhub/local-stack";

const webDirectory = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../web");
const nextBin = createRequire(path.join(webDirectory, "package.json")).resolve("next/dist/bin/next");
const webServerScript = path.join(webDirectory, "server.mjs");
const buildStampFile = path.join(webDirectory, ".next", "e2e-build-stamp");
const buildReportFile = path.resolve(webDirectory, "..", "test-results", "next-build.txt");

export interface RunningWebApp {
  url: string;
  /** Everything the server printed, for a failing test's message. */
  output(): string;
  stop(): Promise<void>;
}

/** `next build`, unless the last build was made from the same sources and dependency versions. */
export async function buildWebAppOnce(): Promise<void> {
  const stamp = await sourceStamp();
  const previous = await readFile(buildStampFile, "utf8").catch(() => "");
  if (previous === stamp && existsSync(path.join(webDirectory, ".next", "BUILD_ID"))) return;
  const { code, output } = await run(process.execPath, [nextBin, "build"], {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
  });
  // next build's own output stays out of the test log; a failed build's is kept in a file.
  if (code !== 0) {
    await mkdir(path.dirname(buildReportFile), { recursive: true });
    await writeFile(buildReportFile, output);
    throw new Error(`next build failed (exit ${code}); its output is in ${buildReportFile}`);
  }
  await writeFile(buildStampFile, stamp);
}

/** `port`: when its URL must be known before it starts (the api links hosts to their booking page). */
export async function startWebApp(settings: {
  apiUrl: string;
  webServerToken: string;
  port?: number;
  /** The Temporal UI the staff pages link to. */
  temporalUiUrl?: string;
  /** Proxies whose X-Forwarded-For the web server believes (WEB_TRUSTED_PROXIES). */
  trustedProxies?: string;
}): Promise<RunningWebApp> {
  const port = settings.port ?? (await freePort());
  const env = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
    API_URL: settings.apiUrl,
    WEB_SERVER_TOKEN: settings.webServerToken,
    TEMPORAL_UI_URL: settings.temporalUiUrl ?? "",
    WEB_TRUSTED_PROXIES: settings.trustedProxies ?? "",
  };
  const child = spawn(process.execPath, [webServerScript, "--hostname", "127.0.0.1", "--port", String(port)], {
    cwd: webDirectory,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = collectOutput(child);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${url}/icon.svg`, 60_000, () => child.exitCode === null);
  } catch (error) {
    await stopChild(child);
    throw new Error(`the web server did not come up: ${(error as Error).message}\n${output()}`);
  }
  return { url, output, stop: () => stopChild(child) };
}

async function sourceStamp(): Promise<string> {
  const hash = createHash("sha256");
  const files = [
    ...(await listFiles(path.join(webDirectory, "src"))),
    ...(await listFiles(path.join(webDirectory, "public"))),
    // The questionnaire evaluator is compiled into the app from its workspace's sources.
    ...(await listFiles(path.join(webDirectory, "..", "questionnaire", "src"))),
    ...[
      "next.config.mjs",
      "server.mjs",
      "postcss.config.mjs",
      "atoms-bundle-fixes-loader.cjs",
      "package.json",
      "tsconfig.json",
    ].map((name) => path.join(webDirectory, name)),
  ].sort();
  for (const file of files) hash.update(file).update(await readFile(file));
  for (const dependency of ["next", "@calcom/atoms", "react"])
    hash.update(`${dependency}@${installedVersion(dependency)}`);
  return hash.digest("hex");
}

/** The version Node would load from web/ (read from disk: not every package exports its package.json). */
function installedVersion(name: string): string {
  for (let directory = webDirectory; ; directory = path.dirname(directory)) {
    const manifest = path.join(directory, "node_modules", name, "package.json");
    if (existsSync(manifest)) return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
    if (path.dirname(directory) === directory) return "missing";
  }
}

async function listFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

function collectOutput(child: ChildProcess): () => string {
  let text = "";
  const append = (chunk: Buffer) => {
    text = (text + chunk.toString("utf8")).slice(-20_000);
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  return () => text;
}

function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: webDirectory, env, stdio: ["ignore", "pipe", "pipe"] });
    const output = collectOutput(child);
    child.once("error", reject);
    child.once("exit", (code) => resolve({ code, output: output() }));
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const killTimer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(killTimer);
}
