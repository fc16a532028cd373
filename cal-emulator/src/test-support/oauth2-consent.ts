// Drives the emulator's OAuth 2.0 consent page the way a person would, without a browser: open the
// authorization URL, then submit its form with Allow or Deny for one seeded account. Returns where the
// emulator redirected to, so a test can read `code`, `state` or `error` from it.
export interface ConsentRequest {
  /** The emulator's origin, e.g. running.origin. */
  origin: string;
  clientId: string;
  redirectUri: string;
  state?: string;
  scope?: string;
  codeChallenge?: string;
  codeChallengeMethod?: string;
}

export function authorizationUrl(request: ConsentRequest): string {
  const url = new URL("/auth/oauth2/authorize", request.origin);
  const params: Record<string, string | undefined> = {
    client_id: request.clientId,
    redirect_uri: request.redirectUri,
    state: request.state,
    scope: request.scope,
    code_challenge: request.codeChallenge,
    code_challenge_method: request.codeChallenge
      ? (request.codeChallengeMethod ?? "S256")
      : request.codeChallengeMethod,
  };
  for (const [key, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(key, value);
  return url.toString();
}

/** Reads the consent page's form (hidden inputs) and posts it back with the decision and account. */
export async function answerConsent(
  request: ConsentRequest,
  answer: { decision: "allow" | "deny"; accountId: number },
): Promise<URL> {
  const page = await fetch(authorizationUrl(request), { redirect: "manual" });
  const html = await page.text();
  if (page.status !== 200) throw new Error(`consent page answered ${page.status}: ${html.slice(0, 200)}`);
  const form = new URLSearchParams();
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g))
    form.set(match[1]!, decodeHtml(match[2]!));
  form.set("account", String(answer.accountId));
  form.set("decision", answer.decision);
  const response = await fetch(new URL("/auth/oauth2/authorize", request.origin), {
    method: "POST",
    body: form,
    redirect: "manual",
  });
  const location = response.headers.get("location");
  if (response.status !== 302 || !location)
    throw new Error(`consent form answered ${response.status} without a redirect`);
  return new URL(location);
}

function decodeHtml(value: string): string {
  return value.replace(
    /&(amp|lt|gt|quot|#39);/g,
    (_entity, name: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" })[name]!,
  );
}
