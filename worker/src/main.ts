// The worker process: reads settings once, migrates the schema, connects to Temporal and Postgres, runs
// until SIGINT/SIGTERM (Temporal's runtime then drains in-flight work before the process exits).
import { Client } from "@temporalio/client";
import { NativeConnection, Runtime } from "@temporalio/worker";
import { WITHOUT_WEBHOOK_RECONCILIATION_SCHEDULE_ID } from "@churchhub/contracts";
import { createApiKeyStore, createDataSource, runMigrations } from "@churchhub/database";
import { createEncryptedInboxCodec, createInboxRelay, createInboxStore } from "@churchhub/delivery-inbox";
import { createProtectorFromSettings } from "@churchhub/field-encryption";
import { createDataConverter } from "@churchhub/temporal-encryption";
import { createLogger } from "@churchhub/logging";
import { startTracing, tracingClientInterceptors } from "@churchhub/tracing";
import { calPlatformClient, loadSettings, requireSetting } from "@churchhub/settings";
import { buildWorker } from "./build-worker.js";
import { createTemporalLogger } from "./temporal-logger.js";
import { ensurePlatformWebhook } from "./platform-webhook.js";
import { ensureReconciliationSchedule } from "./reconciliation-schedule.js";
import { createWorkerHttpServer } from "./worker-http-server.js";
import { createWorkerMetrics } from "./worker-metrics.js";
import { freeLoopbackPort } from "./free-loopback-port.js";

const settings = loadSettings();
const logger = createLogger({ level: settings.LOG_LEVEL, name: "worker" });
const tracing = startTracing({ serviceName: "churchhub-worker", otlpEndpoint: settings.OTEL_EXPORTER_OTLP_ENDPOINT });
// Before any connection exists: the runtime is process-wide and fixed once created.
const sdkMetricsPort = settings.WORKER_SDK_METRICS_PORT || (await freeLoopbackPort());
Runtime.install({
  logger: createTemporalLogger(
    logger,
    settings.LOG_LEVEL === "debug" || settings.LOG_LEVEL === "trace" ? "INFO" : "WARN",
  ),
  // Workflow and activity outcomes and latencies, task queue polls, slots: the SDK's own metrics.
  telemetryOptions: { metrics: { prometheus: { bindAddress: `127.0.0.1:${sdkMetricsPort}` } } },
});

const databaseUrl = requireSetting(settings, "DATABASE_URL");
const dataSource = createDataSource({
  url: databaseUrl,
  poolSize: settings.DATABASE_POOL_SIZE,
  applicationName: "churchhub-worker",
});
await dataSource.initialize();
const applied = await runMigrations(dataSource);
if (applied.length > 0) logger.info({ migrations: applied }, "migrations applied");

const protector = createProtectorFromSettings(settings);
const dataConverter = createDataConverter(protector.cipher.keyring);
const connection = await NativeConnection.connect({ address: requireSetting(settings, "TEMPORAL_ADDRESS") });
const built = await buildWorker({
  settings,
  logger,
  clock: () => new Date(),
  dataSource,
  protector,
  connection,
  tracing,
});
const { worker, calClient, oauth2Enabled } = built;
// The relay of acknowledged deliveries from the Postgres inbox into Temporal runs beside the worker,
// so scaling workers scales relays too (they share rows with SKIP LOCKED).
const inbox = createInboxStore({ dataSource, codec: createEncryptedInboxCodec(protector) });
const metrics = createWorkerMetrics({ inboxDepth: () => inbox.pendingCount() });
const temporalClient = new Client({
  connection,
  namespace: settings.TEMPORAL_NAMESPACE,
  dataConverter,
  interceptors: tracingClientInterceptors(),
});
const platformClient = calPlatformClient(settings);
if (platformClient || oauth2Enabled) {
  const schedule = await ensureReconciliationSchedule(temporalClient, {
    taskQueue: settings.TEMPORAL_TASK_QUEUE,
    everyMinutes: settings.RECONCILE_EVERY_MINUTES,
    lookbackMinutes: settings.RECONCILE_LOOKBACK_MINUTES,
  });
  logger.info({ schedule, everyMinutes: settings.RECONCILE_EVERY_MINUTES }, "reconciliation schedule ready");
}
if (platformClient && settings.CAL_WEBHOOK_SECRET) {
  // Managed users' bookings reach us through the Platform client's own webhook, which we keep. Not fatal:
  // the next worker start tries again, and reconciliation finds what a missing webhook would have brought.
  try {
    const outcome = await ensurePlatformWebhook(calClient, {
      subscriberUrl: `${settings.API_PUBLIC_URL.replace(/\/+$/, "")}/webhooks/cal`,
      secret: settings.CAL_WEBHOOK_SECRET,
    });
    logger.info({ outcome }, "platform webhook ready");
  } catch (error) {
    logger.error({ err: error }, "platform webhook not ensured; managed users' bookings arrive by reconciliation only");
  }
}
if (oauth2Enabled) {
  // Accounts Cal.com refused a webhook (missing scope) are kept in step by polling only: more often, over a
  // window a few intervals long (the main schedule's longer window still covers them too).
  const everyMinutes = settings.RECONCILE_UNSUBSCRIBED_EVERY_MINUTES;
  await ensureReconciliationSchedule(temporalClient, {
    taskQueue: settings.TEMPORAL_TASK_QUEUE,
    scheduleId: WITHOUT_WEBHOOK_RECONCILIATION_SCHEDULE_ID,
    everyMinutes,
    lookbackMinutes: Math.max(10, 3 * everyMinutes),
    withoutWebhookOnly: true,
  });
  logger.info({ everyMinutes }, "reconciliation schedule for connections without a webhook ready");
}
const relay = createInboxRelay({
  dataSource,
  inbox,
  metrics: metrics.relay,
  client: temporalClient,
  taskQueue: settings.TEMPORAL_TASK_QUEUE,
  logger,
  databaseUrl,
});
relay.start();
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void relay.stop());

const apiKeys = createApiKeyStore({ dataSource });
const httpServer = createWorkerHttpServer({
  registry: metrics.registry,
  sdkMetricsUrl: `http://127.0.0.1:${sdkMetricsPort}/metrics`,
  authenticate: (key) => apiKeys.authenticate(key),
  checks: {
    database: async () => (await dataSource.query("SELECT 1")).length === 1,
    temporal: async () => {
      await connection.healthService.check({});
      return true;
    },
    polling: async () => worker.getState() === "RUNNING",
  },
});
// Health and metrics are for operators; the worker's real job (polling) must not die if the port is taken.
httpServer.on("error", (error) =>
  logger.error({ err: error, port: settings.WORKER_PORT }, "worker http server unavailable"),
);
httpServer.listen(settings.WORKER_PORT, settings.WORKER_HOST, () =>
  logger.info({ url: `http://${settings.WORKER_HOST}:${settings.WORKER_PORT}` }, "worker http listening"),
);

logger.info({ taskQueue: settings.TEMPORAL_TASK_QUEUE, namespace: settings.TEMPORAL_NAMESPACE }, "worker polling");
try {
  await worker.run();
} finally {
  httpServer.close();
  await relay.stop();
  await connection.close();
  await built.close();
  await dataSource.destroy();
  await tracing.shutdown();
  logger.info("worker stopped");
}
