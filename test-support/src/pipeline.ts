// Starts the real pipeline for a test file: the api (built by buildApiDependencies, on an ephemeral port)
// and a Temporal worker (built by buildWorker) on its own task queue, from settings as in production,
// against the Postgres and Temporal the global setup started.
import { createHash, randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Express } from "express";
import { inject } from "vitest";
import { Client, Connection, type WorkflowHandle } from "@temporalio/client";
import { NativeConnection, Runtime } from "@temporalio/worker";
import type { ConnectionTokenKeeper } from "@churchhub/activities";
import { buildApiDependencies, createApp, createResponseContract, type StaffArea, signCalBody } from "@churchhub/api";
import {
  createEncryptedInboxCodec,
  createInboxRelay,
  createInboxStore,
  type InboxRelay,
} from "@churchhub/delivery-inbox";
import {
  createCalEmulator,
  loadFixtures,
  withRedirectUri,
  type CalEmulator,
  type Fixtures,
  type RunningCalEmulator,
} from "@churchhub/cal-emulator";
import {
  createFieldCipher,
  createPersonalDataProtector,
  parseKeyring,
  type PersonalDataProtector,
} from "@churchhub/field-encryption";
import { oauthCallbackUrl } from "@churchhub/contracts";
import type { WorkflowResult } from "@churchhub/contracts/client";
import {
  createApiKeyStore,
  createBookingReader,
  createCalConnectionStore,
  createConnectLinkStore,
  createDataSource,
  type ApiKeyStore,
  type BookingReader,
  type CalConnectionStore,
  type ConnectLinkStore,
  type DataSource,
} from "@churchhub/database";
import { createLogger } from "@churchhub/logging";
import { createMailInbox, freePort, startLocalMailServer, type MailInbox } from "@churchhub/local-stack";
import { DEFAULT_OAUTH2_SCOPES, loadSettings } from "@churchhub/settings";
import { buildWorker, createTemporalLogger, ensurePlatformWebhook } from "@churchhub/worker";
import { startTracing, tracingClientInterceptors } from "@churchhub/tracing";
import type { SpanExporter } from "@opentelemetry/sdk-trace-base";
import { createDataConverter } from "@churchhub/temporal-encryption";
import { recordAnswer } from "./answer-recorder.js";
import { createScratchDatabase } from "./scratch-database.js";
import { createStaffSessions, type StaffSessions } from "./staff-sessions.js";

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
  /**
   * Answers that broke the api's OpenAPI document (an undocumented status, a body off its schema). Every
   * answer is checked; `stop()` fails the test file when there are any.
   */
  contractViolations: string[];
  /** The documented operations ("GET /hosts/{username}") whose answers were checked so far. */
  checkedOperations: ReadonlySet<string>;
  /**
   * The staff area, when started with `staff`: its public origin, the inbox of its mail server, signed-in
   * people, and the api's staff area (invitations as `npm run staff:invite` makes them, its access log).
   */
  staff?: StaffSessions & { origin: string; inbox: MailInbox; area: StaffArea };
  /** POSTs a body to the webhook, signed with the pipeline's secret unless told otherwise. */
  send(body: unknown, options?: SendOptions): Promise<Response>;
  /** The workflow run processing the delivery a 202 response acknowledged (maybe among others), once started. */
  workflowFor(response: Response, body: unknown): Promise<WorkflowHandle>;
  /** Waits for the run processing the delivery a 202 response acknowledged to complete; that delivery's result. */
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
  dataSourceExtra?: Record<string, unknown>;
  maxWebhookBodyBytes?: number;
  /** Start the Cal.com emulator and run in managed-user mode against it. */
  calEmulator?: {
    clock?: () => Date;
    clientSecret?: string;
    /**
     * Also run OAuth 2.0 connections (the emulator's confidential client by default, or its public one;
     * its redirect URI pointed at this api), asking for `scopes` (default: the settings' default).
     */
    oauth2?: boolean | { clientType?: "confidential" | "public"; scopes?: string[] };
    /** Changes the emulator's fixtures before it starts (e.g. which reading of webhook scopes it follows). */
    fixtures?: (fixtures: Fixtures) => void;
    /** Leave managed-user mode off (OAuth 2.0 only). */
    withoutPlatformClient?: boolean;
    /** Register our platform webhook (`/webhooks/cal`) through /v2/oauth-clients/{id}/webhooks, as the worker does. */
    platformWebhook?: boolean;
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
  /**
   * Also serve the staff area (/staff), mailing through a local SMTP server of its own; `publicUrl`: where
   * people open it (the web server in front of the api; http://localhost:3000 by default).
   */
  staff?: boolean | { publicUrl: string };
  /** More settings for the api and worker, as environment strings (e.g. a short reminder lead time). */
  settings?: Record<string, string>;
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

  // Rows are sealed under this pipeline's random keys. Connections are keyed by the seeded Cal.com user ids
  // every emulator shares, and the staff area lists every booking it finds: with OAuth 2.0 or the staff
  // area on, a pipeline gets a database of its own, so one test file's rows never meet another's keys.
  const ownDatabase = options.calEmulator?.oauth2 ? "oauth2" : options.staff ? "staff" : undefined;
  const scratch = !options.databaseUrl && ownDatabase ? await createScratchDatabase(ownDatabase) : undefined;
  const databaseUrl = options.databaseUrl ?? scratch?.url ?? inject("databaseUrl");
  const dataSource = createDataSource({ url: databaseUrl, poolSize: 5 });
  if (options.dataSourceExtra)
    Object.assign((dataSource.options as { extra: Record<string, unknown> }).extra, options.dataSourceExtra);
  await dataSource.initialize();

  // Listening before the app exists: the OAuth redirect URI registered with the emulator needs our port.
  let app: Express | undefined;
  const contract = createResponseContract();
  const contractViolations: string[] = [];
  const checkedOperations = new Set<string>();
  const server: Server = createServer((request, response) => {
    recordAnswer(request, response, (answer) => {
      const { operation, violation } = contract.check(answer);
      if (operation) checkedOperations.add(operation);
      if (violation && !contractViolations.includes(violation)) contractViolations.push(violation);
    });
    app!(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  let cal: Pipeline["cal"];
  let platformClient: { clientId: string; secret: string } | undefined;
  let oauth2Client: { clientId: string; secret: string | null } | undefined;
  let oauth2ClientType: "confidential" | "public" = "confidential";
  let oauth2Scopes: string[] = [...DEFAULT_OAUTH2_SCOPES];
  if (options.calEmulator) {
    const fixtures = loadFixtures();
    options.calEmulator.fixtures?.(fixtures);
    const oauth2Options = typeof options.calEmulator.oauth2 === "object" ? options.calEmulator.oauth2 : {};
    oauth2ClientType = oauth2Options.clientType ?? "confidential";
    oauth2Scopes = oauth2Options.scopes ?? oauth2Scopes;
    const oauth2Fixture = fixtures.oauth2Clients.find((client) =>
      oauth2ClientType === "confidential" ? client.secret !== null : client.secret === null,
    );
    if (options.calEmulator.oauth2 && oauth2Fixture) {
      oauth2Fixture.redirectUris = withRedirectUri(oauth2Fixture.redirectUris, oauthCallbackUrl(baseUrl));
      oauth2Client = { clientId: oauth2Fixture.clientId, secret: oauth2Fixture.secret };
    }
    const emulator = createCalEmulator({ fixtures, clock: options.calEmulator.clock ?? clock, webhook: { secret } });
    const running = await emulator.listen(0, "127.0.0.1");
    const clientId = emulator.fixtures.oauthClient.id;
    cal = { emulator, running, clientId };
    if (!options.calEmulator.withoutPlatformClient)
      platformClient = { clientId, secret: options.calEmulator.clientSecret ?? emulator.fixtures.oauthClient.secret };
  }
  const webPublicUrl = options.webPublicUrl ?? "http://web.test";
  // The api and the worker are built from settings, as in production: only what differs per process
  // (logger, clock, database, keys, Temporal) is handed to their builders.
  const rateLimits = options.rateLimits ?? {
    webhooksPerMinute: 100_000,
    tokensPerMinute: 100_000,
    publicPerMinute: 100_000,
  };
  // The staff area mails through a real local SMTP server of its own.
  const mail = options.staff
    ? await startLocalMailServer({ smtpPort: await freePort(), webPort: await freePort(), quiet: true })
    : undefined;
  const settings = loadSettings({
    NODE_ENV: "test",
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: inject("temporalAddress"),
    TEMPORAL_TASK_QUEUE: taskQueue,
    CAL_WEBHOOK_SECRET: secret,
    WEB_SERVER_TOKEN: webServerToken,
    WEBHOOK_MAX_BODY_BYTES: String(options.maxWebhookBodyBytes ?? 512 * 1024),
    CHURCH_NAME: "Grace Community Church",
    // Without the emulator, an address where nothing answers: no test may reach the real Cal.com.
    CAL_API_URL: cal?.running.url ?? "http://127.0.0.1:9/v2",
    CAL_OAUTH_CLIENT_ID: platformClient?.clientId,
    CAL_OAUTH_CLIENT_SECRET: platformClient?.secret,
    CAL_OAUTH2_CLIENT_ID: oauth2Client?.clientId,
    CAL_OAUTH2_CLIENT_SECRET: oauth2Client?.secret ?? undefined,
    CAL_OAUTH2_CLIENT_TYPE: oauth2Client ? oauth2ClientType : undefined,
    CAL_OAUTH2_SCOPES: oauth2Scopes.join(" "),
    CAL_OAUTH2_AUTHORIZE_URL: cal ? `${cal.running.origin}/auth/oauth2/authorize` : undefined,
    API_PUBLIC_URL: baseUrl,
    WEB_PUBLIC_URL: webPublicUrl,
    CONNECT_STATE_KEY: randomBytes(32).toString("base64"),
    WEB_ORIGINS: "http://web.test",
    TEMPORAL_UI_ORIGINS: "http://temporal-ui.test",
    RATE_LIMIT_WEBHOOKS_PER_MINUTE: String(rateLimits.webhooksPerMinute),
    RATE_LIMIT_TOKENS_PER_MINUTE: String(rateLimits.tokensPerMinute),
    RATE_LIMIT_PUBLIC_PER_MINUTE: String(rateLimits.publicPerMinute),
    ...(mail
      ? {
          STAFF_AUTH_SECRET: randomBytes(32).toString("hex"),
          STAFF_PUBLIC_URL: typeof options.staff === "object" ? options.staff.publicUrl : "http://localhost:3000",
          SMTP_URL: mail.smtpUrl,
        }
      : {}),
    ...options.settings,
  });

  const nativeConnection = await NativeConnection.connect({ address: inject("temporalAddress") });
  const {
    worker,
    tokenKeeper,
    calClient,
    close: closeWorkerParts,
  } = await buildWorker({
    settings,
    logger,
    clock,
    dataSource,
    protector,
    connection: nativeConnection,
    tracing,
    shutdownGraceTime: "2 seconds",
  });
  const workerRun = worker.run();

  const connection = await Connection.connect({ address: inject("temporalAddress") });
  const client = new Client({
    connection,
    namespace: "default",
    dataConverter,
    interceptors: tracingClientInterceptors(),
  });
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
  const apiDependencies = buildApiDependencies({ settings, logger, clock, dataSource, protector, temporal: client });
  // The api's own staff area issues invitations, as `npm run staff:invite` would on the same database.
  const staffInbox = mail && createMailInbox(mail.inboxUrl);
  const staffArea = apiDependencies.staff;
  const staff: Pipeline["staff"] =
    staffArea && staffInbox
      ? {
          origin: new URL(settings.STAFF_PUBLIC_URL).origin,
          inbox: staffInbox,
          area: staffArea,
          ...createStaffSessions({
            apiUrl: baseUrl,
            origin: new URL(settings.STAFF_PUBLIC_URL).origin,
            area: staffArea,
            inbox: staffInbox,
          }),
        }
      : undefined;
  app = createApp(apiDependencies);
  // The tests' own handles on the same tables (stateless stores over the pipeline's database).
  const connections = createCalConnectionStore({ dataSource, cipher });
  const links = createConnectLinkStore({ dataSource, cipher, clock });
  // Managed users' deliveries come through the platform webhook our worker keeps, when a test asks for it.
  if (platformClient && options.calEmulator?.platformWebhook)
    await ensurePlatformWebhook(calClient, { subscriberUrl: `${baseUrl}/webhooks/cal`, secret });

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
    contractViolations,
    checkedOperations,
    staff,
    reader: createBookingReader({ dataSource, protector }),
    protector,
    apiKeys: createApiKeyStore({ dataSource }),
    async send(body, sendOptions = {}) {
      const raw = sendOptions.rawBody ?? JSON.stringify(body);
      const headers: Record<string, string> = { ...sendOptions.headers };
      if (sendOptions.contentType !== null) headers["content-type"] = sendOptions.contentType ?? "application/json";
      if (sendOptions.signature !== null)
        headers["x-cal-signature-256"] = sendOptions.signature ?? signCalBody(raw, secret);
      return fetch(`${baseUrl}${sendOptions.path ?? "/webhooks/cal"}`, { method: "POST", headers, body: raw });
    },
    async workflowFor(response) {
      const { deliveryId } = (await response.clone().json()) as { deliveryId: string };
      // Found as an operator finds it: by the delivery id among the run's search attributes (the relay may
      // have put it in a batch with others). The relay starts the run a moment after the api acknowledged,
      // and visibility follows the start closely but not at once: wait for it to be listed.
      const query = `CalDeliveryIds = ${JSON.stringify(deliveryId)}`;
      const deadline = Date.now() + 30_000;
      for (;;) {
        for await (const run of client.workflow.list({ query, pageSize: 1 }))
          return client.workflow.getHandle(run.workflowId, run.runId);
        if (Date.now() > deadline) throw new Error(`no workflow run lists delivery ${deliveryId} within 30 s`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    async processed(response, body) {
      const { deliveryId } = (await response.clone().json()) as { deliveryId: string };
      const handle = await (this as Pipeline).workflowFor(response, body);
      const result = (await handle.result()) as WorkflowResult<"processCalDeliveryWorkflow">;
      return result.deliveries.find((delivery) => delivery.deliveryId === deliveryId);
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await relay.stop();
      worker.shutdown();
      await workerRun;
      await nativeConnection.close();
      await connection.close();
      await closeWorkerParts();
      await dataSource.destroy();
      await cal?.running.close();
      await apiDependencies.staff?.close();
      await mail?.stop();
      await scratch?.drop();
      if (contractViolations.length > 0)
        throw new Error(`The api answered outside its OpenAPI document:\n  ${contractViolations.join("\n  ")}`);
    },
  };
}

/** A response's JSON body, typed loosely for assertions. */
export async function readJson(response: Response): Promise<any> {
  return response.json();
}
