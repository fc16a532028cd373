// Test hooks over HTTP, under /_emulator (outside /v2, so never mistaken for Cal.com and never counted):
// for tests and tools that run the emulator in another process. Plain JSON, no Cal.com envelope.
import express, { type Router } from "express";
import { z } from "zod";
import { parseInput } from "../http/parse-input.js";
import { BOOKING_WEBHOOK_TRIGGERS } from "../webhook-payload.js";
import type { EmulatorHooks } from "../emulator-hooks.js";

const faultSchema = z.object({
  route: z.string().min(1),
  times: z.number().int().min(1),
  status: z.number().int().min(500).max(599).optional(),
});
const subscriptionSchema = z.object({
  subscriberUrl: z.url(),
  secret: z.string().optional(),
  triggers: z.array(z.enum(BOOKING_WEBHOOK_TRIGGERS)).optional(),
});
const expireSchema = z.object({ userId: z.number().int().optional(), accessToken: z.string().optional() });
const revokeSchema = z.object({ refreshToken: z.string().min(1) });
const userWebhooksQuerySchema = z.object({ userId: z.coerce.number().int().optional() });
const calendarEventsQuerySchema = z.object({ bookingUid: z.string().min(1).optional() });

export function createAdminRouter(hooks: EmulatorHooks): Router {
  const router = express.Router();
  router.post("/reset", (_request, response) => {
    hooks.reset();
    response.json({ reset: true });
  });
  router.get("/calls", (_request, response) => {
    response.json({ calls: hooks.callCounts(), routes: hooks.knownRoutes() });
  });
  router.post("/faults", (request, response) => {
    const fault = parseInput(faultSchema, request.body);
    try {
      hooks.failNext(fault.route, fault.times, fault.status);
    } catch (error) {
      // An unknown route is the caller's mistake: say which routes exist instead of a 500.
      response.status(400).json({ error: (error as Error).message });
      return;
    }
    response.status(201).json(fault);
  });
  router.get("/webhooks/deliveries", async (_request, response) => {
    response.json({ deliveries: await hooks.settleWebhooks() });
  });
  router.post("/webhooks/seed-platform-webhook", (request, response) => {
    response.status(201).json(hooks.seedPlatformWebhook(parseInput(subscriptionSchema, request.body)));
  });
  router.post("/tokens/expire", (request, response) => {
    response.json({ expired: hooks.expireAccessTokens(parseInput(expireSchema, request.body ?? {})) });
  });
  router.post("/tokens/revoke-refresh-token", (request, response) => {
    response.json({ revoked: hooks.revokeRefreshToken(parseInput(revokeSchema, request.body).refreshToken) });
  });
  router.post("/oauth2/tokens/expire", (request, response) => {
    response.json({ expired: hooks.expireOAuth2AccessTokens(parseInput(expireSchema, request.body ?? {})) });
  });
  router.post("/oauth2/tokens/revoke-refresh-token", (request, response) => {
    response.json({ revoked: hooks.revokeOAuth2RefreshToken(parseInput(revokeSchema, request.body).refreshToken) });
  });
  router.get("/calendar-events", (request, response) => {
    const { bookingUid } = parseInput(calendarEventsQuerySchema, request.query);
    response.json({ calendarEvents: hooks.calendarEvents(bookingUid) });
  });
  router.get("/event-types/:id", (request, response) => {
    const eventType = hooks.eventType(Number(request.params.id));
    if (!eventType) {
      response.status(404).json({ error: `No event type ${request.params.id}` });
      return;
    }
    response.json({ eventType });
  });
  router.get("/webhooks/user-webhooks", (request, response) => {
    response.json({ webhooks: hooks.userWebhooks(parseInput(userWebhooksQuerySchema, request.query).userId) });
  });
  router.post("/webhooks/user-webhooks/:id/ping", async (request, response) => {
    if (!hooks.userWebhooks().some((webhook) => webhook.id === request.params.id)) {
      response.status(404).json({ error: `No user webhook ${request.params.id}` });
      return;
    }
    response.json({ delivery: await hooks.pingWebhook(request.params.id) });
  });
  return router;
}
