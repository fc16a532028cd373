// Sandbox mode's side of OAuth 2.0 connections: where the api and web are reached, and the emulator's
// fixtures with our callback URL registered on its confidential OAuth 2.0 client. Cal.com matches the
// redirect URI exactly, and the fixture file lists only port 3001's, so an api on another port (or
// behind API_PUBLIC_URL) is added to a copy of the fixtures rather than hard-coded in them.
import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { parseFixtures, SANDBOX_FIXTURES_PATH, withRedirectUri, type Fixtures } from "@churchhub/cal-emulator";
import { oauthCallbackUrl } from "@churchhub/contracts";
import type { Settings } from "@churchhub/settings";

/** The public URLs the local stack gives the api: API_PUBLIC_URL / WEB_PUBLIC_URL when set, otherwise the ports it listens on. */
export function localPublicUrls(
  settings: Settings,
  env: NodeJS.ProcessEnv,
): { apiPublicUrl: string; webPublicUrl: string } {
  // A browser cannot open "any address": the listening-on-every-interface hosts become loopback.
  const host = ["0.0.0.0", "::", "[::]"].includes(settings.API_HOST) ? "127.0.0.1" : settings.API_HOST;
  return {
    apiPublicUrl: env.API_PUBLIC_URL?.trim() ? settings.API_PUBLIC_URL : `http://${host}:${settings.PORT}`,
    webPublicUrl: env.WEB_PUBLIC_URL?.trim() ? settings.WEB_PUBLIC_URL : `http://127.0.0.1:${settings.WEB_PORT}`,
  };
}

export interface SandboxOAuth2Client {
  clientId: string;
  clientSecret: string;
  /** The fixture file the emulator must load (CAL_EMULATOR_FIXTURES), or null for its default one. */
  fixturesFile: string | null;
  /** The seeded ordinary Cal.com accounts a person can connect on the consent page. */
  accountUsernames: string[];
}

/**
 * The emulator's confidential OAuth 2.0 client, with `apiPublicUrl`'s callback among its redirect URIs
 * (a copy of the fixtures is written to `dataDir` when it has to be added). Null when the fixtures have none.
 */
export async function prepareSandboxOAuth2Client(input: {
  apiPublicUrl: string;
  dataDir: string;
}): Promise<SandboxOAuth2Client | null> {
  const raw = JSON.parse(readFileSync(SANDBOX_FIXTURES_PATH, "utf8")) as {
    oauth2Clients?: Array<{ secret: string | null; redirectUris: string[] }>;
  };
  const fixtures = parseFixtures(raw, SANDBOX_FIXTURES_PATH);
  const index = fixtures.oauth2Clients.findIndex((client) => client.secret !== null);
  const client = fixtures.oauth2Clients[index];
  if (!client?.secret) return null;
  const callbackUrl = oauthCallbackUrl(input.apiPublicUrl);
  const accountUsernames = fixtures.ordinaryAccounts.map((account) => account.username);
  if (client.redirectUris.includes(callbackUrl))
    return { clientId: client.clientId, clientSecret: client.secret, fixturesFile: null, accountUsernames };

  const rawClient = raw.oauth2Clients![index]!;
  rawClient.redirectUris = withRedirectUri(rawClient.redirectUris, callbackUrl);
  const checked: Fixtures = parseFixtures(raw, "the sandbox fixtures with our redirect URI");
  const fixturesFile = path.join(input.dataDir, "cal-emulator-fixtures.json");
  await writeFile(fixturesFile, `${JSON.stringify(raw, null, 2)}\n`);
  return {
    clientId: checked.oauth2Clients[index]!.clientId,
    clientSecret: client.secret,
    fixturesFile,
    accountUsernames,
  };
}
