// Starts the whole back end on embedded defaults: Postgres (unless DATABASE_URL), Temporal with its UI
// (unless TEMPORAL_ADDRESS), then the worker and the api as separate processes, as in production.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { createDataSource, runMigrations } from '@churchhub/database';
import type { Logger } from '@churchhub/logging';
import type { Settings } from '@churchhub/settings';
import { startChildService, tsxCommand, type ChildService } from './child-service.js';
import { loadOrCreateDevWebhookSecret } from './dev-webhook-secret.js';
import { startEmbeddedPostgres, type RunningPostgres } from './embedded-postgres.js';
import { projectRoot } from './project-root.js';
import { describeTemporalCli, resolveTemporalCli } from './temporal-cli.js';
import { startTemporalDevServer, type RunningTemporal } from './temporal-dev-server.js';
import { waitForHttp } from './wait-for-http.js';

export interface LocalStack {
  apiUrl: string;
  databaseUrl: string;
  temporalAddress: string;
  temporalUiUrl: string | null;
  webhookSecret: string;
  webhookSecretGenerated: boolean;
  notes: string[];
  services: ChildService[];
  stop(): Promise<void>;
}

export async function startLocalStack(settings: Settings, logger: Logger): Promise<LocalStack> {
  const dataDir = path.resolve(projectRoot, settings.DATA_DIR);
  await mkdir(dataDir, { recursive: true, mode: 0o755 });
  const notes: string[] = [];
  const cleanups: Array<() => Promise<unknown>> = [];
  const stopAll = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => logger.warn({ err: error }, 'stop failed'));
  };

  try {
    let postgres: RunningPostgres | undefined;
    if (!settings.DATABASE_URL) {
      postgres = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'postgres'), port: settings.EMBEDDED_POSTGRES_PORT, database: 'churchhub', persistent: true, logger });
      cleanups.push(() => postgres!.stop());
      notes.push(`Postgres: embedded, data in ${postgres.dataDir}`);
    } else {
      notes.push('Postgres: DATABASE_URL');
    }
    const databaseUrl = settings.DATABASE_URL ?? postgres!.url;
    const dataSource = createDataSource({ url: databaseUrl, poolSize: 2 });
    await dataSource.initialize();
    const applied = await runMigrations(dataSource);
    await dataSource.destroy();
    if (applied.length > 0) notes.push(`Migrations applied: ${applied.join(', ')}`);

    let temporal: RunningTemporal | undefined;
    if (!settings.TEMPORAL_ADDRESS) {
      const cli = resolveTemporalCli({ projectRoot, env: process.env });
      notes.push(`Temporal CLI: ${describeTemporalCli(cli)}`);
      temporal = await startTemporalDevServer({
        cli,
        namespace: settings.TEMPORAL_NAMESPACE,
        port: settings.TEMPORAL_PORT,
        uiPort: settings.TEMPORAL_UI_PORT,
        dbFilename: path.join(dataDir, 'temporal.db'),
      });
      cleanups.push(() => temporal!.stop());
    } else {
      notes.push('Temporal: TEMPORAL_ADDRESS');
    }
    const temporalAddress = settings.TEMPORAL_ADDRESS ?? temporal!.address;

    let webhookSecret = settings.CAL_WEBHOOK_SECRET;
    let webhookSecretGenerated = false;
    if (!webhookSecret) {
      const generated = await loadOrCreateDevWebhookSecret(dataDir);
      webhookSecret = generated.secret;
      webhookSecretGenerated = true;
    }

    const childEnv: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: settings.NODE_ENV,
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporalAddress,
      TEMPORAL_NAMESPACE: settings.TEMPORAL_NAMESPACE,
      TEMPORAL_TASK_QUEUE: settings.TEMPORAL_TASK_QUEUE,
      CAL_WEBHOOK_SECRET: webhookSecret,
      PORT: String(settings.PORT),
    };
    const services: ChildService[] = [];
    for (const [name, entry] of [
      ['worker', 'worker/src/main.ts'],
      ['api', 'api/src/main.ts'],
    ] as const) {
      const [command, args] = tsxCommand(entry);
      const service = startChildService(name, command, args, childEnv, projectRoot);
      services.push(service);
      cleanups.push(() => service.stop());
    }
    const api = services.find((service) => service.name === 'api')!;
    const apiUrl = `http://${settings.API_HOST}:${settings.PORT}`;
    await waitForHttp(`${apiUrl}/health`, 60_000, () => api.process.exitCode === null);

    return {
      apiUrl,
      databaseUrl,
      temporalAddress,
      temporalUiUrl: temporal?.uiUrl ?? null,
      webhookSecret,
      webhookSecretGenerated,
      notes,
      services,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
