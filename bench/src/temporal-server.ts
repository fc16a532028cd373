// Runs `temporal server start-dev` (in memory, headless) as a child process of our own rather than
// through @temporalio/testing: so its log goes to a file instead of the bench's output, its pid is
// known (for CPU accounting), and its Prometheus metrics listen on a port we chose (for profiling).
import { Connection } from "@temporalio/client";
import { DELIVERY_SEARCH_ATTRIBUTES, searchAttributeSpecs } from "@churchhub/contracts";
import { freePort, projectRoot, resolveTemporalCli, startChildService } from "@churchhub/local-stack";

export interface RunningTemporalServer {
  address: string;
  metricsUrl: string;
  pid: number;
  stop(): Promise<void>;
}

export async function startTemporalServer(options: {
  logFile: string;
  dynamicConfig?: string[];
  sqlitePragmas?: string[];
  dbFilename?: string;
  /** Run it under `nice -n` (see local-stack's child-service.ts). */
  niceness?: number;
}): Promise<RunningTemporalServer> {
  const cli = await resolveTemporalCli({ projectRoot, allowTestingDownload: false });
  if (cli.executable.type !== "existing-path")
    throw new Error("the bench needs a Temporal CLI on disk (npm run tools:temporal)");
  const [port, metricsPort] = [await freePort(), await freePort()];
  const args = [
    "server",
    "start-dev",
    "--ip",
    "127.0.0.1",
    "--port",
    String(port),
    "--namespace",
    "default",
    "--headless",
  ];
  args.push("--metrics-port", String(metricsPort), "--log-format", "json", "--log-level", "warn");
  for (const value of ["frontend.enableServerVersionCheck=false", ...(options.dynamicConfig ?? [])])
    args.push("--dynamic-config-value", value);
  for (const spec of searchAttributeSpecs(DELIVERY_SEARCH_ATTRIBUTES)) args.push("--search-attribute", spec);
  for (const pragma of options.sqlitePragmas ?? []) args.push("--sqlite-pragma", pragma);
  if (options.dbFilename) args.push("--db-filename", options.dbFilename);
  const server = startChildService({
    name: "temporal",
    command: cli.executable.path,
    args,
    env: process.env,
    cwd: projectRoot,
    logFile: options.logFile,
    niceness: options.niceness,
    stopGraceMs: 10_000,
  });
  const address = `127.0.0.1:${port}`;
  const stop = async () => {
    await server.stop();
  };

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (!server.isRunning())
      throw new Error(`temporal server exited (code ${server.process.exitCode}); see ${options.logFile}`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1_000 });
      await connection.workflowService.getSystemInfo({});
      await connection.close();
      break;
    } catch (error) {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`temporal server did not become ready on ${address}: ${(error as Error).message}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  return { address, metricsUrl: `http://127.0.0.1:${metricsPort}/metrics`, pid: server.pid, stop };
}
