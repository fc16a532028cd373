// Delivers booking webhooks like Cal.com's sendPayload: one POST per subscriber, no retry, redirects not
// followed, body `{triggerEvent, createdAt, payload}`, `X-Cal-Signature-256` = hex HMAC-SHA256 of the exact
// body (or "no-secret-provided"). Deliveries run in the background; every outcome is recorded, and tests
// can await the ones still in flight. Source: packages/features/webhooks/lib/sendPayload.ts (calcom.md §1).
import { createHmac, randomUUID } from 'node:crypto';
import { BOOKING_WEBHOOK_TRIGGERS, type BookingWebhookTrigger } from './webhook-payload.js';

export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body: string; redirect: 'manual' }) => Promise<{ status: number }>;

export interface WebhookSubscription {
  id: string;
  subscriberUrl: string;
  secret?: string;
  triggers: BookingWebhookTrigger[];
}

export interface WebhookDelivery {
  id: string;
  subscriptionId: string;
  subscriberUrl: string;
  triggerEvent: BookingWebhookTrigger;
  /** The exact body sent, byte for byte what was signed. */
  body: string;
  signature: string;
  sentAt: string;
  /** Set when the subscriber answered; `ok` is a 2xx. */
  status?: number;
  ok: boolean;
  error?: string;
}

export interface WebhookSender {
  subscribe(subscription: { subscriberUrl: string; secret?: string; triggers?: BookingWebhookTrigger[] }): WebhookSubscription;
  unsubscribe(id: string): boolean;
  subscriptions(): WebhookSubscription[];
  send(triggerEvent: BookingWebhookTrigger, payload: Record<string, unknown>): void;
  deliveries(): WebhookDelivery[];
  /** Resolves once every delivery started so far has finished (including ones started meanwhile). */
  settle(): Promise<WebhookDelivery[]>;
  reset(subscriptions: WebhookSubscription[]): void;
}

export const NO_SECRET_SIGNATURE = 'no-secret-provided';

export function signWebhookBody(body: string, secret: string | undefined): string {
  return secret ? createHmac('sha256', secret).update(body, 'utf8').digest('hex') : NO_SECRET_SIGNATURE;
}

export function createWebhookSender(deps: { fetch: FetchLike; clock: () => Date }): WebhookSender {
  let subscriptions: WebhookSubscription[] = [];
  let deliveries: WebhookDelivery[] = [];
  const inFlight = new Set<Promise<void>>();

  async function deliver(subscription: WebhookSubscription, delivery: WebhookDelivery): Promise<void> {
    try {
      const response = await deps.fetch(subscription.subscriberUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Cal-Signature-256': delivery.signature },
        body: delivery.body,
        redirect: 'manual',
      });
      delivery.status = response.status;
      delivery.ok = response.status >= 200 && response.status < 300;
    } catch (error) {
      // Cal.com only logs a failed delivery; the emulator records it so a test can see it.
      delivery.error = error instanceof Error ? error.message : String(error);
    }
  }

  return {
    subscribe({ subscriberUrl, secret, triggers }) {
      const subscription = { id: randomUUID(), subscriberUrl, ...(secret ? { secret } : {}), triggers: triggers ?? [...BOOKING_WEBHOOK_TRIGGERS] };
      subscriptions.push(subscription);
      return subscription;
    },
    unsubscribe(id) {
      const before = subscriptions.length;
      subscriptions = subscriptions.filter((subscription) => subscription.id !== id);
      return subscriptions.length < before;
    },
    subscriptions: () => subscriptions.map((subscription) => ({ ...subscription })),
    send(triggerEvent, payload) {
      for (const subscription of subscriptions) {
        if (!subscription.triggers.includes(triggerEvent)) continue;
        const sentAt = deps.clock().toISOString();
        const body = JSON.stringify({ triggerEvent, createdAt: sentAt, payload });
        const delivery: WebhookDelivery = {
          id: randomUUID(),
          subscriptionId: subscription.id,
          subscriberUrl: subscription.subscriberUrl,
          triggerEvent,
          body,
          signature: signWebhookBody(body, subscription.secret),
          sentAt,
          ok: false,
        };
        deliveries.push(delivery);
        const running = deliver(subscription, delivery).finally(() => inFlight.delete(running));
        inFlight.add(running);
      }
    },
    deliveries: () => deliveries.map((delivery) => ({ ...delivery })),
    async settle() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
      return deliveries.map((delivery) => ({ ...delivery }));
    },
    reset(initial) {
      subscriptions = initial.map((subscription) => ({ ...subscription }));
      deliveries = [];
    },
  };
}
