// The test hooks an emulator offers in-process (and over /_emulator): reset, per-route call counts and
// fault injection, token expiry and revocation, webhook subscriptions and the delivery log.
import type { IssuedTokens } from './tokens.js';
import type { RouteKey } from './http/route-probes.js';
import type { BookingWebhookTrigger } from './webhook-payload.js';
import type { WebhookDelivery, WebhookSubscription } from './webhook-sender.js';

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
  subscribeWebhook(subscription: { subscriberUrl: string; secret?: string; triggers?: BookingWebhookTrigger[] }): WebhookSubscription;
  unsubscribeWebhook(id: string): boolean;
  webhookSubscriptions(): WebhookSubscription[];
  webhookDeliveries(): WebhookDelivery[];
  /** Waits for deliveries still in flight, then returns the whole log. */
  settleWebhooks(): Promise<WebhookDelivery[]>;
}
