// Admin endpoints: read a booking back decrypted (with its audit trail), find bookings by attendee
// email through the blind index, and manage API keys. Every one needs the admin role.
import express, { Router } from "express";
import { z } from "zod";
import { ROLES, type ApiKeyStore, type BookingReader } from "@churchhub/database";
import { notFound } from "../http/http-errors.js";
import { validateRequest } from "../http/validate-request.js";
import type { RequireRole } from "../auth/require-role.js";
import { MAX_KEY_LENGTH } from "../webhooks/cal-webhook.schema.js";

// Found by the fuzzer (fuzz-tests/): GET /admin/bookings/%00 reached Postgres, which cannot take U+0000
// in text, and answered 500. A uid is what the webhook accepts as one.
export const bookingUidSchema = z
  .string()
  .min(1, "must not be empty")
  .max(MAX_KEY_LENGTH, `must be at most ${MAX_KEY_LENGTH} characters`)
  .refine((uid) => !uid.includes("\u0000"), "must not contain the NUL character (U+0000)");

export const newApiKeySchema = z.strictObject({
  // Found by schemathesis: a name with U+0000 reached Postgres (text cannot hold NUL) and answered 500.
  name: z
    .string()
    .min(1)
    .max(120)
    .refine((name) => !name.includes("\u0000"), "must not contain the NUL character (U+0000)"),
  role: z.enum(ROLES as unknown as [string, ...string[]]),
});

const apiKeyIdSchema = z.uuid({ error: "must be a UUID" });
// RFC 5321's limits too (a local part of at most 64 characters, 254 in all): zod's pattern alone lets
// longer ones through, which JSON Schema's "email" format refuses.
export const attendeeEmailSchema = z
  .email({ error: "must be an email address" })
  .max(254, "must be an email address of at most 254 characters")
  .refine(
    (email) => email.slice(0, email.lastIndexOf("@")).length <= 64,
    "must have a local part of at most 64 characters",
  );

export const bookingParamsSchema = z.object({ uid: bookingUidSchema });
export const bookingSearchSchema = z.object({ attendeeEmail: attendeeEmailSchema });
export const apiKeyParamsSchema = z.object({ id: apiKeyIdSchema });

const bookingRequest = validateRequest({ params: bookingParamsSchema });
const bookingSearch = validateRequest({ query: bookingSearchSchema });
const newApiKeyRequest = validateRequest({ body: newApiKeySchema });
const apiKeyRequest = validateRequest({ params: apiKeyParamsSchema });

export function createAdminRouter(deps: {
  reader: BookingReader;
  apiKeys: ApiKeyStore;
  requireRole: RequireRole;
}): Router {
  const router = Router();
  router.use("/admin", deps.requireRole("admin"), (_request, response, next) => {
    response.set("Cache-Control", "no-store");
    next();
  });

  router.get("/admin/bookings/:uid", bookingRequest, async (_request, response) => {
    const booking = await deps.reader.findByUid(bookingRequest.parsed(response).params.uid);
    if (!booking) throw notFound("No booking with that uid");
    response.json({ booking, auditTrail: await deps.reader.auditTrail(booking.uid) });
  });

  router.get("/admin/bookings", bookingSearch, async (_request, response) => {
    const { attendeeEmail } = bookingSearch.parsed(response).query;
    response.json({ bookings: await deps.reader.findByAttendeeEmail(attendeeEmail) });
  });

  router.get("/admin/api-keys", async (_request, response) => {
    response.json({ apiKeys: await deps.apiKeys.list() });
  });

  router.post("/admin/api-keys", express.json({ limit: "4kb" }), newApiKeyRequest, async (_request, response) => {
    const { body } = newApiKeyRequest.parsed(response);
    const created = await deps.apiKeys.create({ name: body.name, role: body.role as (typeof ROLES)[number] });
    response.status(201).json(created);
  });

  router.delete("/admin/api-keys/:id", apiKeyRequest, async (_request, response) => {
    if (!(await deps.apiKeys.revoke(apiKeyRequest.parsed(response).params.id)))
      throw notFound("No active key with that id");
    response.status(204).end();
  });
  return router;
}
