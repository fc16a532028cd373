// Cal.com's OAuth 2.0 token endpoint for ordinary accounts (calcom.md §4): the authorization-code
// grant (with PKCE) and the refresh grant. Bodies are RFC 6749's, errors `{error, error_description}`.
import { createCalHttp, type ErrorCodeReader } from "./cal-http.js";
import { oauth2TokenResponseSchema } from "./cal-schemas.js";

interface CalOAuth2ClientOptions {
  /** The API base, e.g. https://api.cal.com/v2 (the token endpoint is `<base>/auth/oauth2/token`). */
  baseUrl: string;
  clientId: string;
  /** Absent for a public client: PKCE alone proves it. */
  clientSecret?: string;
  clock: () => Date;
  timeoutMs?: number;
}

interface OAuth2Tokens {
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
          ...(options.clientSecret ? { client_secret: options.clientSecret } : {}),
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

  return {
    clientId: options.clientId,

    exchangeAuthorizationCode(input: {
      code: string;
      redirectUri: string;
      codeVerifier: string;
    }): Promise<OAuth2Tokens> {
      return token("exchange authorization code", {
        grant_type: "authorization_code",
        code: input.code,
        redirect_uri: input.redirectUri,
        code_verifier: input.codeVerifier,
      });
    },

    /** Rotates: the refresh token given is spent, the answer carries its successor. */
    refreshTokens(refreshToken: string): Promise<OAuth2Tokens> {
      return token("refresh OAuth 2.0 token", { grant_type: "refresh_token", refresh_token: refreshToken });
    },
  };
}

export type CalOAuth2Client = ReturnType<typeof createCalOAuth2Client>;
