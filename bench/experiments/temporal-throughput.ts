// Experiment (not part of npm run bench): what one delivery costs Temporal and the worker, per workflow
// shape, bypassing the api and the inbox (workflows started directly, 32 at a time like the relay), and
// how many per second complete. `npx tsx bench/experiments/temporal-throughput.ts` with
// VARIANT=remote (the product's workflow: three activities) | local (the same steps as local activities),
// N=<deliveries>, POLLS=<max concurrent task polls>, DYN=<dynamic config for the dev server, comma-separated>.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { createActivities } from '@churchhub/activities';
import { parseCalDelivery } from '@churchhub/api';
import { createDataSource, runMigrations } from '@churchhub/database';
import { createPersonalDataProtector, parseKeyring, createFieldCipher } from '@churchhub/field-encryption';
import { createDataConverter } from '@churchhub/temporal-encryption';
import { createLogger } from '@churchhub/logging';
import { freePort, projectRoot, startEmbeddedPostgres } from '@churchhub/local-stack';
import { startTemporalServer } from '../src/temporal-server.js';
import { startCpuMeasurement } from '../src/process-cpu.js';
import { buildSignedDeliveries } from '../src/signed-deliveries.js';
import { measureTemporalServer } from '../src/temporal-metrics.js';

// The SDK's own warnings (slow workflow tasks on a starved machine) would drown the one result line.
Runtime.install({ logger: new DefaultLogger('ERROR') });
const N = Number(process.env.N ?? 1000);
const variant = process.env.VARIANT ?? 'remote';
const polls = process.env.POLLS ? Number(process.env.POLLS) : undefined;
const dir = path.join(projectRoot, '.data', 'bench', 'experiment');
await rm(dir, { recursive: true, force: true });
await mkdir(dir, { recursive: true, mode: 0o755 });
const logger = createLogger({ level: 'warn', name: 'x' });
const postgres = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port: await freePort(), database: 'x', persistent: false, logger });
const postmasterPid = Number(readFileSync(path.join(postgres.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
const temporal = await startTemporalServer({ logFile: path.join(dir, 'temporal.log'), dynamicConfig: process.env.DYN ? process.env.DYN.split(',') : [] });
try {
  const dataSource = createDataSource({ url: postgres.url, poolSize: 10 });
  await dataSource.initialize();
  await runMigrations(dataSource);
  const keyring = parseKeyring(`x:${randomBytes(32).toString('base64')}`);
  const protector = createPersonalDataProtector({ cipher: createFieldCipher(keyring), blindIndexKey: randomBytes(32) });
  const dataConverter = createDataConverter(keyring);
  const taskQueue = 'experiment';
  const worker = await Worker.create({
    connection: await NativeConnection.connect({ address: temporal.address }),
    taskQueue,
    activities: createActivities({ dataSource, protector }),
    workflowsPath: fileURLToPath(new URL('./workflows.ts', import.meta.url)),
    dataConverter,
    ...(polls ? { maxConcurrentWorkflowTaskPolls: polls, maxConcurrentActivityTaskPolls: polls } : {}),
  });
  const running = worker.run();
  const client = new Client({ connection: await Connection.connect({ address: temporal.address }), dataConverter });
  const deliveries = buildSignedDeliveries(N, 'x'.repeat(32)).map((d) => parseCalDelivery(d.body, 'application/json', new Date()));
  const cpu = startCpuMeasurement([{ name: 'temporal', pid: temporal.pid }, { name: 'worker+client', pid: process.pid }, { name: 'postgres', pid: postmasterPid, withChildren: true }]);
  const server = await measureTemporalServer(temporal.metricsUrl, taskQueue);
  const started = Date.now();
  let next = 0;
  const handles: Array<Promise<unknown>> = [];
  await Promise.all(Array.from({ length: 32 }, async () => {
    while (next < deliveries.length) {
      const delivery = deliveries[next++]!;
      const handle = await client.workflow.start(variant === 'local' ? 'processCalDeliveryLocalWorkflow' : 'processCalDeliveryWorkflow', { taskQueue, workflowId: `w-${delivery.deliveryId}`, args: [delivery] });
      handles.push(handle.result());
    }
  }));
  const startedAllAt = Date.now();
  await Promise.all(handles);
  const seconds = (Date.now() - started) / 1000;
  const cores = cpu();
  const activity = await server();
  console.log(JSON.stringify({ variant, polls: polls ?? 'default', n: N, startSeconds: (startedAllAt - started) / 1000, seconds, perSecond: Math.round(N / seconds), cores, cpuMsPerWorkflow: Object.fromEntries(Object.entries(cores).map(([k, v]) => [k, Math.round((v * seconds * 1000) / N)])), temporal: activity, load: loadavg().map((v) => v.toFixed(1)) }));
  worker.shutdown();
  await running;
  await dataSource.destroy();
} finally {
  await temporal.stop();
  await postgres.stop();
}
