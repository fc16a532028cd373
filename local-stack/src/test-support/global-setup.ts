// Vitest global setup: one real Postgres (embedded, throwaway) and one real Temporal dev server
// (in-memory) for the test run, migrated once; tests read their addresses with `inject`.
import { chmod, mkdir, mkdtemp, rm } from "node:fs/promises";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createDataSource, runMigrations } from "@churchhub/database";
import { createLogger } from "@churchhub/logging";
import { startEmbeddedPostgres, type RunningPostgres } from "../embedded-postgres.js";
import { freeLoopbackPort } from "@churchhub/worker/free-loopback-port";
import { projectRoot } from "../project-root.js";
import { describeTemporalCli, resolveTemporalCli } from "../temporal-cli.js";
import { startTemporalDevServer, type RunningTemporal } from "../temporal-dev-server.js";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    temporalAddress: string;
    temporalCliPath: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const logger = createLogger({ level: process.env.TEST_LOG_LEVEL ?? "warn", name: "test-stack" });
  const testDataRoot = path.join(projectRoot, ".data", "test");
  await mkdir(testDataRoot, { recursive: true });
  const runDir = await mkdtemp(path.join(testDataRoot, "run-"));
  // mkdtemp makes it private (0700); as root, the postgres user must be able to pass through it.
  await chmod(runDir, 0o755);

  let postgres: RunningPostgres | undefined;
  let temporal: RunningTemporal | undefined;
  try {
    const databaseUrl = process.env.TEST_DATABASE_URL;
    if (!databaseUrl) {
      postgres = await startEmbeddedPostgres({
        dataDir: path.join(runDir, "postgres"),
        port: await freeLoopbackPort(),
        database: "churchhub_test",
        persistent: false,
        logger,
      });
    }
    const url = databaseUrl ?? postgres!.url;
    const dataSource = createDataSource({ url, poolSize: 2 });
    await dataSource.initialize();
    await runMigrations(dataSource);
    await dataSource.destroy();

    const cli = await resolveTemporalCli({ projectRoot, allowTestingDownload: true });
    logger.info({ cli: describeTemporalCli(cli) }, "temporal cli");
    temporal = await startTemporalDevServer({ cli, namespace: "default", port: await freeLoopbackPort() });

    project.provide("databaseUrl", url);
    project.provide("temporalAddress", temporal.address);
    project.provide("temporalCliPath", cli.executable.type === "existing-path" ? cli.executable.path : "");
  } catch (error) {
    await temporal?.stop().catch(() => undefined);
    await postgres?.stop().catch(() => undefined);
    throw error;
  }

  return async () => {
    await temporal?.stop().catch((error: unknown) => logger.warn({ err: error }, "temporal stop failed"));
    await postgres?.stop().catch((error: unknown) => logger.warn({ err: error }, "postgres stop failed"));
    await rm(runDir, { recursive: true, force: true });
  };
}
