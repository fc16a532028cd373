// The worker process: reads settings once, migrates the schema, connects to Temporal and Postgres, runs
// until SIGINT/SIGTERM (Temporal's runtime then drains in-flight work before the process exits).
import { Client } from '@temporalio/client';
import { NativeConnection, Runtime } from '@temporalio/worker';
import { createActivities, createTokenActivities } from '@churchhub/activities';
import { createCalClient } from '@churchhub/cal-client';
import { createDataSource, createManagedUserTokenStore, runMigrations } from '@churchhub/database';
import { createEncryptedInboxCodec, createInboxRelay, createInboxStore } from '@churchhub/delivery-inbox';
import { createProtectorFromSettings } from '@churchhub/field-encryption';
import { createDataConverter } from '@churchhub/temporal-encryption';
import { createLogger } from '@churchhub/logging';
import { loadSettings, requireSetting } from '@churchhub/settings';
import { createBookingWorker } from './create-worker.js';
import { createTemporalLogger } from './temporal-logger.js';

const settings = loadSettings();
const logger = createLogger({ level: settings.LOG_LEVEL, name: 'worker' });
// Before any connection exists: the runtime is process-wide and fixed once created.
Runtime.install({ logger: createTemporalLogger(logger, settings.LOG_LEVEL === 'debug' || settings.LOG_LEVEL === 'trace' ? 'INFO' : 'WARN') });

const databaseUrl = requireSetting(settings, 'DATABASE_URL');
const dataSource = createDataSource({ url: databaseUrl, poolSize: settings.DATABASE_POOL_SIZE, applicationName: 'churchhub-worker' });
await dataSource.initialize();
const applied = await runMigrations(dataSource);
if (applied.length > 0) logger.info({ migrations: applied }, 'migrations applied');

const protector = createProtectorFromSettings(settings);
const dataConverter = createDataConverter(protector.cipher.keyring);
const platformClient =
  settings.CAL_OAUTH_CLIENT_ID && settings.CAL_OAUTH_CLIENT_SECRET ? { clientId: settings.CAL_OAUTH_CLIENT_ID, secretKey: settings.CAL_OAUTH_CLIENT_SECRET } : undefined;
const calClient = createCalClient({ baseUrl: settings.CAL_API_URL, platformClient });

const connection = await NativeConnection.connect({ address: requireSetting(settings, 'TEMPORAL_ADDRESS') });
const worker = await createBookingWorker({
  connection,
  namespace: settings.TEMPORAL_NAMESPACE,
  taskQueue: settings.TEMPORAL_TASK_QUEUE,
  dataConverter,
  activities: {
    ...createActivities({ dataSource, protector }),
    ...createTokenActivities({ calClient, tokenStore: createManagedUserTokenStore({ dataSource, cipher: protector.cipher }), clock: () => new Date() }),
  },
});
// The relay of acknowledged deliveries from the Postgres inbox into Temporal runs beside the worker,
// so scaling workers scales relays too (they share rows with SKIP LOCKED).
const relay = createInboxRelay({
  dataSource,
  inbox: createInboxStore({ dataSource, codec: createEncryptedInboxCodec(protector) }),
  client: new Client({ connection, namespace: settings.TEMPORAL_NAMESPACE, dataConverter }),
  taskQueue: settings.TEMPORAL_TASK_QUEUE,
  logger,
  databaseUrl,
});
relay.start();
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void relay.stop());

logger.info({ taskQueue: settings.TEMPORAL_TASK_QUEUE, namespace: settings.TEMPORAL_NAMESPACE }, 'worker polling');
try {
  await worker.run();
} finally {
  await relay.stop();
  await connection.close();
  await dataSource.destroy();
  logger.info('worker stopped');
}
