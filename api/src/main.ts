// The api process: reads settings once, wires the real dependencies, listens, and on SIGINT/SIGTERM
// stops accepting connections, lets in-flight requests finish, then closes its clients.
import { createServer } from "node:http";
import { createCalClient } from "@churchhub/cal-client";
import {
  createApiKeyStore,
  createBookingReader,
  createCalConnectionStore,
  createConnectLinkStore,
  createDataSource,
  createManagedUserTokenStore,
  runMigrations,
} from "@churchhub/database";
import { createDeliveryRecorder, createEncryptedInboxCodec, createInboxStore } from "@churchhub/delivery-inbox";
import { createProtectorFromSettings } from "@churchhub/field-encryption";
import { createDataConverter, createEncryptionCodec } from "@churchhub/temporal-encryption";
import { createLogger } from "@churchhub/logging";
import { startTracing } from "@churchhub/tracing";
import { loadSettings, requireSetting } from "@churchhub/settings";
import { createApp } from "./app.js";
import { createStaffAreaFromSettings } from "./staff/staff-area.js";
import {
  combineHostDirectories,
  createConnectedHostDirectory,
  createManagedUserDirectory,
  type HostDirectory,
} from "./hosts/host-directory.js";
import { createStateSigner, resolveStateKey } from "./connections/connect-state.js";
import { createConnectionService } from "./connections/connection-service.js";
import { createApiMetrics } from "./metrics/api-metrics.js";
import { createReplayService } from "./replay/replay-service.js";
import { checkTemporal, createTemporalClient } from "./temporal-client.js";
import { createManagedUserTokenService } from "./tokens/managed-user-token-service.js";
import { acceptedWebhookSecrets } from "./webhooks/webhook-secrets.js";

const settings = loadSettings();
const logger = createLogger({ level: settings.LOG_LEVEL, name: "api" });
startTracing({ serviceName: "churchhub-api", otlpEndpoint: settings.OTEL_EXPORTER_OTLP_ENDPOINT });
const webhookSecret = requireSetting(settings, "CAL_WEBHOOK_SECRET");
const webServerToken = requireSetting(settings, "WEB_SERVER_TOKEN");
const clock = () => new Date();
const protector = createProtectorFromSettings(settings);
const cipher = protector.cipher;

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
  createDataConverter(cipher.keyring),
);
const platformClient =
  settings.CAL_OAUTH_CLIENT_ID && settings.CAL_OAUTH_CLIENT_SECRET
    ? { clientId: settings.CAL_OAUTH_CLIENT_ID, secretKey: settings.CAL_OAUTH_CLIENT_SECRET }
    : undefined;
const calClient = createCalClient({ baseUrl: settings.CAL_API_URL, platformClient });

const reader = createBookingReader({ dataSource, protector });
const connections = createCalConnectionStore({ dataSource, cipher });
const oauth2ClientId = settings.CAL_OAUTH2_CLIENT_ID;
const hostDirectories: HostDirectory[] = [
  ...(platformClient
    ? [createManagedUserDirectory({ calClient, platformClientId: platformClient.clientId, clock })]
    : []),
  ...(oauth2ClientId ? [createConnectedHostDirectory({ calClient, connections, oauth2ClientId })] : []),
];
const staffArea = createStaffAreaFromSettings(settings, {
  databaseUrl: requireSetting(settings, "DATABASE_URL"),
  protector,
  clock,
});
const inbox = createInboxStore({ dataSource, codec: createEncryptedInboxCodec(protector) });
const app = createApp({
  logger,
  clock,
  webhookSecrets: acceptedWebhookSecrets(
    {
      current: webhookSecret,
      previous: settings.CAL_WEBHOOK_SECRET_PREVIOUS,
      previousUntil: settings.CAL_WEBHOOK_SECRET_PREVIOUS_UNTIL,
    },
    clock,
  ),
  maxWebhookBodyBytes: settings.WEBHOOK_MAX_BODY_BYTES,
  recorder: createDeliveryRecorder({
    inbox,
    temporal: { client: temporal, taskQueue: settings.TEMPORAL_TASK_QUEUE, startTimeoutMs: 5_000 },
    logger,
  }),
  healthChecks: {
    database: async () => void (await dataSource.query("SELECT 1")),
    temporal: () => checkTemporal(temporal),
  },
  webServerTokens: () => [webServerToken],
  apiKeys: createApiKeyStore({ dataSource }),
  reader,
  codec: createEncryptionCodec(cipher.keyring),
  cors: { webOrigins: settings.WEB_ORIGINS, temporalUiOrigins: settings.TEMPORAL_UI_ORIGINS },
  rateLimits: {
    webhooksPerMinute: settings.RATE_LIMIT_WEBHOOKS_PER_MINUTE,
    tokensPerMinute: settings.RATE_LIMIT_TOKENS_PER_MINUTE,
    publicPerMinute: settings.RATE_LIMIT_PUBLIC_PER_MINUTE,
  },
  secureCookies: settings.SECURE_COOKIES,
  metrics: createApiMetrics({
    inboxDepth: () => inbox.pendingCount(),
    connectionCounts: oauth2ClientId ? () => connections.countByStatus() : undefined,
  }),
  staff: staffArea ?? undefined,
  replay: createReplayService({ dataSource, reader, client: temporal, taskQueue: settings.TEMPORAL_TASK_QUEUE, clock }),
  managedUsers: platformClient && {
    tokenService: createManagedUserTokenService({
      client: temporal,
      taskQueue: settings.TEMPORAL_TASK_QUEUE,
      tokenStore: createManagedUserTokenStore({ dataSource, cipher }),
      clock,
      waitMs: 15_000,
    }),
  },
  hosts:
    hostDirectories.length > 0
      ? {
          hostDirectory: combineHostDirectories(hostDirectories),
          churchName: settings.CHURCH_NAME,
          calPublicApiUrl: settings.CAL_PUBLIC_API_URL ?? settings.CAL_API_URL,
        }
      : undefined,
  connections: oauth2ClientId
    ? {
        service: createConnectionService({
          links: createConnectLinkStore({ dataSource, cipher, clock }),
          connections,
          stateSigner: createStateSigner(resolveStateKey(settings.CONNECT_STATE_KEY), clock),
          client: temporal,
          taskQueue: settings.TEMPORAL_TASK_QUEUE,
          oauth2: { clientId: oauth2ClientId, authorizeUrl: settings.CAL_OAUTH2_AUTHORIZE_URL },
          apiPublicUrl: settings.API_PUBLIC_URL,
          linkTtlMs: settings.CONNECT_LINK_TTL_HOURS * 3_600_000,
          clock,
          waitMs: 25_000,
        }),
        store: connections,
        webPublicUrl: settings.WEB_PUBLIC_URL,
      }
    : undefined,
});

const server = createServer(app);
server.listen(settings.PORT, settings.API_HOST, () => {
  logger.info(
    {
      url: `http://${settings.API_HOST}:${settings.PORT}`,
      managedUsers: Boolean(platformClient),
      oauth2Connections: Boolean(oauth2ClientId),
      staffArea: Boolean(staffArea),
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
  await staffArea?.close();
  await dataSource.destroy();
  logger.info("api stopped");
}
process.once("SIGTERM", (signal) => void shutdown(signal));
process.once("SIGINT", (signal) => void shutdown(signal));
