// POST /v2/auth/oauth2/token: Cal.com's RFC 6749 token endpoint for ordinary accounts. JSON or form body,
// client_id in the body; grant_type authorization_code or refresh_token; raw `{access_token, token_type,
// refresh_token, expires_in, scope}` with Cache-Control: no-store; errors as `{error, error_description}`.
// Sources: apps/api/v2/src/modules/auth/oauth2/controllers/oauth2.controller.ts (token, @Header no-store),
// inputs/token.input.pipe.ts (invalid_request wording), services/oauth2-error.service.ts; docs api-reference/v2/oauth.mdx.
import type { ErrorRequestHandler } from "express";
import { ApiError } from "../http/api-error.js";
import type { DeclareRoute } from "../http/route-probes.js";
import { invalidRequest, OAuth2Error } from "./oauth2-error.js";
import type { OAuth2Grants } from "./oauth2-grants.js";

type TokenRequest =
  | {
      grantType: "authorization_code";
      clientId: string;
      code: string;
      redirectUri: string;
      clientSecret?: string;
      codeVerifier?: string;
    }
  | { grantType: "refresh_token"; clientId: string; refreshToken: string; clientSecret?: string };

/** OAuth2TokenInputPipe's checks, in its order; every problem is invalid_request. */
function readTokenRequest(body: unknown): TokenRequest {
  if (!body || (typeof body === "object" && Object.keys(body).length === 0)) throw invalidRequest("Body is required");
  if (typeof body !== "object") throw invalidRequest("Body should be an object");
  const raw = body as Record<string, unknown>;
  const text = (key: string) => (typeof raw[key] === "string" && raw[key] !== "" ? (raw[key] as string) : undefined);
  const required = (key: string) => {
    const value = text(key);
    if (value === undefined) throw invalidRequest(`${key} property is wrong,${key} must be a string `);
    return value;
  };
  const clientId = text("client_id");
  if (!clientId) throw invalidRequest("client_id is required");
  const clientSecret = text("client_secret");
  if (raw.grant_type === "authorization_code") {
    const codeVerifier = text("code_verifier");
    return {
      grantType: "authorization_code",
      clientId,
      code: required("code"),
      redirectUri: required("redirect_uri"),
      clientSecret,
      codeVerifier,
    };
  }
  if (raw.grant_type === "refresh_token")
    return { grantType: "refresh_token", clientId, refreshToken: required("refresh_token"), clientSecret };
  throw invalidRequest("grant_type must be 'authorization_code' or 'refresh_token'");
}

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
