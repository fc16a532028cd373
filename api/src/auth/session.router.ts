// Signing in for the Temporal Web UI's codec: POST /auth/session with an API key (as Bearer, or from
// the small form at GET /auth/session) sets an HttpOnly, SameSite=Strict cookie scoped to /codec, so
// the UI ("include cross-origin credentials") can decode payloads for that person. DELETE ends it.
// The cookie holds the key itself; only its hash is stored server-side.
import express, { Router } from "express";
import { z } from "zod";
import type { Authenticator } from "./require-role.js";
import { SESSION_COOKIE } from "./require-role.js";
import { bearerTokenOf } from "../http/require-bearer-token.js";
import { unauthorized } from "../http/http-errors.js";
import { validateRequest } from "../http/validate-request.js";

const EIGHT_HOURS = 8 * 3600;

// The sign-in form's one field. No form, or a key that is not one text, is no key: 401, as a wrong key.
const sessionRequest = validateRequest({
  body: z
    .object({ key: z.string().trim().optional().catch(undefined) })
    .optional()
    .catch(undefined),
});

const page = (body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>ChurchHub operator sign-in</title></head><body style="font-family:system-ui;max-width:32rem;margin:3rem auto">${body}</body></html>`;

export function createSessionRouter(deps: { authenticator: Authenticator; secureCookies: boolean }): Router {
  const router = Router();
  const attributes = `HttpOnly; SameSite=Strict; Path=/codec${deps.secureCookies ? "; Secure" : ""}`;

  router.get("/auth/session", (_request, response) => {
    response.type("html").send(
      page(`<h1>Sign in to decode Temporal payloads</h1>
        <form method="post" action="/auth/session">
          <label for="key">Your API key (admin to decode, operator to encode)</label><br>
          <input id="key" name="key" type="password" autocomplete="off" required style="width:100%"><br><br>
          <button type="submit">Sign in</button>
        </form>`),
    );
  });

  router.post(
    "/auth/session",
    express.urlencoded({ extended: false, limit: "2kb" }),
    sessionRequest,
    async (request, response) => {
      const fromForm = sessionRequest.parsed(response).body?.key ?? null;
      const key = bearerTokenOf(request.get("authorization")) ?? fromForm;
      const principal = key ? await deps.authenticator.authenticate(key) : null;
      if (!key || !principal) throw unauthorized();
      response
        .set("Set-Cookie", `${SESSION_COOKIE}=${encodeURIComponent(key)}; Max-Age=${EIGHT_HOURS}; ${attributes}`)
        .set("Cache-Control", "no-store");
      if (fromForm) {
        response.type("html").send(
          page(`<h1>Signed in as ${principal.role}</h1><p>In the Temporal Web UI, open <em>Configure data encoder</em> and turn on
          <em>Include cross-origin credentials</em>. The session lasts eight hours.</p>`),
        );
        return;
      }
      response.json({ name: principal.name, role: principal.role, expiresInSeconds: EIGHT_HOURS });
    },
  );

  router.delete("/auth/session", (_request, response) => {
    response.set("Set-Cookie", `${SESSION_COOKIE}=; Max-Age=0; ${attributes}`).status(204).end();
  });
  return router;
}
