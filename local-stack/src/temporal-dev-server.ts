// Starts `temporal server start-dev` (with its Web UI and, for dev, a SQLite file so history survives a
// restart) through @temporalio/testing's local-server support rather than hand-written process handling.
// It always registers the project's search attributes, so the local stack, the tests and the fault
// suite run on a Temporal an operator can search the way production's can.
import { TestWorkflowEnvironment } from "@temporalio/testing";
import { DELIVERY_SEARCH_ATTRIBUTES, searchAttributeSpecs } from "@churchhub/contracts";
import { describeTemporalCli, TemporalCliNotFoundError, type ResolvedTemporalCli } from "./temporal-cli.js";

export interface TemporalDevServerOptions {
  cli: ResolvedTemporalCli;
  namespace: string;
  port?: number;
  /** Omit for a headless server (tests). */
  uiPort?: number;
  /** Omit for an in-memory server (tests). */
  dbFilename?: string;
  codecEndpoint?: string;
}

export interface RunningTemporal {
  address: string;
  uiUrl: string | null;
  environment: TestWorkflowEnvironment;
  stop(): Promise<void>;
}

export async function startTemporalDevServer(options: TemporalDevServerOptions): Promise<RunningTemporal> {
  // Registered at start (a no-op when a kept SQLite file has them already).
  const extraArgs = searchAttributeSpecs(DELIVERY_SEARCH_ATTRIBUTES).flatMap((spec) => ["--search-attribute", spec]);
  if (options.uiPort !== undefined) {
    extraArgs.push("--ui-disable-news-fetch");
    if (options.codecEndpoint) extraArgs.push("--ui-codec-endpoint", options.codecEndpoint);
  }
  // SQLite's default rollback journal syncs every commit to disk: the dev server then manages only a few
  // workflows a second and times out its own persistence calls under load (fault-tests measured ~4/s
  // against ~15/s). WAL with synchronous=normal is as fast as memory and still keeps every commit when
  // the server process is killed; only an operating-system crash could lose the last few.
  if (options.dbFilename)
    extraArgs.push("--sqlite-pragma", "journal_mode=wal", "--sqlite-pragma", "synchronous=normal");
  let environment: TestWorkflowEnvironment;
  try {
    environment = await TestWorkflowEnvironment.createLocal({
      server: {
        executable: options.cli.executable,
        namespace: options.namespace,
        ip: "127.0.0.1",
        port: options.port,
        ui: options.uiPort !== undefined,
        uiPort: options.uiPort,
        dbFilename: options.dbFilename,
        extraArgs,
      },
    });
  } catch (error) {
    if (options.cli.executable.type === "cached-download") {
      throw new TemporalCliNotFoundError([
        ...options.cli.attempts,
        `@temporalio/testing download: ${(error as Error).message}`,
      ]);
    }
    throw new Error(
      `Temporal dev server (${describeTemporalCli(options.cli)}) did not start: ${(error as Error).message}`,
      { cause: error },
    );
  }
  const address = environment.address;
  return {
    address,
    uiUrl: options.uiPort !== undefined ? `http://127.0.0.1:${options.uiPort}` : null,
    environment,
    stop: () => environment.teardown(),
  };
}
