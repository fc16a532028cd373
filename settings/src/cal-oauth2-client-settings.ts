// The OAuth 2.0 client the settings describe, with its type resolved once: confidential when a secret is
// configured and no type is given, public otherwise. The api (authorize request) and the worker (code
// exchange, refresh) read it here, so both sides agree on whether PKCE is used.
import type { Settings } from "./settings.schema.js";

export type CalOAuth2ClientSettings = {
  clientId: string;
  scopes: string[];
  credentials: { type: "confidential"; clientSecret: string } | { type: "public" };
};

/** Absent when OAuth 2.0 connections are off. `loadSettings` has already refused contradictory settings. */
export function calOAuth2ClientSettings(settings: Settings): CalOAuth2ClientSettings | undefined {
  const clientId = settings.CAL_OAUTH2_CLIENT_ID;
  if (!clientId) return undefined;
  const secret = settings.CAL_OAUTH2_CLIENT_SECRET;
  const type = settings.CAL_OAUTH2_CLIENT_TYPE ?? (secret ? "confidential" : "public");
  return {
    clientId,
    scopes: settings.CAL_OAUTH2_SCOPES,
    credentials: type === "confidential" && secret ? { type, clientSecret: secret } : { type: "public" },
  };
}
