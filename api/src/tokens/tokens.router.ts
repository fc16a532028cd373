// POST /tokens/cal/managed-user (our web server only) and GET /tokens/cal/refresh (the `refreshUrl`
// Cal Atoms call with the expired token as Bearer; answers {accessToken} as Cal.com documents).
import { Router, type RequestHandler } from "express";
import express from "express";
import { z } from "zod";
import type { Logger } from "@churchhub/logging";
import { HttpError, notFound, unauthorized } from "../http/http-errors.js";
import { validateRequest } from "../http/validate-request.js";
import { bearerTokenOf } from "../http/require-bearer-token.js";
import type { ApiMetrics } from "../metrics/api-metrics.js";
import { TokenUnavailableError, type ManagedUserTokenService } from "./managed-user-token-service.js";

export const managedUserTokenRequestSchema = z.strictObject({
  username: z
    .string({ error: "is required (a string)" })
    .min(1, "must not be empty")
    .max(200, "must be at most 200 characters")
    // Found by the fuzzers: a username with U+0000 reached the token store's query (Postgres text
    // cannot hold NUL) and answered 500. No Cal.com username has one.
    .refine((username) => !username.includes("\u0000"), "must not contain the NUL character (U+0000)"),
});

const managedUserTokenRequest = validateRequest({ body: managedUserTokenRequestSchema });

// Before the body is validated: another media type is a 415, not a "username is required".
const requireJsonBody: RequestHandler = (request, _response, next) => {
  if (!request.is("application/json"))
    throw new HttpError(415, "unsupported_media_type", "Content-Type must be application/json");
  next();
};

export interface TokensRouterDependencies {
  tokenService: ManagedUserTokenService;
  requireWebServer: RequestHandler;
  logger: Logger;
  metrics: ApiMetrics;
}

function toHttpError(error: unknown): unknown {
  if (!(error instanceof TokenUnavailableError)) return error;
  switch (error.reason) {
    case "unknown_user":
      return notFound("No managed user with that username exists for this OAuth client");
    case "cal_rejected":
      return new HttpError(502, "cal_rejected", "Cal.com refused the request");
    case "cal_unavailable":
      return new HttpError(503, "cal_unavailable", "Cal.com is unavailable; retry later", { "Retry-After": "10" });
  }
}

export function createTokensRouter(deps: TokensRouterDependencies): Router {
  const router = Router();
  // Not inflated: a compressed body is refused with 415, as on the webhook receiver.
  const json = express.json({ limit: "4kb", strict: true, inflate: false });

  router.post(
    "/tokens/cal/managed-user",
    deps.requireWebServer,
    json,
    requireJsonBody,
    managedUserTokenRequest,
    async (_request, response) => {
      try {
        const token = await deps.tokenService.tokenFor(managedUserTokenRequest.parsed(response).body.username);
        deps.metrics.token(token.source);
        deps.logger.info({ source: token.source }, "managed-user token served");
        response.set("Cache-Control", "no-store").json({ accessToken: token.accessToken, expiresAt: token.expiresAt });
      } catch (error) {
        throw toHttpError(error);
      }
    },
  );

  router.get("/tokens/cal/refresh", async (request, response) => {
    const presented = bearerTokenOf(request.get("authorization"));
    if (!presented) throw unauthorized();
    try {
      const token = await deps.tokenService.replaceRefusedToken(presented);
      if (!token) throw unauthorized();
      response.set("Cache-Control", "no-store").json({ accessToken: token.accessToken });
    } catch (error) {
      throw toHttpError(error);
    }
  });
  return router;
}
