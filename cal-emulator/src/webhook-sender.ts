// Delivers webhooks like Cal.com's sendPayload: one POST per subscriber, no retry, redirects not followed,
// body `{triggerEvent, createdAt, payload}`, `X-Cal-Signature-256` = hex HMAC-SHA256 of the exact body (or
// "no-secret-provided"), `X-Cal-Webhook-Version` = the webhook's version (newer builds send it; calcom/cal.diy
// packages/features/webhooks/lib/sendPayload.ts at 5f2d0719), and a payloadTemplate rendered as Cal.com does
// (payload-template.ts). Two kinds of subscriber: platform webhooks (`/v2/oauth-clients/{id}/webhooks`; they
// hear only bookings whose platformClientId is their client) and user webhooks (`POST /v2/webhooks`; they
// hear only their own user's bookings). Each delivery is signed with its webhook's own secret. Deliveries run
// in the background; every outcome is recorded, and tests can await the ones in flight.
// Sources: packages/features/webhooks/lib/sendPayload.ts, getWebhooks.ts (`packages/features/webhooks/lib/sendPayload.ts`, §7).
import { createHmac, randomUUID } from "node:crypto";
import { buildPingPayload } from "./ping-payload.js";
import { contentTypeFor, renderPayloadTemplate, type WebhookContentType } from "./payload-template.js";
import type { BookingWebhookTrigger } from "./webhook-payload.js";

export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string; redirect: "manual" },
) => Promise<{ status: number }>;

/** Where one delivery goes: a platform webhook or a user webhook. */
export interface WebhookTarget {
  id: string;
  subscriberUrl: string;
  secret?: string | null;
  /** When set, the body is this template rendered (payload-template.ts), not the standard envelope. */
  payloadTemplate?: string | null;
  /** The webhook's payload version, sent as X-Cal-Webhook-Version. */
  version: string;
}

/** Whose booking an event is about, which decides who hears it. */
export interface WebhookAudience {
  organizerId: number;
  /** Set for bookings of platform managed users (Cal.com's `platformClientId`). */
  platformClientId: string | null;
}

export interface WebhookDelivery {
  id: string;
  subscriptionId: string;
  subscriberUrl: string;
  triggerEvent: BookingWebhookTrigger | "PING";
  /** The exact body sent, byte for byte what was signed. */
  body: string;
  contentType: WebhookContentType;
  /** The X-Cal-Webhook-Version header sent. */
  webhookVersion: string;
  signature: string;
  sentAt: string;
  /** Set when the subscriber answered; `ok` is a 2xx. */
  status?: number;
  ok: boolean;
  error?: string;
}

export interface WebhookSender {
  send(triggerEvent: BookingWebhookTrigger, payload: Record<string, unknown>, audience: WebhookAudience): void;
  /** Cal.com's "Ping test": the PING body to one target, whatever its triggers; resolves when answered. */
  ping(target: WebhookTarget): Promise<WebhookDelivery>;
  deliveries(): WebhookDelivery[];
  /** Resolves once every delivery started so far has finished (including ones started meanwhile). */
  settle(): Promise<WebhookDelivery[]>;
  /** Clears the delivery log. */
  reset(): void;
}

export const NO_SECRET_SIGNATURE = "no-secret-provided";

export function signWebhookBody(body: string, secret: string | null | undefined): string {
  return secret ? createHmac("sha256", secret).update(body, "utf8").digest("hex") : NO_SECRET_SIGNATURE;
}

export function createWebhookSender(deps: {
  fetch: FetchLike;
  clock: () => Date;
  /** The organizer's active user webhooks subscribed to this trigger. */
  userWebhookTargets: (organizerId: number, trigger: BookingWebhookTrigger) => WebhookTarget[];
  /** The platform client's active webhooks subscribed to this trigger. */
  platformWebhookTargets: (platformClientId: string, trigger: BookingWebhookTrigger) => WebhookTarget[];
}): WebhookSender {
  let deliveries: WebhookDelivery[] = [];
  const inFlight = new Set<Promise<void>>();

  async function deliver(delivery: WebhookDelivery): Promise<void> {
    try {
      const response = await deps.fetch(delivery.subscriberUrl, {
        method: "POST",
        headers: {
          "Content-Type": delivery.contentType,
          "X-Cal-Signature-256": delivery.signature,
          "X-Cal-Webhook-Version": delivery.webhookVersion,
        },
        body: delivery.body,
        redirect: "manual",
      });
      delivery.status = response.status;
      delivery.ok = response.status >= 200 && response.status < 300;
    } catch (error) {
      // Cal.com only logs a failed delivery; the emulator records it so a test can see it.
      delivery.error = error instanceof Error ? error.message : String(error);
    }
  }

  function start(
    target: WebhookTarget,
    triggerEvent: WebhookDelivery["triggerEvent"],
    payload: Record<string, unknown>,
  ) {
    const sentAt = deps.clock().toISOString();
    const { body, contentType } = target.payloadTemplate
      ? renderPayloadTemplate(target.payloadTemplate, { ...payload, triggerEvent, createdAt: sentAt })
      : { body: JSON.stringify({ triggerEvent, createdAt: sentAt, payload }), contentType: contentTypeFor(null) };
    const delivery: WebhookDelivery = {
      id: randomUUID(),
      subscriptionId: target.id,
      subscriberUrl: target.subscriberUrl,
      triggerEvent,
      body,
      contentType,
      webhookVersion: target.version,
      signature: signWebhookBody(body, target.secret),
      sentAt,
      ok: false,
    };
    deliveries.push(delivery);
    const running = deliver(delivery).finally(() => inFlight.delete(running));
    inFlight.add(running);
    return { delivery, done: running };
  }

  return {
    send(triggerEvent, payload, audience) {
      const platformTargets = audience.platformClientId
        ? deps.platformWebhookTargets(audience.platformClientId, triggerEvent)
        : [];
      for (const target of [...platformTargets, ...deps.userWebhookTargets(audience.organizerId, triggerEvent)])
        start(target, triggerEvent, payload);
    },
    async ping(target) {
      const { delivery, done } = start(target, "PING", buildPingPayload(deps.clock()));
      await done;
      return { ...delivery };
    },
    deliveries: () => deliveries.map((delivery) => ({ ...delivery })),
    async settle() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
      return deliveries.map((delivery) => ({ ...delivery }));
    },
    reset() {
      deliveries = [];
    },
  };
}
