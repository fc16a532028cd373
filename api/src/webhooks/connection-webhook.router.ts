// POST /webhooks/cal/connections/{connectionId}: deliveries from a host's own Cal.com account, to the
// URL registered for that connection and signed with that connection's secret. Unknown connection →
// 404, disconnected → 410, wrong signature → 401. Every path does the same work (one lookup, one HMAC)
// before answering, so response times do not tell which connections exist. Accepted deliveries enter
// the same durable pipeline as every other delivery.
import { Router } from "express";
import type { CalConnectionStore } from "@churchhub/database";
import { HttpError, notFound, unauthorized } from "../http/http-errors.js";
import {
  createDeliveryHandler,
  deliverySpan,
  rawDeliveryBody,
  type CalWebhookDependencies,
} from "./cal-webhook.router.js";
import { verifyCalSignature } from "./verify-cal-signature.js";

const CONNECTION_WEBHOOK_PATH = "/webhooks/cal/connections/:connectionId";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NIL_UUID = "00000000-0000-0000-0000-000000000000";
// Verified against when there is no real secret, so a miss costs what a hit costs.
const STAND_IN_SECRET = "stand-in-secret-for-unknown-connections";

interface ConnectionWebhookDependencies extends Omit<CalWebhookDependencies, "secrets"> {
  connections: Pick<CalConnectionStore, "webhookVerification">;
}

export function createConnectionWebhookRouter(deps: ConnectionWebhookDependencies): Router {
  const router = Router();
  router.post(
    CONNECTION_WEBHOOK_PATH,
    deliverySpan,
    rawDeliveryBody(deps.maxBodyBytes),
    createDeliveryHandler(deps, async (request, body) => {
      const connectionId = String(request.params.connectionId);
      const found = await deps.connections.webhookVerification(UUID.test(connectionId) ? connectionId : NIL_UUID);
      const signed = verifyCalSignature(body, request.get("x-cal-signature-256"), [found?.secret ?? STAND_IN_SECRET]);
      if (!found) throw notFound("No such connection");
      if (found.status === "disconnected") throw new HttpError(410, "gone", "This connection has been disconnected");
      if (!signed || !found.secret) throw unauthorized();
    }),
  );
  return router;
}
