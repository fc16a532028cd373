// The shapes the api answers with, for the OpenAPI document (requests use the routers' own schemas).
import { z } from "zod";

export const errorResponseSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string().describe("What is wrong, for a person to act on; never personal data"),
  }),
});
export const acceptedDeliverySchema = z.object({
  status: z.literal("accepted"),
  deliveryId: z.string().describe("SHA-256 of the event (trigger + payload); the same for redeliveries"),
  duplicate: z.boolean().describe("True when this event had already been recorded"),
});
export const healthSchema = z.object({
  status: z.enum(["ok", "degraded"]),
  api: z.literal("up"),
  database: z.enum(["up", "down"]),
  temporal: z.enum(["up", "down"]),
});
export const managedUserTokenSchema = z.object({ accessToken: z.string(), expiresAt: z.iso.datetime() });
export const refreshedTokenSchema = z.object({ accessToken: z.string() });
export const hostSchema = z.object({
  username: z.string(),
  name: z.string(),
  church: z.object({ name: z.string() }),
  calApiUrl: z.url(),
  calClientId: z.string().describe("The Platform client id (calProvider platform) or the OAuth 2.0 client id (oauth2)"),
  calProvider: z
    .enum(["platform", "oauth2"])
    .describe("Which Cal Atoms provider the page uses: CalProvider or CalOAuthProvider"),
  publicName: z
    .string()
    .nullable()
    .describe("The host's current short public name: a booking page reached by any other name redirects to it"),
  eventTypes: z.array(
    z.object({
      id: z.number().int(),
      slug: z.string(),
      title: z.string(),
      lengthInMinutes: z.number().int(),
      description: z.string().nullable(),
    }),
  ),
});
export const publicHostListSchema = z.object({
  hosts: z.array(
    z.object({
      name: z.string(),
      publicName: z.string().nullable(),
      path: z.string().describe("The booking page's path on the web server"),
    }),
  ),
});
export const codecResponseSchema = z.object({
  payloads: z.array(z.object({ metadata: z.record(z.string(), z.string()), data: z.string() })),
});
export const sessionSchema = z.object({
  name: z.string(),
  role: z.enum(["admin", "operator"]),
  expiresInSeconds: z.number().int(),
});
export const createdApiKeySchema = z.object({
  id: z.uuid(),
  key: z.string().describe("Shown once; only its hash is stored"),
});
export const replayResultSchema = z.object({
  replayId: z.string(),
  started: z.array(z.object({ deliveryId: z.string(), workflowId: z.string() })),
  unreadable: z.array(z.string()).optional(),
  limit: z.number().int().optional(),
});
export const anyObjectSchema = z.record(z.string(), z.unknown());
export const connectLinkSchema = z.object({
  id: z.uuid(),
  url: z.url().describe("The one-time link to give the host; shown once"),
  expiresAt: z.iso.datetime(),
});
export const connectionSchema = z.object({
  id: z.uuid(),
  calUserId: z.number().int(),
  username: z.string(),
  status: z.enum(["connected", "needs_reconnect", "disconnected"]),
  webhookRegistered: z.boolean(),
  webhookStatus: z
    .enum(["pending", "registered", "missing_scope"])
    .describe("missing_scope: Cal.com refused our webhook for the token's scopes; bookings are polled instead"),
  connectedAt: z.iso.datetime(),
  needsReconnectSince: z.iso.datetime().nullable(),
  disconnectedAt: z.iso.datetime().nullable(),
});
export const connectionListSchema = z.object({ connections: z.array(connectionSchema) });
export const disconnectResultSchema = z.object({
  id: z.uuid(),
  status: z.literal("disconnected"),
  webhookRemoved: z.boolean(),
  webhookNote: z.string().nullable(),
});
