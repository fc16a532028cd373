// Cal.com's OAuth 2.0 token endpoint for ordinary accounts (cal-emulator/README.md): the authorization-code
// grant and the refresh grant. Bodies are RFC 6749's, errors `{error, error_description}`.
// A confidential client proves itself with its secret, a public one with the PKCE verifier; never both:
// Cal.com picks its confidential input when `client_secret` is present and forbids any other field
// there, so a verifier beside the secret is a 400 invalid_request (cal-emulator/README.md).
import { CalApiError } from "./cal-api-error.js";
import { createCalHttp, type ErrorCodeReader } from "./cal-http.js";
import { oauth2TokenResponseSchema } from "./cal-schemas.js";

/** How the client proves itself at the token endpoint (`CAL_OAUTH2_CLIENT_TYPE`). */
export type CalOAuth2Credentials = { type: "confidential"; clientSecret: string } | { type: "public" };
export type CalOAuth2ClientType = CalOAuth2Credentials["type"];

export interface CalOAuth2ClientOptions {
  /** The API base, e.g. https://api.cal.com/v2 (the token endpoint is `<base>/auth/oauth2/token`). */
  baseUrl: string;
  clientId: string;
  credentials: CalOAuth2Credentials;
  clock: () => Date;
  timeoutMs?: number;
}

/** A public client's authorization code is bound to a PKCE challenge; a confidential one's is not (see `usesPkce`). */
export type AuthorizationCodeExchange =
  | { code: string; redirectUri: string; codeVerifier: string }
  | { code: string; redirectUri: string; codeVerifier?: undefined };

export interface OAuth2Tokens {
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresAt: Date;
  /** Cal.com does not say; its constant is 30 days (packages/features/oauth/lib/constants.ts). */
  refreshTokenExpiresAt: Date;
  scope: string;
}

const REFRESH_TOKEN_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;

/** RFC 6749 §5.2: `error` is the code (`invalid_grant`, `invalid_client`, …). */
const oauth2ErrorCode: ErrorCodeReader = (body) => {
  const code = (body as { error?: unknown } | null)?.error;
  return typeof code === "string" ? code : null;
};

export function createCalOAuth2Client(options: CalOAuth2ClientOptions) {
  const { call } = createCalHttp(options);

  async function token(operation: string, grant: Record<string, string>): Promise<OAuth2Tokens> {
    const body = await call(
      operation,
      oauth2TokenResponseSchema,
      {
        method: "POST",
        url: "/auth/oauth2/token",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        data: new URLSearchParams({
          client_id: options.clientId,
          ...(options.credentials.type === "confidential" ? { client_secret: options.credentials.clientSecret } : {}),
          ...grant,
        }).toString(),
      },
      oauth2ErrorCode,
    );
    const now = options.clock().getTime();
    return {
      accessToken: body.access_token,
      refreshToken: body.refresh_token,
      accessTokenExpiresAt: new Date(now + body.expires_in * 1000),
      refreshTokenExpiresAt: new Date(now + REFRESH_TOKEN_LIFETIME_MS),
      scope: body.scope ?? "",
    };
  }

  const usesPkce = options.credentials.type === "public";

  return {
    clientId: options.clientId,
    clientType: options.credentials.type,
    /**
     * Whether the authorize request carries a PKCE challenge. Only a public client's: Cal.com enforces
     * PKCE at the exchange for a confidential client whose code carries a challenge (OAuthService
     * verifyPKCE), yet refuses a verifier beside the secret, so a confidential client that sent a
     * challenge could never exchange its code.
     */
    usesPkce,

    exchangeAuthorizationCode(input: AuthorizationCodeExchange): Promise<OAuth2Tokens> {
      if (usesPkce && !input.codeVerifier)
        throw new CalApiError("invalid", null, "MISSING_CODE_VERIFIER", "exchange authorization code (public client)");
      return token("exchange authorization code", {
        grant_type: "authorization_code",
        code: input.code,
        redirect_uri: input.redirectUri,
        ...(usesPkce && input.codeVerifier ? { code_verifier: input.codeVerifier } : {}),
      });
    },

    /** Rotates: the refresh token given is spent, the answer carries its successor. */
    refreshTokens(refreshToken: string): Promise<OAuth2Tokens> {
      return token("refresh OAuth 2.0 token", { grant_type: "refresh_token", refresh_token: refreshToken });
    },
  };
}

export type CalOAuth2Client = ReturnType<typeof createCalOAuth2Client>;
