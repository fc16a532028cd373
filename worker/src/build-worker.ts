// The one place the worker's activities and its Temporal worker are wired from the settings:
// worker/src/main.ts and the test pipeline both call this, passing only what differs per process.
import type { NativeConnection, Worker, WorkerOptions } from "@temporalio/worker";
import {
  createActivities,
  createConnectionActivities,
  createConnectionTokenKeeper,
  createQuestionnaireActivities,
  createHostAccessTokens,
  createReconciliationActivities,
  createSensitiveSettingsActivities,
  createSensitiveRetentionActivities,
  createTokenActivities,
  type ConnectionTokenKeeper,
} from "@churchhub/activities";
import { createCalClient, createCalOAuth2Client, type CalClient } from "@churchhub/cal-client";
import { connectionWebhookUrl, oauthCallbackUrl, questionnaireAnswerUrl } from "@churchhub/contracts";
import {
  createCalConnectionStore,
  createConnectLinkStore,
  createManagedUserTokenStore,
  erasePrivateDetailsInTransaction,
  eraseResponsesInTransaction,
  openSecureNotes,
  type DataSource,
} from "@churchhub/database";
import type { PersonalDataProtector } from "@churchhub/field-encryption";
import type { Logger } from "@churchhub/logging";
import { createSmtpMailer, MailConfigurationError, smtpUrlFor, type Mailer } from "@churchhub/mail";
import {
  calOAuth2ClientSettings,
  calPlatformClient,
  optionalNoteKeystoreUrlFor,
  requireSetting,
  type Settings,
} from "@churchhub/settings";
import { createDataConverter } from "@churchhub/temporal-encryption";
import type { Tracing } from "@churchhub/tracing";
import { createBookingWorker } from "./create-worker.js";

/** What the worker process brings itself; everything else follows from the settings. */
export interface WorkerProcessParts {
  settings: Settings;
  logger: Logger;
  clock: () => Date;
  /** Initialised and migrated. */
  dataSource: DataSource;
  protector: PersonalDataProtector;
  connection: NativeConnection;
  tracing: Tracing;
  /** How long in-flight activities may finish on shutdown (tests stop faster than production). */
  shutdownGraceTime?: WorkerOptions["shutdownGraceTime"];
}

export interface BuiltWorker {
  worker: Worker;
  /** Fresh access tokens of connected Cal.com accounts; absent when OAuth 2.0 connections are off. */
  tokenKeeper: ConnectionTokenKeeper | undefined;
  /** The one Cal.com client of this worker (the process keeps the Platform webhook with it). */
  calClient: CalClient;
  /** Whether OAuth 2.0 connections are configured (then connected accounts are reconciled too). */
  oauth2Enabled: boolean;
  /** Closes what the activities hold besides the data source (the secure notes' pools); after the worker stops. */
  close(): Promise<void>;
}

export async function buildWorker(parts: WorkerProcessParts): Promise<BuiltWorker> {
  const { settings, logger, clock, dataSource, protector } = parts;
  const cipher = protector.cipher;
  const platformClient = calPlatformClient(settings);
  const calClient = createCalClient({ baseUrl: settings.CAL_API_URL, platformClient });

  // OAuth 2.0 connections of ordinary Cal.com accounts (on when an OAuth 2.0 client is configured).
  const oauth2Settings = calOAuth2ClientSettings(settings);
  const oauth2Client = oauth2Settings
    ? createCalOAuth2Client({
        baseUrl: settings.CAL_API_URL,
        clientId: oauth2Settings.clientId,
        credentials: oauth2Settings.credentials,
        clock,
      })
    : undefined;
  const connections = createCalConnectionStore({ dataSource, cipher });
  let connectionActivities: ReturnType<typeof createConnectionActivities> | undefined;
  const tokenKeeper =
    oauth2Client &&
    createConnectionTokenKeeper({
      store: connections,
      oauth2Client,
      clock,
      onNeedsReconnect: async (connectionId) => {
        logger.warn({ connectionId }, "cal connection needs reconnect: Cal.com refused its refresh token");
        await connectionActivities!.writeConnectionAudit({
          connectionId,
          action: "needs_reconnect",
          eventKey: clock().toISOString(),
          by: "system",
        });
      },
    });
  connectionActivities =
    oauth2Client && tokenKeeper
      ? createConnectionActivities({
          dataSource,
          protector,
          connections,
          links: createConnectLinkStore({ dataSource, cipher, clock }),
          oauth2Client,
          calClient,
          tokenKeeper,
          redirectUri: oauthCallbackUrl(settings.API_PUBLIC_URL),
          webhookUrlFor: (connectionId) => connectionWebhookUrl(settings.API_PUBLIC_URL, connectionId),
          clock,
        })
      : undefined;

  const tokenStore = createManagedUserTokenStore({ dataSource, cipher });
  const tokenActivities = createTokenActivities({ calClient, tokenStore, clock });
  // Sensitive mode acts at Cal.com with each host's own token (connection or managed user).
  const hostTokens = createHostAccessTokens({ dataSource, calClient, tokenKeeper, tokenStore, tokenActivities });
  // The notes a booking's erasure destroys (where a key store is configured; none exist without one).
  const databaseUrl = requireSetting(settings, "DATABASE_URL");
  const noteKeystoreUrl = optionalNoteKeystoreUrlFor(settings, databaseUrl);
  const secureNotes = noteKeystoreUrl
    ? openSecureNotes({
        databaseUrl,
        noteKeystoreUrl,
        createNoteKeystoreDatabase: settings.NODE_ENV !== "production",
        protector,
        clock,
      })
    : undefined;

  const worker = await createBookingWorker({
    connection: parts.connection,
    namespace: settings.TEMPORAL_NAMESPACE,
    taskQueue: settings.TEMPORAL_TASK_QUEUE,
    dataConverter: createDataConverter(cipher.keyring),
    tracing: parts.tracing,
    shutdownGraceTime: parts.shutdownGraceTime,
    activities: {
      ...createActivities({ dataSource, protector }),
      ...tokenActivities,
      ...createReconciliationActivities({ calClient, dataSource, clock, tokenKeeper }),
      ...createSensitiveSettingsActivities({ dataSource, calClient, hostTokens, protector, clock }),
      ...connectionActivities,
      ...createQuestionnaireActivities({
        dataSource,
        protector,
        mailer: questionnaireMailer(settings, logger),
        clock,
        reminderLeadMs: settings.QUESTIONNAIRE_REMINDER_LEAD_MINUTES * 60_000,
        answerLinkFor: (token) => questionnaireAnswerUrl(settings.WEB_PUBLIC_URL, token),
        churchName: settings.CHURCH_NAME,
      }),
      ...createSensitiveRetentionActivities({
        dataSource,
        protector,
        retentionDays: settings.SENSITIVE_RETENTION_DAYS,
        notes: secureNotes?.notes,
        // The questionnaire answers and what a private booking's person left us go in the same transaction
        // as the rest of the person's data.
        erasers: [
          async (manager, booking) => void (await eraseResponsesInTransaction(manager, booking.uid)),
          async (manager, booking) => void (await erasePrivateDetailsInTransaction(manager, booking.uid)),
        ],
        clock,
      }),
    },
  });
  return {
    worker,
    tokenKeeper,
    calClient,
    oauth2Enabled: oauth2Client !== undefined,
    close: async () => {
      await secureNotes?.close();
    },
  };
}

/**
 * The mailer of questionnaire reminders: the staff area's SMTP server. In production without SMTP_URL
 * the worker still runs; a reminder then fails visibly in its workflow (MailNotConfigured).
 */
function questionnaireMailer(settings: Settings, logger: Logger): Mailer | undefined {
  try {
    return createSmtpMailer({ smtpUrl: smtpUrlFor(settings), from: settings.MAIL_FROM });
  } catch (error) {
    if (!(error instanceof MailConfigurationError)) throw error;
    logger.warn("SMTP_URL is not set: questionnaire reminders cannot be mailed");
    return undefined;
  }
}
