// POST /webhooks/cal/connections/{connectionId}: deliveries from a host's own Cal.com account, to the
// URL registered for that connection and signed with that connection's secret. Unknown connection →
// 404, disconnected → 410, wrong signature → 401. Every path does the same work (one lookup, one HMAC)
// before answering, so response times do not tell which connections exist. Accepted deliveries enter
// the same durable pipeline as every other delivery.
import { Router } from "express";
import { z } from "zod";
import type { CalConnectionStore } from "@churchhub/database";
import { HttpError, notFound, unauthorized } from "../http/http-errors.js";
import { validateRequest } from "../http/validate-request.js";
import {
  createDeliveryHandler,
  deliverySpan,
  rawDeliveryBody,
  type CalWebhookDependencies,
} from "./cal-webhook.router.js";
import { verifyCalSignature } from "./verify-cal-signature.js";

const CONNECTION_WEBHOOK_PATH = "/webhooks/cal/connections/:connectionId";

const NIL_UUID = "00000000-0000-0000-0000-000000000000";
// A malformed id is looked up as the nil UUID (found nowhere): it costs what an unknown id costs and
// answers the same 404, so the route never says which ids are well-formed. Only the path is read here:
// the body is verified on its raw bytes before anything parses it.
export const connectionWebhookParamsSchema = z.object({
  connectionId: z
    .string()
    .describe("The connection the webhook was registered for")
    .transform((id) => (z.uuid().safeParse(id).success ? id : NIL_UUID)),
});
const connectionWebhookRequest = validateRequest({ params: connectionWebhookParamsSchema });
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
    connectionWebhookRequest,
    rawDeliveryBody(deps.maxBodyBytes),
    createDeliveryHandler(deps, async (request, body, response) => {
      const { connectionId } = connectionWebhookRequest.parsed(response).params;
      const found = await deps.connections.webhookVerification(connectionId);
      const signed = verifyCalSignature(body, request.get("x-cal-signature-256"), [found?.secret ?? STAND_IN_SECRET]);
      if (!found) throw notFound("No such connection");
      if (found.status === "disconnected") throw new HttpError(410, "gone", "This connection has been disconnected");
      if (!signed || !found.secret) throw unauthorized();
    }),
  );
  return router;
}
