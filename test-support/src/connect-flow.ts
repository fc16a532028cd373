// Drives the OAuth 2.0 connect flow over HTTP the way a host's browser does: open the operator's connect
// link, answer Cal.com's (the emulator's) consent page, follow the redirect back to our callback with
// the browser's cookie. Each step is returned, so tests can tamper with any of them.
import { answerConsent, type ConsentRequest } from "@churchhub/cal-emulator/test-support";
import { readJson, type Pipeline } from "./pipeline.js";

export interface Browser {
  cookie: string | null;
}

export async function operatorKey(pipeline: Pipeline): Promise<string> {
  return (await pipeline.apiKeys.create({ name: `operator-${Math.random().toString(36).slice(2)}`, role: "operator" }))
    .key;
}

export async function createConnectLink(
  pipeline: Pipeline,
  key: string,
  hostLabel = "Ruth (youth)",
): Promise<{ id: string; url: string; expiresAt: string }> {
  const response = await fetch(`${pipeline.baseUrl}/connections/cal/links`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify({ hostLabel }),
  });
  if (response.status !== 201) throw new Error(`link: ${response.status} ${await response.text()}`);
  return readJson(response);
}

/** Opens a connect link; returns the consent page request we were sent to and the browser's cookie. */
export async function openConnectLink(
  url: string,
  browser: Browser = { cookie: null },
): Promise<{ consent: ConsentRequest; authorizeUrl: URL; browser: Browser }> {
  const response = await fetch(url, { redirect: "manual", headers: browser.cookie ? { cookie: browser.cookie } : {} });
  if (response.status !== 302) throw new Error(`connect link: ${response.status} ${await response.text()}`);
  const setCookie = response.headers.get("set-cookie");
  const cookie = setCookie ? setCookie.split(";")[0]! : browser.cookie;
  const authorizeUrl = new URL(response.headers.get("location")!);
  const parameter = (name: string) => authorizeUrl.searchParams.get(name) ?? undefined;
  return {
    authorizeUrl,
    browser: { cookie },
    consent: {
      origin: authorizeUrl.origin,
      clientId: parameter("client_id")!,
      redirectUri: parameter("redirect_uri")!,
      state: parameter("state"),
      scope: parameter("scope"),
      codeChallenge: parameter("code_challenge"),
      codeChallengeMethod: parameter("code_challenge_method"),
    },
  };
}

export async function allow(consent: ConsentRequest, accountId: number): Promise<URL> {
  return answerConsent(consent, { decision: "allow", accountId });
}

/** Follows Cal.com's redirect to our callback as the browser (with its cookie). */
export async function callback(callbackUrl: URL | string, browser: Browser): Promise<{ status: number; html: string }> {
  const response = await fetch(callbackUrl, {
    redirect: "manual",
    headers: browser.cookie ? { cookie: browser.cookie } : {},
  });
  return { status: response.status, html: await response.text() };
}

/** The whole flow for one seeded account; resolves to the callback page. */
export async function connectAccount(
  pipeline: Pipeline,
  key: string,
  accountId: number,
): Promise<{ status: number; html: string }> {
  const link = await createConnectLink(pipeline, key);
  const opened = await openConnectLink(link.url);
  return callback(await allow(opened.consent, accountId), opened.browser);
}
