// Finds, or builds once, Temporal's official server and its SQL schema tool (go.temporal.io/server) under
// the git-ignored .tools/ folder, for BENCH_TEMPORAL=server. They come from the Go module proxy with
// `go install`; the build takes minutes and gigabytes, which is why it never runs as part of npm test.
import { spawn } from "node:child_process";
import { access, mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { projectRoot } from "@churchhub/local-stack";

/** The server release the bench measures (its CLI twin, temporal 1.9.1, embeds server 1.32.0). */
export const TEMPORAL_SERVER_VERSION = "v1.32.1";
const MODULE = "go.temporal.io/server";
export const TEMPORAL_SERVER_TOOLS_DIR = path.join(projectRoot, ".tools", "temporal-server");

export interface TemporalServerBinaries {
  /** The server (`go.temporal.io/server/cmd/server`, installed as `server`). */
  server: string;
  /** The schema tool (`.../cmd/tools/sql`, installed as `sql`). */
  sqlTool: string;
}

export class TemporalServerBuildError extends Error {
  constructor(detail: string) {
    super(
      `could not build Temporal's server ${TEMPORAL_SERVER_VERSION} with Go (${detail}); it needs Go on the PATH, ` +
        "the Go module proxy, about 2.6 GB of memory and several minutes",
    );
    this.name = "TemporalServerBuildError";
  }
}

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

function run(command: string, args: string[], env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let tail = "";
    const keep = (chunk: Buffer) => {
      tail = (tail + chunk.toString()).slice(-2_000);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.once("error", (error) => reject(new TemporalServerBuildError(error.message)));
    child.once("exit", (code) => {
      if (code === 0) resolve();
      else {
        log(tail);
        reject(new TemporalServerBuildError(`go install exited with ${code}`));
      }
    });
  });
}

/**
 * The binaries, built on first use. Versioned paths, so a changed version builds again instead of
 * running a stale binary. Built at nice 19: the machine is shared and the build is not in a hurry.
 */
export async function ensureTemporalServerBinaries(log: (line: string) => void): Promise<TemporalServerBinaries> {
  const binaries: TemporalServerBinaries = {
    server: path.join(TEMPORAL_SERVER_TOOLS_DIR, `temporal-server-${TEMPORAL_SERVER_VERSION}`),
    sqlTool: path.join(TEMPORAL_SERVER_TOOLS_DIR, `temporal-sql-tool-${TEMPORAL_SERVER_VERSION}`),
  };
  if ((await exists(binaries.server)) && (await exists(binaries.sqlTool))) return binaries;

  const goBin = path.join(TEMPORAL_SERVER_TOOLS_DIR, "go-bin");
  await mkdir(goBin, { recursive: true });
  log(
    `[bench] building Temporal's server ${TEMPORAL_SERVER_VERSION} and its SQL tool with go install (once; several minutes) into ${path.relative(projectRoot, TEMPORAL_SERVER_TOOLS_DIR)}`,
  );
  await run(
    "nice",
    [
      "-n",
      "19",
      "go",
      "install",
      `${MODULE}/cmd/server@${TEMPORAL_SERVER_VERSION}`,
      `${MODULE}/cmd/tools/sql@${TEMPORAL_SERVER_VERSION}`,
    ],
    // GOTOOLCHAIN=auto: a release may ask for a newer Go than the one installed; Go fetches it itself.
    { ...process.env, GOBIN: goBin, GOTOOLCHAIN: "auto" },
    log,
  );
  // `go install` names binaries after their package directories: `server` and `sql`.
  await rename(path.join(goBin, "server"), binaries.server);
  await rename(path.join(goBin, "sql"), binaries.sqlTool);
  await rm(goBin, { recursive: true, force: true });
  return binaries;
}
