// The api process: reads settings once, wires the real dependencies, listens, and on SIGINT/SIGTERM
// stops accepting connections, lets in-flight requests finish, then closes its clients.
import { createServer } from 'node:http';
import { createDataSource, runMigrations } from '@churchhub/database';
import { createLogger } from '@churchhub/logging';
import { loadSettings, requireSetting } from '@churchhub/settings';
import { createApp } from './app.js';
import { createTemporalDeliveryRecorder } from './deliveries/delivery-recorder.js';
import { checkTemporal, createTemporalClient } from './temporal-client.js';

const settings = loadSettings();
const logger = createLogger({ level: settings.LOG_LEVEL, name: 'api' });
const webhookSecret = requireSetting(settings, 'CAL_WEBHOOK_SECRET');

const dataSource = createDataSource({ url: requireSetting(settings, 'DATABASE_URL'), poolSize: settings.DATABASE_POOL_SIZE, applicationName: 'churchhub-api' });
await dataSource.initialize();
const applied = await runMigrations(dataSource);
if (applied.length > 0) logger.info({ migrations: applied }, 'migrations applied');

const temporal = createTemporalClient(requireSetting(settings, 'TEMPORAL_ADDRESS'), settings.TEMPORAL_NAMESPACE);
const app = createApp({
  logger,
  clock: () => new Date(),
  webhookSecrets: () => [webhookSecret],
  maxWebhookBodyBytes: settings.WEBHOOK_MAX_BODY_BYTES,
  recorder: createTemporalDeliveryRecorder({ client: temporal, taskQueue: settings.TEMPORAL_TASK_QUEUE, startTimeoutMs: 5_000 }),
  healthChecks: {
    database: async () => void (await dataSource.query('SELECT 1')),
    temporal: () => checkTemporal(temporal),
  },
});

const server = createServer(app);
server.listen(settings.PORT, settings.API_HOST, () => {
  logger.info({ url: `http://${settings.API_HOST}:${settings.PORT}` }, 'api listening');
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'api draining');
  server.closeIdleConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await temporal.connection.close();
  await dataSource.destroy();
  logger.info('api stopped');
}
process.once('SIGTERM', (signal) => void shutdown(signal));
process.once('SIGINT', (signal) => void shutdown(signal));
