// Builds a Cal.com API v2 emulator from its dependencies (fixtures, clock, webhook settings, fetch) without
// listening, like stripe-mock: resettable state, Cal.com's shapes, and test hooks on the returned object.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Express } from "express";
import { createBookingService } from "./bookings.js";
import { createApp } from "./create-app.js";
import type { EmulatorHooks } from "./emulator-hooks.js";
import { loadFixtures } from "./fixtures.js";
import { createAuthenticator } from "./http/authenticate.js";
import { createRouteProbes } from "./http/route-probes.js";
import { createScopeGuard } from "./http/scope-guard.js";
import { createOAuth2Grants } from "./oauth2/oauth2-grants.js";
import type { Fixtures } from "./schemas/fixtures.schema.js";
import { createState, type EmulatorState } from "./state.js";
import { createTokenService } from "./tokens.js";
import { createUserWebhookService, toUserWebhookOutput } from "./user-webhooks.js";
import { createWebhookSender, type FetchLike } from "./webhook-sender.js";
import { BOOKING_WEBHOOK_TRIGGERS } from "./webhook-payload.js";
import { createPlatformWebhookService, toPlatformWebhookOutput } from "./platform-webhooks.js";

export interface CalEmulatorOptions {
  /** Defaults to fixtures/sandbox.json. */
  fixtures?: Fixtures;
  /** Injectable so tests can move time; token expiry, slots and timestamps all follow it. */
  clock?: () => Date;
  /**
   * Seeds a platform webhook of the fixture OAuth client at start (and again on reset), as if it had been
   * created with POST /v2/oauth-clients/{clientId}/webhooks: it hears bookings of managed users.
   */
  webhook?: { subscriberUrl?: string; secret?: string };
  /** Used for webhook deliveries; defaults to the global fetch. */
  fetch?: FetchLike;
  /** Cal.com's WEBAPP_URL, used in Cal Video links (metadata.videoCallUrl). */
  webAppUrl?: string;
  /** Mount the /_emulator HTTP test hooks (default true). */
  adminRoutes?: boolean;
  /** Called with errors that are emulator bugs (answered as 500); defaults to console.error. */
  onUnexpectedError?: (error: unknown) => void;
}

export interface RunningCalEmulator {
  /** Base URL including /v2, like https://api.cal.com/v2. */
  url: string;
  origin: string;
  port: number;
  close(): Promise<void>;
}

export interface CalEmulator extends EmulatorHooks {
  app: Express;
  /** The live in-memory state (mutated in place on reset). */
  state: EmulatorState;
  fixtures: Fixtures;
  listen(port?: number, host?: string): Promise<RunningCalEmulator>;
}

export function createCalEmulator(options: CalEmulatorOptions = {}): CalEmulator {
  const fixtures = options.fixtures ?? loadFixtures();
  const clock = options.clock ?? (() => new Date());
  const state = createState(fixtures, clock());
  const getState = () => state;
  const tokens = createTokenService({ state: getState, clock });
  const oauth2 = createOAuth2Grants({ state: getState, clock });
  const auth = createAuthenticator({ state: getState, tokens, oauth2 });
  const probes = createRouteProbes();
  const userWebhooks = createUserWebhookService({ state: getState, clock });
  const platformWebhooks = createPlatformWebhookService({ state: getState, clock });
  const webhooks = createWebhookSender({
    fetch: options.fetch ?? ((url, init) => fetch(url, init)),
    clock,
    userWebhookTargets: userWebhooks.deliveryTargets,
    platformWebhookTargets: platformWebhooks.deliveryTargets,
  });
  const seedPlatformWebhook: EmulatorHooks["seedPlatformWebhook"] = ({ subscriberUrl, secret, triggers }) =>
    toPlatformWebhookOutput(
      platformWebhooks.create(fixtures.oauthClient.id, {
        subscriberUrl,
        triggers: triggers ?? [...BOOKING_WEBHOOK_TRIGGERS],
        active: true,
        ...(secret ? { secret } : {}),
      }),
    );
  const seedConfiguredWebhook = () => {
    if (options.webhook?.subscriberUrl)
      seedPlatformWebhook({ subscriberUrl: options.webhook.subscriberUrl, secret: options.webhook.secret });
  };
  seedConfiguredWebhook();
  const bookings = createBookingService({
    state: getState,
    clock,
    webhooks,
    webAppUrl: options.webAppUrl ?? "https://app.cal.com",
  });

  const hooks: EmulatorHooks = {
    reset() {
      Object.assign(state, createState(fixtures, clock()));
      probes.reset();
      webhooks.reset();
      seedConfiguredWebhook();
    },
    callCount: probes.callCount,
    callCounts: probes.callCounts,
    knownRoutes: probes.knownRoutes,
    failNext: probes.failNext,
    expireAccessTokens: tokens.expireAccessTokens,
    revokeRefreshToken: tokens.revokeRefreshToken,
    issueTokens(userId) {
      const user = state.users.get(userId);
      if (!user?.oauthClientId) throw new Error(`issueTokens: user ${userId} is not a managed user`);
      return tokens.issue(user.oauthClientId, userId);
    },
    expireOAuth2AccessTokens: oauth2.expireAccessTokens,
    revokeOAuth2RefreshToken: oauth2.revokeRefreshToken,
    issueOAuth2Tokens({ userId, clientId, scopes }) {
      const client = clientId ? state.oauth2Clients.get(clientId) : [...state.oauth2Clients.values()][0];
      if (!client) throw new Error(`issueOAuth2Tokens: no OAuth 2.0 client ${clientId ?? "(none in the fixtures)"}`);
      if (state.users.get(userId)?.oauthClientId !== null)
        throw new Error(`issueOAuth2Tokens: user ${userId} is not an ordinary account`);
      return oauth2.issueTokens(client.clientId, userId, scopes ?? [...client.scopes]);
    },
    userWebhooks: (userId) =>
      [...state.userWebhooks.values()]
        .filter((webhook) => userId === undefined || webhook.userId === userId)
        .map(toUserWebhookOutput),
    pingWebhook(webhookId) {
      const webhook = state.userWebhooks.get(webhookId);
      if (!webhook) throw new Error(`pingWebhook: no user webhook ${webhookId}`);
      return webhooks.ping(webhook);
    },
    seedPlatformWebhook,
    platformWebhooks: () => [...state.platformWebhooks.values()].map(toPlatformWebhookOutput),
    webhookDeliveries: webhooks.deliveries,
    settleWebhooks: webhooks.settle,
    calendarEvents: (bookingUid) =>
      [...state.calendarEvents.values()]
        .filter((copy) => bookingUid === undefined || copy.bookingUid === bookingUid)
        .map((copy) => structuredClone(copy)),
    eventType: (id) => {
      const row = state.eventTypes.get(id);
      return row && structuredClone(row);
    },
  };

  const app = createApp({
    state: getState,
    clock,
    tokens,
    oauth2,
    auth,
    bookings,
    userWebhooks,
    platformWebhooks,
    probes,
    scopes: createScopeGuard({ state: getState }),
    hooks,
    adminRoutes: options.adminRoutes ?? true,
    onUnexpectedError: options.onUnexpectedError ?? ((error) => console.error("cal-emulator: unexpected error", error)),
  });

  return {
    ...hooks,
    app,
    state,
    fixtures,
    listen(port = 0, host = "127.0.0.1") {
      const server = createServer(app);
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          const { port: boundPort } = server.address() as AddressInfo;
          const origin = `http://${host.includes(":") ? `[${host}]` : host}:${boundPort}`;
          resolve({
            url: `${origin}/v2`,
            origin,
            port: boundPort,
            // Idempotent: tests close the emulator to play "Cal.com is down" and the harness closes it again.
            close: () =>
              new Promise<void>((done, fail) => {
                if (!server.listening) return done();
                server.closeAllConnections();
                server.close((error) => (error ? fail(error) : done()));
              }),
          });
        });
      });
    },
  };
}
