// POST /v2/auth/oauth2/token: Cal.com's RFC 6749 token endpoint for ordinary accounts. JSON or form body,
// client_id in the body; grant_type authorization_code or refresh_token; raw `{access_token, token_type,
// refresh_token, expires_in, scope}` with Cache-Control: no-store; errors as `{error, error_description}`.
// Sources: apps/api/v2/src/modules/auth/oauth2/controllers/oauth2.controller.ts (token, @Header no-store),
// inputs/token.input.pipe.ts (read by ./token-input.ts), services/oauth2-error.service.ts; docs api-reference/v2/oauth.mdx.
import type { ErrorRequestHandler } from "express";
import { ApiError } from "../http/api-error.js";
import type { DeclareRoute } from "../http/route-probes.js";
import { OAuth2Error } from "./oauth2-error.js";
import type { OAuth2Grants } from "./oauth2-grants.js";
import { readTokenRequest } from "./token-input.js";

export function declareOAuth2TokenRoute(declare: DeclareRoute, deps: { oauth2: OAuth2Grants }): void {
  declare("post", "/auth/oauth2/token", (request, response) => {
    // Tokens must never be cached (RFC 6749 §5.1); Cal.com sets these on the controller.
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Pragma", "no-cache");
    const input = readTokenRequest(request.body);
    const tokens =
      input.grantType === "authorization_code"
        ? deps.oauth2.exchangeCode(input)
        : deps.oauth2.refresh({
            clientId: input.clientId,
            refreshToken: input.refreshToken,
            clientSecret: input.clientSecret,
          });
    response.status(200).json(tokens);
  });
}

/** The token endpoint answers in OAuth's own error shape, injected faults included (`server_error`). */
export function oauth2TokenErrorHandler(): ErrorRequestHandler {
  return (error, _request, response, next) => {
    const oauthError =
      error instanceof OAuth2Error
        ? error
        : error instanceof ApiError && error.status >= 500
          ? new OAuth2Error(error.status, "server_error", error.message)
          : null;
    if (!oauthError) return next(error);
    response.setHeader("Cache-Control", "no-store");
    response.status(oauthError.status).json(oauthError.toBody());
  };
}
