// Starts the real pipeline for a test file: the api (createApp on an ephemeral port) and a Temporal
// worker on its own task queue, against the Postgres and Temporal the global setup started.
import { createHash, randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Express } from "express";
import { inject } from "vitest";
import { Client, Connection, WorkflowNotFoundError, type WorkflowHandle } from "@temporalio/client";
import { NativeConnection, Runtime, type Worker } from "@temporalio/worker";
import {
  createActivities,
  createConnectionActivities,
  createConnectionTokenKeeper,
  createReconciliationActivities,
  createTokenActivities,
  type Activities,
  type ConnectionTokenKeeper,
} from "@churchhub/activities";
import {
  checkTemporal,
  combineHostDirectories,
  createApiMetrics,
  createApp,
  createConnectedHostDirectory,
  createConnectionService,
  createManagedUserDirectory,
  createManagedUserTokenService,
  createReplayService,
  createStateSigner,
  signCalBody,
} from "@churchhub/api";
import {
  createDeliveryRecorder,
  createEncryptedInboxCodec,
  createInboxRelay,
  createInboxStore,
  type InboxRelay,
} from "@churchhub/delivery-inbox";
import { createCalClient, createCalOAuth2Client } from "@churchhub/cal-client";
import { createCalEmulator, loadFixtures, type CalEmulator, type RunningCalEmulator } from "@churchhub/cal-emulator";
import {
  createFieldCipher,
  createPersonalDataProtector,
  parseKeyring,
  type PersonalDataProtector,
} from "@churchhub/field-encryption";
import { calDeliveryWorkflowId, connectionWebhookUrl, oauthCallbackUrl } from "@churchhub/contracts";
import {
  createApiKeyStore,
  createBookingReader,
  createCalConnectionStore,
  createConnectLinkStore,
  createDataSource,
  createManagedUserTokenStore,
  type ApiKeyStore,
  type BookingReader,
  type CalConnectionStore,
  type ConnectLinkStore,
  type DataSource,
} from "@churchhub/database";
import { createLogger } from "@churchhub/logging";
import { createBookingWorker, createTemporalLogger } from "@churchhub/worker";
import { startTracing, tracingClientInterceptors } from "@churchhub/tracing";
import type { SpanExporter } from "@opentelemetry/sdk-trace-base";
import { createDataConverter, createEncryptionCodec } from "@churchhub/temporal-encryption";
import { createScratchDatabase } from "./scratch-database.js";
import { startStaffAreaForPipeline, type PipelineStaffArea } from "./staff-harness.js";

export interface Pipeline {
  baseUrl: string;
  /** The database this pipeline writes to (its own one when OAuth 2.0 is on). */
  databaseUrl: string;
  secret: string;
  dataSource: DataSource;
  client: Client;
  dataConverter: ReturnType<typeof createDataConverter>;
  taskQueue: string;
  /** Reads bookings back decrypted, as the application does. */
  reader: BookingReader;
  protector: PersonalDataProtector;
  apiKeys: ApiKeyStore;
  /** The Express app the api serves (not listening itself; `baseUrl` is its server). */
  app: Express;
  /** The bearer token the api expects from our web server. */
  webServerToken: string;
  /** The Cal.com emulator, when started with `calEmulator`. */
  cal?: { emulator: CalEmulator; running: RunningCalEmulator; clientId: string };
  /** OAuth 2.0 connections, when started with `calEmulator.oauth2`. */
  oauth2?: {
    clientId: string;
    connections: CalConnectionStore;
    links: ConnectLinkStore;
    tokenKeeper: ConnectionTokenKeeper;
    webPublicUrl: string;
  };
  /** POSTs a body to the webhook, signed with the pipeline's secret unless told otherwise. */
  send(body: unknown, options?: SendOptions): Promise<Response>;
  /** The workflow processing the delivery a 202 response acknowledged, once the relay has started it. */
  workflowFor(response: Response, body: unknown): Promise<WorkflowHandle>;
  /** Waits for the workflow a 202 response acknowledged to complete. */
  processed(response: Response, body: unknown): Promise<unknown>;
  stop(): Promise<void>;
}

export interface SendOptions {
  path?: string;
  signature?: string | null;
  contentType?: string | null;
  rawBody?: Buffer | string;
  headers?: Record<string, string>;
}

export interface PipelineOptions {
  /** Wraps the real activities, e.g. to inject a fault. */
  activities?: (real: Activities) => Activities;
  dataSourceExtra?: Record<string, unknown>;
  maxWebhookBodyBytes?: number;
  /** Start the Cal.com emulator and run in managed-user mode against it. */
  calEmulator?: {
    clock?: () => Date;
    clientSecret?: string;
    /** Also run OAuth 2.0 connections (the emulator's confidential client, its redirect URI pointed at this api). */
    oauth2?: boolean;
    /** Leave managed-user mode off (OAuth 2.0 only). */
    withoutPlatformClient?: boolean;
  };
  /** Our own clock (api and activities). */
  clock?: () => Date;
  /** Keys for personal data; a fresh random test key by default. */
  protector?: PersonalDataProtector;
  /** Another database than the shared test one (see scratch-database.ts). */
  databaseUrl?: string;
  rateLimits?: { webhooksPerMinute: number; tokensPerMinute: number; publicPerMinute: number };
  /** Record the spans of this process (tracing is process-wide: the first pipeline's exporter wins). */
  spanExporter?: SpanExporter;
  /** Where the booking pages are (the connect callback links a host to theirs); `http://web.test` by default. */
  webPublicUrl?: string;
  /** Log everything (trace) from the api, relay and Temporal SDK into this stream. */
  logDestination?: { write(line: string): void };
  /** Also serve the staff area (/staff), mailing through a local SMTP server of its own. */
  staff?: boolean;
}

/** A protector with fresh random keys (key id "test"), or fixed ones when a seed is given. */
export function testProtector(keyId = "test", seed?: string): PersonalDataProtector {
  const material = (label: string) =>
    seed ? createHash("sha256").update(`${seed}:${label}`).digest() : randomBytes(32);
  return createPersonalDataProtector({
    cipher: createFieldCipher(parseKeyring(`${keyId}:${material("data").toString("base64")}`)),
    blindIndexKey: material("index"),
  });
}

export async function startPipeline(options: PipelineOptions = {}): Promise<Pipeline> {
  const logger = options.logDestination
    ? createLogger({ level: "trace", name: "test", destination: options.logDestination })
    : createLogger({ level: process.env.TEST_LOG_LEVEL ?? "silent", name: "test" });
  if (options.logDestination) {
    // The Temporal SDK logs through ours too (process-wide, so only before its first connection).
    Runtime.install({ logger: createTemporalLogger(logger, "DEBUG") });
  }
  const tracing = startTracing({ serviceName: "churchhub-test", exporter: options.spanExporter });
  const secret = randomBytes(24).toString("hex");
  const webServerToken = randomBytes(24).toString("hex");
  const clock = options.clock ?? (() => new Date());
  const protector = options.protector ?? testProtector();
  const cipher = protector.cipher;
  const dataConverter = createDataConverter(cipher.keyring);
  const taskQueue = `test-${randomBytes(6).toString("hex")}`;

  // Connections are keyed by the seeded Cal.com user ids every emulator shares, and sealed under this
  // pipeline's random keys: with OAuth 2.0 on, a pipeline gets a database of its own so one test file's
  // connections never meet another's.
  const scratch =
    !options.databaseUrl && options.calEmulator?.oauth2 ? await createScratchDatabase("oauth2") : undefined;
  const databaseUrl = options.databaseUrl ?? scratch?.url ?? inject("databaseUrl");
  const dataSource = createDataSource({ url: databaseUrl, poolSize: 5 });
  if (options.dataSourceExtra)
    Object.assign((dataSource.options as { extra: Record<string, unknown> }).extra, options.dataSourceExtra);
  await dataSource.initialize();

  // Listening before the app exists: the OAuth redirect URI registered with the emulator needs our port.
  let app: Express | undefined;
  const server: Server = createServer((request, response) => app!(request, response));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  let cal: Pipeline["cal"];
  let calClient: ReturnType<typeof createCalClient> | undefined;
  let oauth2Client: ReturnType<typeof createCalOAuth2Client> | undefined;
  if (options.calEmulator) {
    const fixtures = loadFixtures();
    const confidential = fixtures.oauth2Clients.find((client) => client.secret !== null);
    if (options.calEmulator.oauth2 && confidential)
      confidential.redirectUris = [...confidential.redirectUris.slice(0, 9), oauthCallbackUrl(baseUrl)];
    const emulator = createCalEmulator({ fixtures, clock: options.calEmulator.clock ?? clock, webhook: { secret } });
    const running = await emulator.listen(0, "127.0.0.1");
    const clientId = emulator.fixtures.oauthClient.id;
    cal = { emulator, running, clientId };
    calClient = createCalClient({
      baseUrl: running.url,
      platformClient: options.calEmulator.withoutPlatformClient
        ? undefined
        : { clientId, secretKey: options.calEmulator.clientSecret ?? emulator.fixtures.oauthClient.secret },
    });
    if (options.calEmulator.oauth2 && confidential) {
      oauth2Client = createCalOAuth2Client({
        baseUrl: running.url,
        clientId: confidential.clientId,
        clientSecret: confidential.secret ?? undefined,
        clock,
      });
    }
  }
  const connections = createCalConnectionStore({ dataSource, cipher });
  const links = createConnectLinkStore({ dataSource, cipher, clock });
  const tokenKeeper = oauth2Client && createConnectionTokenKeeper({ store: connections, oauth2Client, clock });
  const tokenStore = createManagedUserTokenStore({ dataSource, cipher });

  const nativeConnection = await NativeConnection.connect({ address: inject("temporalAddress") });
  const realActivities = {
    ...createActivities({ dataSource, protector }),
    ...(calClient ? createTokenActivities({ calClient, tokenStore, clock }) : {}),
    ...(calClient ? createReconciliationActivities({ calClient, dataSource, clock, tokenKeeper }) : {}),
    ...(calClient && oauth2Client && tokenKeeper
      ? createConnectionActivities({
          dataSource,
          protector,
          connections,
          links,
          oauth2Client,
          calClient,
          tokenKeeper,
          redirectUri: oauthCallbackUrl(baseUrl),
          webhookUrlFor: (connectionId) => connectionWebhookUrl(baseUrl, connectionId),
          clock,
        })
      : {}),
  };
  const worker: Worker = await createBookingWorker({
    connection: nativeConnection,
    namespace: "default",
    taskQueue,
    activities: options.activities ? options.activities(realActivities) : realActivities,
    shutdownGraceTime: "2 seconds",
    dataConverter,
    tracing,
  });
  const workerRun = worker.run();

  const connection = await Connection.connect({ address: inject("temporalAddress") });
  const client = new Client({
    connection,
    namespace: "default",
    dataConverter,
    interceptors: tracingClientInterceptors(),
  });
  const apiKeys = createApiKeyStore({ dataSource });
  const reader = createBookingReader({ dataSource, protector });
  const inbox = createInboxStore({ dataSource, codec: createEncryptedInboxCodec(protector) });
  const relay: InboxRelay = createInboxRelay({
    dataSource,
    inbox,
    client,
    taskQueue,
    logger,
    databaseUrl,
    pollIntervalMs: 200,
  });
  relay.start();
  const webPublicUrl = options.webPublicUrl ?? "http://web.test";
  const staffArea: PipelineStaffArea | undefined = options.staff
    ? await startStaffAreaForPipeline({ databaseUrl, protector, clock })
    : undefined;
  app = createApp({
    logger,
    clock,
    webhookSecrets: () => [secret],
    maxWebhookBodyBytes: options.maxWebhookBodyBytes ?? 512 * 1024,
    recorder: createDeliveryRecorder({ inbox, temporal: { client, taskQueue, startTimeoutMs: 5_000 }, logger }),
    healthChecks: {
      database: async () => void (await dataSource.query("SELECT 1")),
      temporal: () => checkTemporal(client),
    },
    webServerTokens: () => [webServerToken],
    apiKeys,
    reader,
    codec: createEncryptionCodec(cipher.keyring),
    cors: { webOrigins: ["http://web.test"], temporalUiOrigins: ["http://temporal-ui.test"] },
    rateLimits: options.rateLimits ?? {
      webhooksPerMinute: 100_000,
      tokensPerMinute: 100_000,
      publicPerMinute: 100_000,
    },
    secureCookies: false,
    metrics: createApiMetrics({
      inboxDepth: () => inbox.pendingCount(),
      connectionCounts: oauth2Client ? () => connections.countByStatus() : undefined,
    }),
    replay: createReplayService({ dataSource, reader, client, taskQueue, clock }),
    staff: staffArea?.area,
    managedUsers:
      calClient?.platformClientId && cal
        ? { tokenService: createManagedUserTokenService({ client, taskQueue, tokenStore, clock, waitMs: 15_000 }) }
        : undefined,
    hosts:
      calClient && cal
        ? {
            hostDirectory: combineHostDirectories([
              ...(calClient.platformClientId
                ? [createManagedUserDirectory({ calClient, platformClientId: calClient.platformClientId, clock })]
                : []),
              ...(oauth2Client
                ? [createConnectedHostDirectory({ calClient, connections, oauth2ClientId: oauth2Client.clientId })]
                : []),
            ]),
            churchName: "Grace Community Church",
            calPublicApiUrl: cal.running.url,
          }
        : undefined,
    connections:
      oauth2Client && cal
        ? {
            service: createConnectionService({
              links,
              connections,
              stateSigner: createStateSigner(randomBytes(32), clock),
              client,
              taskQueue,
              oauth2: { clientId: oauth2Client.clientId, authorizeUrl: `${cal.running.origin}/auth/oauth2/authorize` },
              apiPublicUrl: baseUrl,
              linkTtlMs: 72 * 3_600_000,
              clock,
              waitMs: 25_000,
            }),
            store: connections,
            webPublicUrl,
          }
        : undefined,
  });

  return {
    baseUrl,
    databaseUrl,
    secret,
    dataSource,
    client,
    dataConverter,
    taskQueue,
    webServerToken,
    app,
    cal,
    oauth2:
      oauth2Client && tokenKeeper
        ? { clientId: oauth2Client.clientId, connections, links, tokenKeeper, webPublicUrl }
        : undefined,
    reader,
    protector,
    apiKeys,
    async send(body, sendOptions = {}) {
      const raw = sendOptions.rawBody ?? JSON.stringify(body);
      const headers: Record<string, string> = { ...sendOptions.headers };
      if (sendOptions.contentType !== null) headers["content-type"] = sendOptions.contentType ?? "application/json";
      if (sendOptions.signature !== null)
        headers["x-cal-signature-256"] = sendOptions.signature ?? signCalBody(raw, secret);
      return fetch(`${baseUrl}${sendOptions.path ?? "/webhooks/cal"}`, { method: "POST", headers, body: raw });
    },
    async workflowFor(response, body) {
      const { deliveryId } = (await response.clone().json()) as { deliveryId: string };
      const envelope = body as { triggerEvent: string; payload?: { uid?: string; bookingUid?: string }; uid?: string };
      const bookingUid = envelope.payload?.uid ?? envelope.payload?.bookingUid ?? envelope.uid ?? null;
      const handle = client.workflow.getHandle(
        calDeliveryWorkflowId({ triggerEvent: envelope.triggerEvent, bookingUid, deliveryId }),
      );
      // The relay starts the workflow a moment after the api acknowledged: wait for it to exist.
      const deadline = Date.now() + 30_000;
      for (;;) {
        try {
          await handle.describe();
          return handle;
        } catch (error) {
          if (!(error instanceof WorkflowNotFoundError) || Date.now() > deadline) throw error;
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
      }
    },
    async processed(response, body) {
      return (await (this as Pipeline).workflowFor(response, body)).result();
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await relay.stop();
      worker.shutdown();
      await workerRun;
      await nativeConnection.close();
      await connection.close();
      await dataSource.destroy();
      await cal?.running.close();
      await staffArea?.stop();
      await scratch?.drop();
    },
  };
}

/** A response's JSON body, typed loosely for assertions. */
export async function readJson(response: Response): Promise<any> {
  return response.json();
}
