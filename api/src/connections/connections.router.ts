// Operators manage connected Cal.com accounts: create one-time connect links, see every connection and
// its state ("needs reconnect" included), and disconnect one. Usernames are Cal.com's public handles;
// nothing personal beyond that is shown here.
import express, { Router } from "express";
import { z } from "zod";
import type { CalConnection } from "@churchhub/database";
import { principalOf, type RequireRole } from "../auth/require-role.js";
import { HttpError, notFound } from "../http/http-errors.js";
import { validateRequest } from "../http/validate-request.js";
import { ConnectionWorkflowError, type ConnectionService } from "./connection-service.js";

export const newConnectLinkSchema = z.strictObject({
  hostLabel: z
    .string()
    .trim()
    .min(1)
    .max(120)
    .refine((value) => !value.includes("\u0000"), "must not contain U+0000")
    .optional()
    .describe("Who the link is for, so operators can tell links apart (stored encrypted)"),
});

export const connectionParamsSchema = z.object({ id: z.uuid({ error: "must be a connection id (a UUID)" }) });

// No body at all is a link without a label.
const newLinkRequest = validateRequest({ body: newConnectLinkSchema.default({}) });
const connectionRequest = validateRequest({ params: connectionParamsSchema });

function connectionView(connection: CalConnection) {
  return {
    id: connection.id,
    calUserId: connection.calUserId,
    username: connection.username,
    status: connection.status,
    webhookRegistered: connection.calWebhookId !== null,
    /** `missing_scope`: Cal.com refused our webhook for the token's scopes; its bookings are polled instead. */
    webhookStatus: connection.webhookStatus,
    connectedAt: connection.connectedAt.toISOString(),
    needsReconnectSince: connection.needsReconnectSince?.toISOString() ?? null,
    disconnectedAt: connection.disconnectedAt?.toISOString() ?? null,
  };
}

export function createConnectionsRouter(deps: { service: ConnectionService; requireRole: RequireRole }): Router {
  const router = Router();
  const operator = deps.requireRole("operator", "admin");

  router.post(
    "/connections/cal/links",
    operator,
    express.json({ limit: "4kb" }),
    newLinkRequest,
    async (_request, response) => {
      const { body } = newLinkRequest.parsed(response);
      const principal = principalOf(response);
      const { link, url } = await deps.service.createLink({
        hostLabel: body.hostLabel ?? null,
        createdBy: principal.name,
      });
      response
        .status(201)
        .set("Cache-Control", "no-store")
        .json({ id: link.id, url, expiresAt: link.expiresAt.toISOString() });
    },
  );

  router.get("/connections/cal", operator, async (_request, response) => {
    response.json({ connections: (await deps.service.list()).map(connectionView) });
  });

  router.get("/connections/cal/:id", operator, connectionRequest, async (_request, response) => {
    const connection = await deps.service.find(connectionRequest.parsed(response).params.id);
    if (!connection) throw notFound("No such connection");
    response.json(connectionView(connection));
  });

  router.post("/connections/cal/:id/disconnect", operator, connectionRequest, async (_request, response) => {
    const { id } = connectionRequest.parsed(response).params;
    try {
      const result = await deps.service.disconnect(id, "operator");
      response.json({ id, status: "disconnected", ...result });
    } catch (error) {
      if (error instanceof ConnectionWorkflowError) {
        if (error.reason === "not_found") throw notFound("No such connection");
        throw new HttpError(
          503,
          "service_unavailable",
          "The disconnect did not finish in time; it continues in the background",
          { "Retry-After": "10" },
        );
      }
      throw error;
    }
  });
  return router;
}
