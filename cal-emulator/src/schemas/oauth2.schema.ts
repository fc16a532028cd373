// OAuth 2.0 for ordinary accounts: the token endpoint's raw RFC 6749 bodies (no API v2 envelope), and the
// client check CalOAuthProvider makes (inside the envelope).
// Sources: docs api-reference/v2/oauth.mdx §3–4; apps/api/v2/src/modules/auth/oauth2/outputs/oauth2-tokens.output.ts,
// filters/oauth2-http-exception.filter.ts, controllers/atoms-oauth2.controller.ts.
import { z } from "zod";

export const oauth2TokenResponseSchema = z.strictObject({
  access_token: z.string().min(1),
  token_type: z.literal("bearer"),
  refresh_token: z.string().min(1),
  expires_in: z.literal(1800),
  /** Granted scopes, space-separated. */
  scope: z.string(),
});

export const oauth2ErrorSchema = z.strictObject({
  error: z.enum(["invalid_request", "invalid_client", "invalid_grant", "unsupported_grant_type", "server_error"]),
  error_description: z.string().min(1),
});

export type OAuth2TokenResponseBody = z.infer<typeof oauth2TokenResponseSchema>;

/** `GET /v2/atoms/auth/oauth2/clients/{clientId}`'s data: ordinary accounts belong to no organization. */
export const atomsOAuth2ClientSchema = z.strictObject({
  clientId: z.string().min(1),
  organizationId: z.null(),
});
