// Cal.com's rule for an OAuth 2.0 client's redirect URIs (at most 10, set when the client is created at
// app.cal.com/settings/developer/oauth; a redirect_uri must match one of them exactly), and how we add
// our callback to a client's list: the sandbox's fixture copy and the test pipeline both go through here.
export const MAX_REDIRECT_URIS = 10;

/** `redirectUris` with `uri` among them: unchanged when it is there, else `uri` last (replacing the last when full). */
export function withRedirectUri(redirectUris: readonly string[], uri: string): string[] {
  if (redirectUris.includes(uri)) return [...redirectUris];
  return [...redirectUris.slice(0, MAX_REDIRECT_URIS - 1), uri];
}
