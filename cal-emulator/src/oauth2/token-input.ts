// Reads a POST /v2/auth/oauth2/token body the way Cal.com's OAuth2TokenInputPipe does: the presence of a
// `client_secret` key picks the confidential input class, otherwise the public one; the class is then
// validated with whitelist + forbidNonWhitelisted, so any field the class does not declare is refused.
// The confidential exchange input has no `code_verifier`: a body with both is 400 invalid_request.
// Sources: calcom/cal.com apps/api/v2/src/modules/auth/oauth2/inputs/token.input.pipe.ts (at d61c5fd),
// inputs/exchange.input.ts and inputs/refresh.input.ts (OAuth2ExchangeConfidentialInput: client_id,
// grant_type, code, redirect_uri, client_secret; OAuth2ExchangePublicInput: the same with code_verifier
// instead of client_secret; OAuth2RefreshConfidentialInput / OAuth2RefreshPublicInput likewise).
import { invalidRequest } from "./oauth2-error.js";

export type TokenRequest =
  | {
      grantType: "authorization_code";
      clientId: string;
      code: string;
      redirectUri: string;
      clientSecret?: string;
      codeVerifier?: string;
    }
  | { grantType: "refresh_token"; clientId: string; refreshToken: string; clientSecret?: string };

/** The four input classes: their declared properties, in declaration order (each is @IsString, all required). */
const INPUT_CLASSES = {
  exchangeConfidential: ["client_id", "grant_type", "code", "redirect_uri", "client_secret"],
  exchangePublic: ["client_id", "grant_type", "code", "redirect_uri", "code_verifier"],
  refreshConfidential: ["client_id", "grant_type", "refresh_token", "client_secret"],
  refreshPublic: ["client_id", "grant_type", "refresh_token"],
} as const;

/**
 * class-validator with whitelist + forbidNonWhitelisted reports undeclared properties first ("property X
 * should not exist"), then each declared property failing @IsString ("X must be a string"); the pipe joins
 * them as "<property> property is wrong,<constraints> ".
 */
function validateAgainst(raw: Record<string, unknown>, declared: readonly string[]): void {
  const problems: string[] = [];
  for (const key of Object.keys(raw))
    if (!declared.includes(key)) problems.push(`${key} property is wrong,property ${key} should not exist `);
  for (const key of declared)
    if (typeof raw[key] !== "string") problems.push(`${key} property is wrong,${key} must be a string `);
  if (problems.length > 0) throw invalidRequest(problems.join(", "));
}

export function readTokenRequest(body: unknown): TokenRequest {
  // Express gives an empty object for a missing body; Nest gives undefined: both are "Body is required".
  if (!body || (typeof body === "object" && Object.keys(body).length === 0)) throw invalidRequest("Body is required");
  if (typeof body !== "object") throw invalidRequest("Body should be an object");
  const raw = body as Record<string, unknown>;
  if (typeof raw.client_id !== "string" || raw.client_id === "") throw invalidRequest("client_id is required");
  const confidential = "client_secret" in raw;
  if (raw.grant_type === "authorization_code") {
    validateAgainst(raw, confidential ? INPUT_CLASSES.exchangeConfidential : INPUT_CLASSES.exchangePublic);
    return {
      grantType: "authorization_code",
      clientId: raw.client_id,
      code: raw.code as string,
      redirectUri: raw.redirect_uri as string,
      ...(confidential ? { clientSecret: raw.client_secret as string } : { codeVerifier: raw.code_verifier as string }),
    };
  }
  if (raw.grant_type === "refresh_token") {
    validateAgainst(raw, confidential ? INPUT_CLASSES.refreshConfidential : INPUT_CLASSES.refreshPublic);
    return {
      grantType: "refresh_token",
      clientId: raw.client_id,
      refreshToken: raw.refresh_token as string,
      ...(confidential ? { clientSecret: raw.client_secret as string } : {}),
    };
  }
  throw invalidRequest("grant_type must be 'authorization_code' or 'refresh_token'");
}
