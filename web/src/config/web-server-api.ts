// The web server's calls to the api's endpoints for it alone (questionnaires, private bookings): its own
// bearer token (WEB_SERVER_TOKEN), JSON, never cached, bounded in time. `forwardedFor` names the visitor
// (web/server.mjs has already made X-Forwarded-For the connecting address) where the api limits per client.
import "server-only";
import { webSettings } from "./web-settings";

export async function callWebServerApi(
  path: string,
  init: { method?: string; body?: unknown; forwardedFor?: string | null } = {},
): Promise<Response> {
  const settings = webSettings();
  return fetch(`${settings.API_URL}${path}`, {
    method: init.method ?? "GET",
    headers: {
      accept: "application/json",
      authorization: `Bearer ${settings.WEB_SERVER_TOKEN}`,
      ...(init.body === undefined ? {} : { "content-type": "application/json" }),
      ...(init.forwardedFor ? { "x-forwarded-for": init.forwardedFor } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    cache: "no-store",
    signal: AbortSignal.timeout(10_000),
  });
}
