// The checks Cal.com makes on an authorization request, in its order. Problems before the client and its
// redirect URI are trusted are shown on the page (never redirected, so an attacker cannot bounce errors to
// an arbitrary URL); later ones are redirected to the redirect URI with `error`, `error_description`, `state`.
// Sources: docs api-reference/v2/oauth.mdx §2 "Error Handling"; packages/features/oauth/services/OAuthService.ts
// (getClientForAuthorization, generateAuthorizationCode, OAUTH_ERROR_REASONS); packages/features/oauth/constants.ts.
import type { EmulatorState, OAuth2Client } from "../state.js";
import {
  isLegacyClient,
  knownScopes,
  parseScopeParam,
  SCOPE_EXCEEDS_CLIENT_REGISTRATION_ERROR,
  SCOPE_NOT_RECOGNIZED_ERROR,
  SCOPE_REQUIRED_ERROR,
} from "./oauth2-scopes.js";

/** The query (GET) or form (POST) parameters of /auth/oauth2/authorize. */
export interface AuthorizeParams {
  client_id?: string;
  redirect_uri?: string;
  state?: string;
  scope?: string;
  code_challenge?: string;
  code_challenge_method?: string;
}

export interface AuthorizeRequest {
  client: OAuth2Client;
  redirectUri: string;
  state?: string;
  scopes: string[];
  codeChallenge?: string;
  codeChallengeMethod?: string;
}

export type AuthorizeCheck =
  | { outcome: "show-error"; status: number; message: string }
  | { outcome: "redirect-error"; location: string }
  | { outcome: "ok"; request: AuthorizeRequest };

const PARAM_NAMES = ["client_id", "redirect_uri", "state", "scope", "code_challenge", "code_challenge_method"] as const;

/** Only single string values count; a repeated parameter is treated as absent rather than guessed at. */
export function readAuthorizeParams(source: unknown): AuthorizeParams {
  const record = (source ?? {}) as Record<string, unknown>;
  const params: AuthorizeParams = {};
  for (const name of PARAM_NAMES)
    if (typeof record[name] === "string" && record[name] !== "") params[name] = record[name] as string;
  return params;
}

/** OAuthService.buildRedirectUrl: parameters set on the registered URI, undefined ones left out. */
export function redirectUrl(redirectUri: string, params: Record<string, string | undefined>): string {
  const url = new URL(redirectUri);
  for (const [key, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(key, value);
  return url.toString();
}

export function checkAuthorizeRequest(params: AuthorizeParams, state: EmulatorState): AuthorizeCheck {
  const client = params.client_id ? state.oauth2Clients.get(params.client_id) : undefined;
  if (!client) return { outcome: "show-error", status: 401, message: "OAuth client with ID not found" };
  if (client.status !== "APPROVED")
    return { outcome: "show-error", status: 403, message: "OAuth client is not approved" };
  // Exact match against a registered URI, as the docs require; anything else is never redirected to.
  const redirectUri = params.redirect_uri;
  if (!redirectUri || !client.redirectUris.includes(redirectUri)) {
    return { outcome: "show-error", status: 400, message: "redirect_uri does not match OAuth client's redirect URI" };
  }

  const scopes = parseScopeParam(params.scope);
  const legacy = isLegacyClient(client.scopes);
  const fail = (description: string): AuthorizeCheck => ({
    outcome: "redirect-error",
    location: redirectUrl(redirectUri, {
      error: "invalid_request",
      error_description: description,
      state: params.state,
    }),
  });
  if (!legacy && scopes.length === 0) return { outcome: "show-error", status: 400, message: SCOPE_REQUIRED_ERROR };
  const recognised = knownScopes(state.webhookScopeReading);
  if (scopes.some((scope) => !recognised.includes(scope))) return fail(SCOPE_NOT_RECOGNIZED_ERROR);
  if (!legacy && scopes.some((scope) => !client.scopes.includes(scope)))
    return fail(SCOPE_EXCEEDS_CLIENT_REGISTRATION_ERROR);

  if (client.clientType === "PUBLIC" && !params.code_challenge)
    return fail("code_challenge required for public clients");
  if (params.code_challenge && params.code_challenge_method !== "S256")
    return fail("code_challenge_method must be S256");

  return {
    outcome: "ok",
    request: {
      client,
      redirectUri,
      state: params.state,
      scopes,
      codeChallenge: params.code_challenge,
      codeChallengeMethod: params.code_challenge ? params.code_challenge_method : undefined,
    },
  };
}
