// POST /admin/replay (operator or admin): re-drive one audited event ({deliveryId}) or every event in
// a time range ({from, to}, at most MAX_REPLAY_EVENTS per request). Answers 202 with the workflow ids.
import express, { Router } from "express";
import { z } from "zod";
import { principalOf, type RequireRole } from "../auth/require-role.js";
import { notFound } from "../http/http-errors.js";
import { validateRequest } from "../http/validate-request.js";
import { MAX_REPLAY_EVENTS, type ReplayService } from "./replay-service.js";

export const replayRequestSchema = z.union([
  z.strictObject({ deliveryId: z.string().regex(/^[0-9a-f]{64}$/, "must be a delivery id (64 hex characters)") }),
  z
    .strictObject({ from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) })
    .refine((range) => Date.parse(range.from) < Date.parse(range.to), {
      message: "from must be before to",
      path: ["to"],
    }),
]);

const replayRequest = validateRequest({ body: replayRequestSchema });

export function createReplayRouter(deps: { replay: ReplayService; requireRole: RequireRole }): Router {
  const router = Router();
  router.post(
    "/operations/replay",
    deps.requireRole("operator", "admin"),
    express.json({ limit: "2kb" }),
    replayRequest,
    async (_request, response) => {
      const { body } = replayRequest.parsed(response);
      const requestedBy = principalOf(response).name;
      if ("deliveryId" in body) {
        const result = await deps.replay.replayDelivery(body.deliveryId, requestedBy);
        if (!result) throw notFound("No audited event with that delivery id");
        response.status(202).json(result);
        return;
      }
      const result = await deps.replay.replayRange(new Date(body.from), new Date(body.to), requestedBy);
      response.status(202).json({ ...result, limit: MAX_REPLAY_EVENTS });
    },
  );
  return router;
}
