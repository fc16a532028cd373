// The one place the api's dependencies are wired from its settings: api/src/main.ts and the test pipeline
// both call this, passing only what differs per process (logger, clock, database, keys, Temporal client).
import type { Client } from "@temporalio/client";
import { createCalClient } from "@churchhub/cal-client";
import {
  createApiKeyStore,
  createBookingReader,
  createCalConnectionStore,
  createConnectLinkStore,
  createManagedUserTokenStore,
  createQuestionnaireAnswerTokens,
  createQuestionnaireDefinitions,
  createQuestionnaireResponses,
  createPrivateBookingIntents,
  readBookingChain,
  type DataSource,
} from "@churchhub/database";
import { createDeliveryRecorder, createEncryptedInboxCodec, createInboxStore } from "@churchhub/delivery-inbox";
import type { PersonalDataProtector } from "@churchhub/field-encryption";
import type { Logger } from "@churchhub/logging";
import { createErasureRequester } from "./staff/erasure/request-erasure.js";
import { createStaffAreaFromSettings, type StaffArea } from "./staff/staff-area.js";
import { offerConnectedHostSignIn } from "./staff/invite/connected-host-sign-in.js";
import { calOAuth2ClientSettings, calPlatformClient, requireSetting, type Settings } from "@churchhub/settings";
import { createEncryptionCodec } from "@churchhub/temporal-encryption";
import type { AppDependencies } from "./app.js";
import { createStateSigner, resolveStateKey } from "./connections/connect-state.js";
import { createConnectionService } from "./connections/connection-service.js";
import {
  combineHostDirectories,
  createConnectedHostDirectory,
  createManagedUserDirectory,
  type HostDirectory,
} from "./hosts/host-directory.js";
import { createApiMetrics } from "./metrics/api-metrics.js";
import { createReplayService } from "./replay/replay-service.js";
import { checkTemporal } from "./temporal-client.js";
import { createManagedUserTokenService } from "./tokens/managed-user-token-service.js";
import { acceptedWebhookSecrets } from "./webhooks/webhook-secrets.js";
import { createHostEventTypes } from "./questionnaires/host-event-types.js";
import { createQuestionnaireWorkflowClient } from "./questionnaires/questionnaire-workflow-client.js";
import { createPrivateBookingExpiry } from "./private-bookings/private-booking-expiry.js";

/** What the api process brings itself; everything else follows from the settings. */
export interface ApiProcessParts {
  settings: Settings;
  logger: Logger;
  clock: () => Date;
  /** Initialised and migrated. */
  dataSource: DataSource;
  protector: PersonalDataProtector;
  temporal: Client;
}

// The staff area whole (not only what the app mounts): tests and commands invite people and read its log.
export function buildApiDependencies(
  parts: ApiProcessParts,
): AppDependencies & { staff?: StaffArea & { router: ReturnType<StaffArea["createRouter"]> } } {
  const { settings, logger, clock, dataSource, protector, temporal } = parts;
  const cipher = protector.cipher;
  const taskQueue = settings.TEMPORAL_TASK_QUEUE;
  const webServerToken = requireSetting(settings, "WEB_SERVER_TOKEN");
  const platformClient = calPlatformClient(settings);
  const calClient = createCalClient({ baseUrl: settings.CAL_API_URL, platformClient });

  const reader = createBookingReader({ dataSource, protector });
  const connections = createCalConnectionStore({ dataSource, cipher });
  const oauth2Settings = calOAuth2ClientSettings(settings);
  const oauth2ClientId = oauth2Settings?.clientId;
  const hostDirectories: HostDirectory[] = [
    ...(platformClient
      ? [createManagedUserDirectory({ calClient, platformClientId: platformClient.clientId, clock })]
      : []),
    ...(oauth2ClientId ? [createConnectedHostDirectory({ calClient, connections, oauth2ClientId })] : []),
  ];
  const inbox = createInboxStore({ dataSource, codec: createEncryptedInboxCodec(protector) });
  // Questionnaires (issue 18): the stores both sides use; the staff side is served by the staff area.
  const questionnaireDefinitions = createQuestionnaireDefinitions({ dataSource });
  const questionnaireResponses = createQuestionnaireResponses({ dataSource, cipher });
  // The staff area keeps a pool of its own (Better Auth's); the process closes it on shutdown.
  const staff = createStaffAreaFromSettings(settings, {
    databaseUrl: requireSetting(settings, "DATABASE_URL"),
    protector,
    clock,
    questionnaires: {
      dataSource,
      definitions: questionnaireDefinitions,
      responses: questionnaireResponses,
      hostEventTypes: createHostEventTypes({ dataSource, calClient }),
    },
    workflows: { client: temporal, taskQueue },
    requestErasure: createErasureRequester({ client: temporal, taskQueue, waitMs: 30_000 }),
  });
  const apiKeys = createApiKeyStore({ dataSource });
  const connectionService = oauth2ClientId
    ? createConnectionService({
        links: createConnectLinkStore({ dataSource, cipher, clock }),
        connections,
        stateSigner: createStateSigner(resolveStateKey(settings.CONNECT_STATE_KEY), clock),
        client: temporal,
        taskQueue,
        oauth2: {
          clientId: oauth2ClientId,
          authorizeUrl: settings.CAL_OAUTH2_AUTHORIZE_URL,
          scopes: oauth2Settings!.scopes,
          usesPkce: oauth2Settings!.credentials.type === "public",
        },
        apiPublicUrl: settings.API_PUBLIC_URL,
        linkTtlMs: settings.CONNECT_LINK_TTL_HOURS * 3_600_000,
        clock,
        waitMs: 25_000,
        offerStaffSignIn: staff
          ? (connected) =>
              offerConnectedHostSignIn({ auth: staff.auth, links: staff.links, pool: staff.pool, protector }, connected)
          : undefined,
      })
    : undefined;

  return {
    staff: staff
      ? {
          ...staff,
          router: staff.createRouter({
            apiKeys,
            temporal: { client: temporal, namespace: settings.TEMPORAL_NAMESPACE },
            managedUsers: platformClient ? calClient : undefined,
            createConnectLink: connectionService
              ? async (input) => {
                  const { link, url } = await connectionService.createLink(input);
                  return { url, expiresAt: link.expiresAt };
                }
              : null,
          }),
        }
      : undefined,
    questionnaires: {
      definitions: questionnaireDefinitions,
      responses: questionnaireResponses,
      tokens: createQuestionnaireAnswerTokens({ dataSource, clock }),
      bookingChain: (uid) => readBookingChain(dataSource.manager, uid),
      workflows: createQuestionnaireWorkflowClient({
        client: temporal,
        taskQueue,
        keepUnlinkedDays: settings.QUESTIONNAIRE_UNLINKED_RESPONSE_DAYS,
      }),
      clock,
      directAnswerMs: settings.QUESTIONNAIRE_DIRECT_ANSWER_MINUTES * 60_000,
      submissionsPerMinute: settings.RATE_LIMIT_QUESTIONNAIRE_SUBMISSIONS_PER_MINUTE,
      webPublicUrl: settings.WEB_PUBLIC_URL,
    },
    privateBookings: {
      intents: createPrivateBookingIntents({ dataSource, protector, clock }),
      isSensitive: async (eventTypeId) => {
        const rows: Array<{ sensitive: boolean }> = await dataSource.query(
          "SELECT sensitive FROM sensitive_event_types WHERE cal_event_type_id = $1",
          [eventTypeId],
        );
        return rows[0]?.sensitive === true;
      },
      scheduleExpiry: createPrivateBookingExpiry({ client: temporal, taskQueue }),
      cancelAtCal: (bookingUid) =>
        calClient.cancelBooking(bookingUid, "Cancelled by the attendee through their private link"),
      clock,
      relayDomain: settings.PRIVATE_RELAY_DOMAIN,
      intentTtlMs: settings.PRIVATE_BOOKING_INTENT_HOURS * 3_600_000,
      perMinute: settings.RATE_LIMIT_PRIVATE_BOOKINGS_PER_MINUTE,
      trustedProxies: settings.STAFF_TRUSTED_PROXIES,
      webPublicUrl: settings.WEB_PUBLIC_URL,
    },
    logger,
    clock,
    webhookSecrets: acceptedWebhookSecrets(
      {
        current: requireSetting(settings, "CAL_WEBHOOK_SECRET"),
        previous: settings.CAL_WEBHOOK_SECRET_PREVIOUS,
        previousUntil: settings.CAL_WEBHOOK_SECRET_PREVIOUS_UNTIL,
      },
      clock,
    ),
    maxWebhookBodyBytes: settings.WEBHOOK_MAX_BODY_BYTES,
    recorder: createDeliveryRecorder({
      inbox,
      temporal: { client: temporal, taskQueue, startTimeoutMs: 5_000 },
      logger,
    }),
    healthChecks: {
      database: async () => void (await dataSource.query("SELECT 1")),
      temporal: () => checkTemporal(temporal),
    },
    webServerTokens: () => [webServerToken],
    apiKeys,
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
      connectionsWithoutWebhook: oauth2ClientId ? () => connections.countWithoutWebhook() : undefined,
    }),
    replay: createReplayService({ dataSource, reader, client: temporal, taskQueue, clock }),
    managedUsers: platformClient && {
      tokenService: createManagedUserTokenService({
        client: temporal,
        taskQueue,
        tokenStore: createManagedUserTokenStore({ dataSource, cipher }),
        clock,
        waitMs: 15_000,
      }),
    },
    hosts:
      hostDirectories.length > 0
        ? {
            hostDirectory: combineHostDirectories(hostDirectories),
            publicNames: staff?.publicNames,
            churchName: settings.CHURCH_NAME,
            calPublicApiUrl: settings.CAL_PUBLIC_API_URL ?? settings.CAL_API_URL,
          }
        : undefined,
    connections: connectionService
      ? {
          service: connectionService,
          store: connections,
          webPublicUrl: settings.WEB_PUBLIC_URL,
        }
      : undefined,
  };
}
