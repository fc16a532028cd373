// The test hooks an emulator offers in-process (and over /_emulator): reset, per-route call counts and
// fault injection, token expiry and revocation (managed-user and OAuth 2.0), webhook subscriptions, user
// webhooks and their ping, seeding a platform webhook, and the delivery log.
import type { OAuth2TokenResponse } from "./oauth2/oauth2-grants.js";
import type { UserWebhookOutput } from "./schemas/user-webhook.schema.js";
import type { IssuedTokens } from "./tokens.js";
import type { RouteKey } from "./http/route-probes.js";
import type { BookingWebhookTrigger } from "./webhook-payload.js";
import type { WebhookDelivery } from "./webhook-sender.js";
import type { PlatformWebhookOutput } from "./platform-webhooks.js";
import type { CalendarEventCopy, EventType } from "./state.js";

export interface EmulatorHooks {
  /** Back to the fixtures and the construction-time webhook settings; logs, counts and faults cleared. */
  reset(): void;
  /** Calls to one route, keyed as declared: "POST /v2/bookings", "GET /v2/bookings/:bookingUid". */
  callCount(route: RouteKey): number;
  callCounts(): Record<RouteKey, number>;
  knownRoutes(): RouteKey[];
  /** The next `times` calls to `route` answer `status` (5xx, default 500) in Cal.com's error envelope. */
  failNext(route: RouteKey, times: number, status?: number): void;
  /** Marks matching access tokens (all by default) as expired now: the next use answers 498. */
  expireAccessTokens(filter?: { userId?: number; accessToken?: string }): number;
  revokeRefreshToken(refreshToken: string): boolean;
  /** Tokens for a user without going through HTTP, as force-refresh would issue them. */
  issueTokens(userId: number): IssuedTokens;
  /** Marks matching OAuth 2.0 access tokens (all by default) as expired now: the next use answers 401. */
  expireOAuth2AccessTokens(filter?: { userId?: number; accessToken?: string }): number;
  /** Revokes an OAuth 2.0 refresh token: the next refresh with it answers 400 invalid_grant. */
  revokeOAuth2RefreshToken(refreshToken: string): boolean;
  /** OAuth 2.0 tokens for an ordinary account without the consent page (default: the first OAuth 2.0 client, all its scopes). */
  issueOAuth2Tokens(grant: { userId: number; clientId?: string; scopes?: string[] }): OAuth2TokenResponse;
  /** User webhooks (`POST /v2/webhooks`), all users' or one user's, in Cal.com's output shape. */
  userWebhooks(userId?: number): UserWebhookOutput[];
  /** Cal.com's "Ping test" for one user webhook: the PING body, signed with its secret; resolves when answered. */
  pingWebhook(webhookId: string): Promise<WebhookDelivery>;
  /**
   * Test shortcut: a platform webhook of the fixture OAuth client (active, all booking triggers by default),
   * exactly as POST /v2/oauth-clients/{clientId}/webhooks would create it, for tests that do not exercise
   * the registration itself.
   */
  seedPlatformWebhook(webhook: {
    subscriberUrl: string;
    secret?: string;
    triggers?: BookingWebhookTrigger[];
  }): PlatformWebhookOutput;
  /** Every platform webhook, in the endpoint's output shape. */
  platformWebhooks(): PlatformWebhookOutput[];
  webhookDeliveries(): WebhookDelivery[];
  /** The calendar events Cal.com would have written (all, or one booking's), deleted ones included. */
  calendarEvents(bookingUid?: string): CalendarEventCopy[];
  /** An event type's stored row (its settings as Cal.com holds them), or undefined. */
  eventType(id: number): EventType | undefined;
  /** Waits for deliveries still in flight, then returns the whole log. */
  settleWebhooks(): Promise<WebhookDelivery[]>;
}
