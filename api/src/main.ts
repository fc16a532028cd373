// The api process: reads settings once, connects its database and Temporal, builds the app with
// buildApiDependencies, listens, and on SIGINT/SIGTERM stops accepting connections, lets in-flight
// requests finish, then closes its clients.
import { createServer } from "node:http";
import { createDataSource, runMigrations } from "@churchhub/database";
import { createProtectorFromSettings } from "@churchhub/field-encryption";
import { createDataConverter } from "@churchhub/temporal-encryption";
import { createLogger } from "@churchhub/logging";
import { startTracing } from "@churchhub/tracing";
import { loadSettings, requireSetting } from "@churchhub/settings";
import { createApp } from "./app.js";
import { buildApiDependencies } from "./build-api-dependencies.js";
import { createTemporalClient } from "./temporal-client.js";

const settings = loadSettings();
const logger = createLogger({ level: settings.LOG_LEVEL, name: "api" });
startTracing({ serviceName: "churchhub-api", otlpEndpoint: settings.OTEL_EXPORTER_OTLP_ENDPOINT });
const protector = createProtectorFromSettings(settings);

const dataSource = createDataSource({
  url: requireSetting(settings, "DATABASE_URL"),
  poolSize: settings.DATABASE_POOL_SIZE,
  applicationName: "churchhub-api",
});
await dataSource.initialize();
const applied = await runMigrations(dataSource);
if (applied.length > 0) logger.info({ migrations: applied }, "migrations applied");

const temporal = createTemporalClient(
  requireSetting(settings, "TEMPORAL_ADDRESS"),
  settings.TEMPORAL_NAMESPACE,
  createDataConverter(protector.cipher.keyring),
);
const dependencies = buildApiDependencies({
  settings,
  logger,
  clock: () => new Date(),
  dataSource,
  protector,
  temporal,
});
const app = createApp(dependencies);

const server = createServer(app);
server.listen(settings.PORT, settings.API_HOST, () => {
  logger.info(
    {
      url: `http://${settings.API_HOST}:${settings.PORT}`,
      managedUsers: Boolean(dependencies.managedUsers),
      oauth2Connections: Boolean(dependencies.connections),
      staffArea: Boolean(dependencies.staff),
    },
    "api listening",
  );
});

let stopping = false;
// While draining, every answer asks the client to close its connection. server.close() only refuses new
// connections: a sender that keeps streaming over keep-alive connections (fault-tests at 20/s) would keep
// them busy, so the drain never ended and the process was killed after its grace period.
server.prependListener("request", (_request, response) => {
  if (stopping) response.setHeader("Connection", "close");
});
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "api draining");
  server.closeIdleConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await temporal.connection.close();
  await dependencies.staff?.close();
  await dataSource.destroy();
  logger.info("api stopped");
}
process.once("SIGTERM", (signal) => void shutdown(signal));
process.once("SIGINT", (signal) => void shutdown(signal));
