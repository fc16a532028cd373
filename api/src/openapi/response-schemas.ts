// The shapes the api answers with, for the OpenAPI document (requests use the routers' own schemas).
import { z } from 'zod';

export const errorResponseSchema = z.object({
  error: z.object({ code: z.string(), message: z.string().describe('What is wrong, for a person to act on; never personal data') }),
});
export const acceptedDeliverySchema = z.object({
  status: z.literal('accepted'),
  deliveryId: z.string().describe('SHA-256 of the event (trigger + payload); the same for redeliveries'),
  duplicate: z.boolean().describe('True when this event had already been recorded'),
});
export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  api: z.literal('up'),
  database: z.enum(['up', 'down']),
  temporal: z.enum(['up', 'down']),
});
export const managedUserTokenSchema = z.object({ accessToken: z.string(), expiresAt: z.iso.datetime() });
export const refreshedTokenSchema = z.object({ accessToken: z.string() });
export const hostSchema = z.object({
  username: z.string(),
  name: z.string(),
  church: z.object({ name: z.string() }),
  calApiUrl: z.url(),
  calClientId: z.string(),
  eventTypes: z.array(z.object({ id: z.number().int(), slug: z.string(), title: z.string(), lengthInMinutes: z.number().int(), description: z.string().nullable() })),
});
export const codecResponseSchema = z.object({ payloads: z.array(z.object({ metadata: z.record(z.string(), z.string()), data: z.string() })) });
export const sessionSchema = z.object({ name: z.string(), role: z.enum(['admin', 'operator']), expiresInSeconds: z.number().int() });
export const createdApiKeySchema = z.object({ id: z.uuid(), key: z.string().describe('Shown once; only its hash is stored') });
export const replayResultSchema = z.object({
  replayId: z.string(),
  started: z.array(z.object({ deliveryId: z.string(), workflowId: z.string() })),
  unreadable: z.array(z.string()).optional(),
  limit: z.number().int().optional(),
});
export const anyObjectSchema = z.record(z.string(), z.unknown());
