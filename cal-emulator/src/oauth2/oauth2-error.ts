// OAuth 2.0 errors as Cal.com's token endpoint answers them: a raw RFC 6749 §5.2 body
// `{error, error_description}` (no API v2 envelope), where the description is Cal.com's `reason`.
// Sources: apps/api/v2/src/modules/auth/oauth2/services/oauth2-error.service.ts (handleTokenError),
// packages/features/oauth/services/OAuthService.ts (ErrorWithCode + reason); docs api-reference/v2/oauth.mdx §3–4.
export type OAuth2ErrorCode =
  | "invalid_request"
  | "invalid_client"
  | "invalid_grant"
  | "unsupported_grant_type"
  | "server_error";

export class OAuth2Error extends Error {
  constructor(
    readonly status: number,
    readonly error: OAuth2ErrorCode,
    readonly errorDescription: string,
  ) {
    super(`${error}: ${errorDescription}`);
    this.name = "OAuth2Error";
  }

  toBody(): { error: OAuth2ErrorCode; error_description: string } {
    return { error: this.error, error_description: this.errorDescription };
  }
}

export const invalidRequest = (description: string) => new OAuth2Error(400, "invalid_request", description);
export const invalidClient = (reason: "client_not_found" | "invalid_client_credentials") =>
  new OAuth2Error(401, "invalid_client", reason);
export const invalidGrant = (
  reason:
    | "code_invalid_or_expired"
    | "redirect_uri_mismatch"
    | "pkce_verification_failed"
    | "invalid_refresh_token"
    | "client_id_mismatch"
    | "refresh_token_already_used",
) => new OAuth2Error(400, "invalid_grant", reason);
