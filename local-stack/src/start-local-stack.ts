// Starts the whole back end on embedded defaults: Postgres (unless DATABASE_URL), Temporal with its UI
// (unless TEMPORAL_ADDRESS), then the worker and the api as separate processes, as in production.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { issueConnectLinkWithSettings } from "@churchhub/api";
import { createDataSource, runMigrations } from "@churchhub/database";
import type { Logger } from "@churchhub/logging";
import type { Settings } from "@churchhub/settings";
import { startChildService, tsxCommand, waitUntilServing, type ChildService } from "./child-service.js";
import { loadFixtures } from "@churchhub/cal-emulator";
import { loadOrCreateDevSecret } from "./dev-secrets.js";
import { startLocalMailServer } from "./mail-server.js";
import { seedSandboxStaff, type StaffSignInLink } from "./mail-staff-seed.js";
import { startEmbeddedPostgres, type RunningPostgres } from "./embedded-postgres.js";
import { projectRoot } from "./project-root.js";
import { seedSandboxQuestionnaire } from "./questionnaire-seed.js";
import { seedSandboxSensitiveEventType } from "./sensitive-seed.js";
import { localPublicUrls, prepareSandboxOAuth2Client } from "./sandbox-cal-accounts.js";
import { describeTemporalCli, resolveTemporalCli } from "./temporal-cli.js";
import { startTemporalDevServer, type RunningTemporal } from "./temporal-dev-server.js";

export interface LocalStack {
  apiUrl: string;
  webUrl: string;
  databaseUrl: string;
  temporalAddress: string;
  temporalUiUrl: string | null;
  webhookSecret: string;
  webhookSecretGenerated: boolean;
  /**
   * Set in sandbox mode (no Cal.com credentials): the emulator's base URL, its seeded managed users, and
   * for OAuth 2.0 connections its ordinary accounts and a fresh one-time connect link.
   */
  sandbox: {
    calApiUrl: string;
    hostUsernames: string[];
    oauth2: { accountUsernames: string[]; connectLink: { url: string; expiresAt: Date } | null } | null;
  } | null;
  /** The local mail server's web inbox (when SMTP_URL is not set). */
  mailInboxUrl: string | null;
  /** Sandbox mode: one-time staff sign-in links (the sandbox administrator, each seeded host). */
  staffSignInLinks: StaffSignInLink[];
  /** Sandbox mode: the booking page of the event type with the seeded questionnaire attached. */
  questionnaireBookingPage: string | null;
  /** Sandbox mode: the booking page of the seeded sensitive event type (private booking). */
  privateBookingPage: string | null;
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
    for (const cleanup of cleanups.reverse())
      await cleanup().catch((error: unknown) => logger.warn({ err: error }, "stop failed"));
  };

  try {
    let postgres: RunningPostgres | undefined;
    if (!settings.DATABASE_URL) {
      postgres = await startEmbeddedPostgres({
        dataDir: path.join(dataDir, "postgres"),
        port: settings.EMBEDDED_POSTGRES_PORT,
        database: "churchhub",
        persistent: true,
        logger,
      });
      cleanups.push(() => postgres!.stop());
      notes.push(`Postgres: embedded, data in ${postgres.dataDir}`);
    } else {
      notes.push("Postgres: DATABASE_URL");
    }
    const databaseUrl = settings.DATABASE_URL ?? postgres!.url;
    const dataSource = createDataSource({ url: databaseUrl, poolSize: 2 });
    await dataSource.initialize();
    const applied = await runMigrations(dataSource);
    await dataSource.destroy();
    if (applied.length > 0) notes.push(`Migrations applied: ${applied.join(", ")}`);

    const apiUrl = `http://${settings.API_HOST}:${settings.PORT}`;
    let temporal: RunningTemporal | undefined;
    if (!settings.TEMPORAL_ADDRESS) {
      const cli = await resolveTemporalCli({ projectRoot, env: process.env });
      notes.push(`Temporal CLI: ${describeTemporalCli(cli)}`);
      temporal = await startTemporalDevServer({
        cli,
        namespace: settings.TEMPORAL_NAMESPACE,
        port: settings.TEMPORAL_PORT,
        uiPort: settings.TEMPORAL_UI_PORT,
        dbFilename: path.join(dataDir, "temporal.db"),
        // The UI decodes payloads through our api's codec server (admins only; see README).
        codecEndpoint: `${apiUrl}/codec`,
      });
      cleanups.push(() => temporal!.stop());
    } else {
      notes.push("Temporal: TEMPORAL_ADDRESS");
    }
    const temporalAddress = settings.TEMPORAL_ADDRESS ?? temporal!.address;

    const webhookSecret =
      settings.CAL_WEBHOOK_SECRET ?? (await loadOrCreateDevSecret(dataDir, "dev-webhook-secret")).secret;
    const webServerToken =
      settings.WEB_SERVER_TOKEN ?? (await loadOrCreateDevSecret(dataDir, "dev-web-server-token")).secret;
    const { apiPublicUrl, webPublicUrl } = localPublicUrls(settings, process.env);

    // The staff area: a session secret kept across restarts, and a real local SMTP server with a web
    // inbox for its sign-in mails unless SMTP_URL names one.
    const staffAuthSecret =
      settings.STAFF_AUTH_SECRET ?? (await loadOrCreateDevSecret(dataDir, "dev-staff-auth-secret")).secret;
    let smtpUrl = settings.SMTP_URL;
    let mailInboxUrl: string | null = null;
    if (!smtpUrl) {
      await mkdir(path.join(dataDir, "mail"), { recursive: true });
      const mail = await startLocalMailServer({
        smtpPort: settings.DEV_MAIL_SMTP_PORT,
        webPort: settings.DEV_MAIL_WEB_PORT,
        mailDirectory: path.join(dataDir, "mail"),
      });
      cleanups.push(() => mail.stop());
      smtpUrl = mail.smtpUrl;
      mailInboxUrl = mail.inboxUrl;
    }
    const services: ChildService[] = [];
    const startService = (name: string, entry: string, env: NodeJS.ProcessEnv) => {
      const [command, args] = tsxCommand(entry);
      const service = startChildService({ name, command, args, env, cwd: projectRoot });
      services.push(service);
      cleanups.push(() => service.stop());
      return service;
    };

    // Sandbox mode: no Cal.com credentials of either kind, so the local emulator plays Cal.com, seeded
    // from its fixtures, in both modes side by side: managed users (its Platform client, signed webhooks
    // to our /webhooks/cal) and ordinary accounts a person connects through its OAuth 2.0 consent page.
    let sandbox: LocalStack["sandbox"] = null;
    let cal = {
      apiUrl: settings.CAL_API_URL,
      clientId: settings.CAL_OAUTH_CLIENT_ID,
      clientSecret: settings.CAL_OAUTH_CLIENT_SECRET,
    };
    let sandboxOAuth2: NodeJS.ProcessEnv = {};
    if (!settings.CAL_OAUTH_CLIENT_ID && !settings.CAL_OAUTH2_CLIENT_ID) {
      const fixtures = loadFixtures();
      const oauth2Client = await prepareSandboxOAuth2Client({ apiPublicUrl, dataDir });
      const emulatorOrigin = `http://127.0.0.1:${settings.CAL_EMULATOR_PORT}`;
      const emulator = startService("cal-emulator", "cal-emulator/src/main.ts", {
        ...process.env,
        CAL_EMULATOR_PORT: String(settings.CAL_EMULATOR_PORT),
        CAL_EMULATOR_HOST: "127.0.0.1",
        CAL_EMULATOR_WEBHOOK_URL: `${apiUrl}/webhooks/cal`,
        CAL_EMULATOR_WEBHOOK_SECRET: webhookSecret,
        ...(oauth2Client?.fixturesFile ? { CAL_EMULATOR_FIXTURES: oauth2Client.fixturesFile } : {}),
      });
      await waitUntilServing(emulator, `${emulatorOrigin}/v2/timezones`, 30_000);
      cal = {
        apiUrl: `${emulatorOrigin}/v2`,
        clientId: fixtures.oauthClient.id,
        clientSecret: fixtures.oauthClient.secret,
      };
      if (oauth2Client) {
        sandboxOAuth2 = {
          CAL_OAUTH2_CLIENT_ID: oauth2Client.clientId,
          CAL_OAUTH2_CLIENT_SECRET: oauth2Client.clientSecret,
          CAL_OAUTH2_AUTHORIZE_URL: `${emulatorOrigin}/auth/oauth2/authorize`,
        };
      }
      sandbox = {
        calApiUrl: cal.apiUrl,
        hostUsernames: fixtures.managedUsers.map((user) => user.username),
        oauth2: oauth2Client ? { accountUsernames: oauth2Client.accountUsernames, connectLink: null } : null,
      };
      notes.push(
        `Cal.com: sandbox mode, emulator at ${cal.apiUrl} (set CAL_OAUTH_CLIENT_ID/SECRET or CAL_OAUTH2_CLIENT_ID/SECRET to use Cal.com)`,
      );
    } else {
      notes.push(`Cal.com: ${cal.apiUrl}${settings.CAL_OAUTH2_CLIENT_ID ? "; OAuth 2.0 connections on" : ""}`);
    }

    const childEnv: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: settings.NODE_ENV,
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporalAddress,
      TEMPORAL_NAMESPACE: settings.TEMPORAL_NAMESPACE,
      TEMPORAL_TASK_QUEUE: settings.TEMPORAL_TASK_QUEUE,
      CAL_WEBHOOK_SECRET: webhookSecret,
      WEB_SERVER_TOKEN: webServerToken,
      CAL_API_URL: cal.apiUrl,
      CAL_OAUTH_CLIENT_ID: cal.clientId ?? "",
      CAL_OAUTH_CLIENT_SECRET: cal.clientSecret ?? "",
      // Connect links, the OAuth callback and per-connection webhook URLs are built from these.
      API_PUBLIC_URL: apiPublicUrl,
      WEB_PUBLIC_URL: webPublicUrl,
      STAFF_AUTH_SECRET: staffAuthSecret,
      SMTP_URL: smtpUrl,
      ...sandboxOAuth2,
      PORT: String(settings.PORT),
    };
    startService("worker", "worker/src/main.ts", childEnv);
    const api = startService("api", "api/src/main.ts", childEnv);
    // The booking page: Next.js in development mode (compiles pages on first visit), talking to our api.
    const web = startChildService({
      name: "web",
      command: process.execPath,
      args: [
        path.join(projectRoot, "web", "server.mjs"),
        "--dev",
        "--port",
        String(settings.WEB_PORT),
        "--hostname",
        "127.0.0.1",
      ],
      env: {
        ...process.env,
        NODE_ENV: "development",
        API_URL: apiUrl,
        WEB_SERVER_TOKEN: webServerToken,
        // Staff pages link a booking's processing runs in the Temporal UI: the dev server's own when it runs one.
        TEMPORAL_UI_URL: process.env.TEMPORAL_UI_URL || temporal?.uiUrl || "",
        TEMPORAL_NAMESPACE: settings.TEMPORAL_NAMESPACE,
        PORT: String(settings.WEB_PORT),
        NEXT_TELEMETRY_DISABLED: "1",
      },
      cwd: path.join(projectRoot, "web"),
    });
    services.push(web);
    cleanups.push(() => web.stop());
    await waitUntilServing(api, `${apiUrl}/health`, 60_000);
    if (sandbox?.oauth2)
      sandbox.oauth2.connectLink = await sandboxConnectLink({ settings, databaseUrl, apiPublicUrl, logger, notes });

    const staffSignInLinks = sandbox
      ? await seedSandboxStaff({
          settings: { ...settings, SMTP_URL: smtpUrl },
          databaseUrl,
          secret: staffAuthSecret,
          hosts: sandboxHosts(),
        }).catch((error: unknown) => {
          // The stack is useful without them; `npm run staff:invite` makes more.
          logger.error({ err: error }, "could not seed the sandbox staff accounts");
          notes.push("No staff sign-in links: seeding failed (see the error above); try npm run staff:invite.");
          return [];
        })
      : [];

    const webUrl = `http://127.0.0.1:${settings.WEB_PORT}`;
    const questionnaireBookingPage = sandbox
      ? await seedQuestionnaireForFirstHost({ databaseUrl, webUrl }).catch((error: unknown) => {
          logger.error({ err: error }, "could not seed the sandbox questionnaire");
          notes.push(
            "No seeded questionnaire: seeding failed (see the error above); build one at /staff/questionnaires.",
          );
          return null;
        })
      : null;
    const privateBookingPage = sandbox
      ? await seedSandboxSensitiveEventType({ settings, databaseUrl, temporalAddress, webUrl }).catch(
          (error: unknown) => {
            logger.error({ err: error }, "could not seed the sandbox sensitive event type");
            notes.push(
              "No seeded sensitive event type: seeding failed (see the error above); mark one at /staff/sensitive.",
            );
            return null;
          },
        )
      : null;
    await waitUntilServing(web, `${webUrl}/icon.svg`, 120_000).catch((error: unknown) => {
      notes.push(`The booking page did not answer yet (${(error as Error).message}); it may still be compiling.`);
    });
    return {
      apiUrl,
      webUrl,
      databaseUrl,
      temporalAddress,
      temporalUiUrl: temporal?.uiUrl ?? null,
      webhookSecret,
      webhookSecretGenerated: !settings.CAL_WEBHOOK_SECRET,
      sandbox,
      mailInboxUrl,
      staffSignInLinks,
      questionnaireBookingPage,
      privateBookingPage,
      notes,
      services,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** The hosts the emulator is seeded with: its managed users and its ordinary Cal.com accounts. */
function sandboxHosts(): Array<{ calUserId: number; username: string; email: string; name: string }> {
  const fixtures = loadFixtures();
  return [...fixtures.managedUsers, ...fixtures.ordinaryAccounts].map((user) => ({
    calUserId: user.id,
    username: user.username,
    email: user.email,
    name: user.name,
  }));
}

/** The first managed user's first event type gets the seeded questionnaire; returns its booking page. */
async function seedQuestionnaireForFirstHost(input: { databaseUrl: string; webUrl: string }): Promise<string> {
  const fixtures = loadFixtures();
  const host = fixtures.managedUsers[0];
  const eventType = fixtures.eventTypes.find((candidate) => candidate.ownerId === host?.id);
  if (!host || !eventType) throw new Error("the emulator's fixtures have no managed user with an event type");
  await seedSandboxQuestionnaire({
    databaseUrl: input.databaseUrl,
    target: { ownerCalUserId: host.id, eventTypeId: eventType.id },
  });
  return `${input.webUrl}/book/${host.username}/${eventType.slug}`;
}

/**
 * A fresh one-time connect link for sandbox mode, written straight into the database with the keys the
 * api uses (both read DATA_ENCRYPTION_KEYS from this environment) and its public URL. Not through the api's
 * operator endpoint: that would need an operator API key minted on every start and left behind in
 * api_keys, a standing credential nobody asked for, and the rows written are the same either way (one
 * issueConnectLink, shared with the endpoint and `npm run connect:link`).
 */
async function sandboxConnectLink(input: {
  settings: Settings;
  databaseUrl: string;
  apiPublicUrl: string;
  logger: Logger;
  notes: string[];
}): Promise<{ url: string; expiresAt: Date } | null> {
  const dataSource = createDataSource({ url: input.databaseUrl, poolSize: 1, applicationName: "churchhub-dev" });
  try {
    await dataSource.initialize();
    const { link, url } = await issueConnectLinkWithSettings(
      { settings: input.settings, dataSource, apiPublicUrl: input.apiPublicUrl },
      { hostLabel: "sandbox (npm run dev)", createdBy: "npm run dev" },
    );
    return { url, expiresAt: link.expiresAt };
  } catch (error) {
    // The stack is up and useful without it; `npm run connect:link` makes another.
    input.logger.error({ err: error }, "could not create a sandbox connect link");
    input.notes.push("No connect link: creating it failed (see the error above); try npm run connect:link.");
    return null;
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
  }
}
