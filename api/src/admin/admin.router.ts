// Admin endpoints: read a booking back decrypted (with its audit trail), find bookings by attendee
// email through the blind index, and manage API keys. Every one needs the admin role.
import express, { Router } from 'express';
import { z } from 'zod';
import { ROLES, type ApiKeyStore, type BookingReader } from '@churchhub/database';
import { badRequest, notFound } from '../http/http-errors.js';
import type { RequireRole } from '../auth/require-role.js';

export const newApiKeySchema = z.strictObject({ name: z.string().min(1).max(120), role: z.enum(ROLES as unknown as [string, ...string[]]) });

export function createAdminRouter(deps: { reader: BookingReader; apiKeys: ApiKeyStore; requireRole: RequireRole }): Router {
  const router = Router();
  router.use('/admin', deps.requireRole('admin'), (_request, response, next) => {
    response.set('Cache-Control', 'no-store');
    next();
  });

  router.get('/admin/bookings/:uid', async (request, response) => {
    const booking = await deps.reader.findByUid(String(request.params.uid));
    if (!booking) throw notFound('No booking with that uid');
    response.json({ booking, auditTrail: await deps.reader.auditTrail(booking.uid) });
  });

  router.get('/admin/bookings', async (request, response) => {
    const email = z.email().safeParse(request.query.attendeeEmail);
    if (!email.success) throw badRequest('attendeeEmail: must be an email address');
    response.json({ bookings: await deps.reader.findByAttendeeEmail(email.data) });
  });

  router.get('/admin/api-keys', async (_request, response) => {
    response.json({ apiKeys: await deps.apiKeys.list() });
  });

  router.post('/admin/api-keys', express.json({ limit: '4kb' }), async (request, response) => {
    const body = newApiKeySchema.safeParse(request.body);
    if (!body.success) throw badRequest(body.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; '));
    const created = await deps.apiKeys.create({ name: body.data.name, role: body.data.role as (typeof ROLES)[number] });
    response.status(201).json(created);
  });

  router.delete('/admin/api-keys/:id', async (request, response) => {
    const id = z.uuid().safeParse(request.params.id);
    if (!id.success) throw badRequest('id: must be a UUID');
    if (!(await deps.apiKeys.revoke(id.data))) throw notFound('No active key with that id');
    response.status(204).end();
  });
  return router;
}
