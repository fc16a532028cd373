// The URLs of the OAuth 2.0 connection flow, built from the api's public base URL. The api serves them
// and the worker registers them with Cal.com, so both must build them the same way.

function base(apiPublicUrl: string): string {
  return apiPublicUrl.replace(/\/+$/, "");
}

/** Registered with Cal.com as the OAuth client's redirect URI; the authorization code is bound to it. */
export function oauthCallbackUrl(apiPublicUrl: string): string {
  return `${base(apiPublicUrl)}/oauth/cal/callback`;
}

/** Where Cal.com posts one connection's webhooks: unique per connection, verified with its own secret. */
export function connectionWebhookUrl(apiPublicUrl: string, connectionId: string): string {
  return `${base(apiPublicUrl)}/webhooks/cal/connections/${encodeURIComponent(connectionId)}`;
}

/** The one-time link an operator gives a host. */
export function connectLinkUrl(apiPublicUrl: string, token: string): string {
  return `${base(apiPublicUrl)}/connect/cal/${encodeURIComponent(token)}`;
}
