// POST /auth/session turns an API key (Bearer) into an HttpOnly, SameSite=Strict cookie scoped to the
// codec path, so the Temporal Web UI ("include cross-origin credentials") can decode payloads for
// that person. DELETE ends it. The cookie holds the key itself; only its hash is stored server-side.
import { Router } from 'express';
import { SESSION_COOKIE, principalOf, type RequireRole } from './require-role.js';
import { bearerTokenOf } from '../http/require-bearer-token.js';

const EIGHT_HOURS = 8 * 3600;

export function createSessionRouter(deps: { requireRole: RequireRole; secureCookies: boolean }): Router {
  const router = Router();
  const attributes = `HttpOnly; SameSite=Strict; Path=/codec${deps.secureCookies ? '; Secure' : ''}`;
  router.post('/auth/session', deps.requireRole('admin', 'operator'), (request, response) => {
    const key = bearerTokenOf(request.get('authorization'));
    if (!key) {
      response.status(400).json({ error: { code: 'bad_request', message: 'Send the API key as Authorization: Bearer' } });
      return;
    }
    const principal = principalOf(response);
    response.set('Set-Cookie', `${SESSION_COOKIE}=${encodeURIComponent(key)}; Max-Age=${EIGHT_HOURS}; ${attributes}`);
    response.json({ name: principal.name, role: principal.role, expiresInSeconds: EIGHT_HOURS });
  });
  router.delete('/auth/session', (_request, response) => {
    response.set('Set-Cookie', `${SESSION_COOKIE}=; Max-Age=0; ${attributes}`).status(204).end();
  });
  return router;
}
