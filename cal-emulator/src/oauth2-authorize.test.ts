// Contract: the OAuth 2.0 authorization page at the emulator's origin (like app.cal.com/auth/oauth2/authorize):
// a real HTML consent form naming the client and scopes with an account select and Allow/Deny buttons;
// Allow → redirect_uri?code&state, Deny → error=access_denied; client and redirect URI problems shown on
// the page (never redirected), scope and PKCE problems redirected as invalid_request (docs oauth.mdx §2).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { answerConsent, authorizationUrl, type ConsentRequest } from "./test-support/oauth2-consent.js";
import { SANDBOX, SUNDAY_NOON, startTestEmulator, type TestEmulator } from "./test-support/start-emulator.js";

let api: TestEmulator;
let request: ConsentRequest;
beforeAll(async () => {
  api = await startTestEmulator();
});
beforeEach(() => {
  api.emulator.reset();
  api.clock.set(SUNDAY_NOON);
  request = {
    origin: api.running.origin,
    clientId: SANDBOX.oauth2Client.id,
    redirectUri: SANDBOX.oauth2Client.redirectUri,
    state: "st-4f1c",
    scope: "PROFILE_READ BOOKING_READ",
  };
});
afterAll(() => api.stop());

const open = async (overrides: Partial<ConsentRequest> = {}) => {
  const response = await fetch(authorizationUrl({ ...request, ...overrides }), { redirect: "manual" });
  return { status: response.status, headers: response.headers, html: await response.text() };
};

describe("the consent page", () => {
  it("is served at the origin (not under /v2) as HTML naming the client and what each requested scope allows", async () => {
    const page = await open();
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(page.headers.get("cache-control")).toBe("no-store");
    expect(page.html).toContain("<h1>ChurchHub Booking (sandbox) would like to access your Cal.com account</h1>");
    expect(page.html).toContain("<strong>View personal info</strong> (<code>PROFILE_READ</code>)");
    expect(page.html).toContain("<strong>View bookings</strong> (<code>BOOKING_READ</code>)");
    expect(page.html).not.toContain("BOOKING_WRITE");
    expect(page.html).not.toContain("<script");
  });

  it("has a form posting back to itself, a labelled select of the ordinary accounts only, and Allow and Deny buttons", async () => {
    const { html } = await open();
    expect(html).toContain('<form method="post" action="/auth/oauth2/authorize">');
    expect(html).toContain('<label for="account">Cal.com account</label>');
    expect(html).toMatch(/<select id="account" name="account"[^>]*>/);
    expect(html).toContain(
      `<option value="${SANDBOX.ordinaryAccount.id}">Ruth Mensah (ruth-mensah, ruth.mensah@example.net)</option>`,
    );
    expect(html).toContain(`<option value="${SANDBOX.secondOrdinaryAccount.id}">`);
    expect(html).not.toContain(`value="${SANDBOX.pastor.id}"`);
    expect(html).toContain('<button type="submit" name="decision" value="allow">Allow</button>');
    expect(html).toContain('<button type="submit" name="decision" value="deny">Deny</button>');
    expect(html).toContain(`<input type="hidden" name="redirect_uri" value="${SANDBOX.oauth2Client.redirectUri}">`);
  });

  it("escapes what the caller sent, so a hostile state cannot inject markup", async () => {
    const { html } = await open({ state: '"><script>alert(1)</script>' });
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(html).not.toContain("<script>");
  });

  it("is counted like the API routes", async () => {
    await open();
    expect(api.emulator.callCount("GET /auth/oauth2/authorize")).toBe(1);
  });
});

describe("the decision", () => {
  it("Allow redirects 302 to the redirect URI with a code and the state", async () => {
    const location = await answerConsent(request, { decision: "allow", accountId: SANDBOX.ordinaryAccount.id });
    expect(`${location.origin}${location.pathname}`).toBe(SANDBOX.oauth2Client.redirectUri);
    expect(location.searchParams.get("code")).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(location.searchParams.get("state")).toBe("st-4f1c");
  });

  it("Deny redirects with error=access_denied, a description and the state, and issues no code", async () => {
    const location = await answerConsent(request, { decision: "deny", accountId: SANDBOX.ordinaryAccount.id });
    expect(Object.fromEntries(location.searchParams)).toEqual({
      error: "access_denied",
      error_description: "The resource owner or authorization server denied the request.",
      state: "st-4f1c",
    });
    expect(api.emulator.state.authorizationCodes.size).toBe(0);
  });

  it("refuses an account that is not an ordinary seeded account (a managed user) on the page", async () => {
    const form = new URLSearchParams({
      client_id: SANDBOX.oauth2Client.id,
      redirect_uri: SANDBOX.oauth2Client.redirectUri,
      scope: "PROFILE_READ",
      account: String(SANDBOX.pastor.id),
      decision: "allow",
    });
    const response = await fetch(`${api.running.origin}/auth/oauth2/authorize`, {
      method: "POST",
      body: form,
      redirect: "manual",
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
    expect(await response.text()).toContain("Choose one of the listed Cal.com accounts.");
  });
});

describe("errors shown on the page, never redirected", () => {
  it("an unknown client", async () => {
    const page = await open({ clientId: "no-such-client" });
    expect(page.status).toBe(401);
    expect(page.headers.get("location")).toBeNull();
    expect(page.html).toContain('<p role="alert">OAuth client with ID not found</p>');
  });

  it("a redirect URI the client did not register (exact match only)", async () => {
    for (const redirectUri of ["https://attacker.example/callback", `${SANDBOX.oauth2Client.redirectUri}/extra`]) {
      const page = await open({ redirectUri });
      expect(page.status).toBe(400);
      expect(page.headers.get("location")).toBeNull();
      expect(page.html).toContain("redirect_uri does not match OAuth client&#39;s redirect URI");
    }
  });

  it("a missing scope for a scoped client", async () => {
    const page = await open({ scope: undefined });
    expect(page.status).toBe(400);
    expect(page.html).toContain("scope parameter is required for this OAuth client");
  });
});

describe("errors redirected to the client", () => {
  const redirected = async (overrides: Partial<ConsentRequest>) => {
    const page = await open(overrides);
    expect(page.status).toBe(302);
    const location = new URL(page.headers.get("location")!);
    expect(`${location.origin}${location.pathname}`).toBe(SANDBOX.oauth2Client.redirectUri);
    return Object.fromEntries(location.searchParams);
  };

  it("a scope the client did not register", async () => {
    expect(await redirected({ scope: "PROFILE_READ,PROFILE_WRITE" })).toEqual({
      error: "invalid_request",
      error_description: "Requested scope exceeds the client's registered scopes",
      state: "st-4f1c",
    });
  });

  it("a scope Cal.com does not know", async () => {
    expect(await redirected({ scope: "BOOKING_READ WEBHOOK_WRITE" })).toMatchObject({
      error: "invalid_request",
      error_description: "Requested scope is not a recognized scope",
    });
  });

  it("a public client without a PKCE challenge, and a challenge method other than S256", async () => {
    expect(await redirected({ clientId: SANDBOX.publicOAuth2Client.id, scope: "BOOKING_READ" })).toMatchObject({
      error: "invalid_request",
      error_description: "code_challenge required for public clients",
    });
    expect(await redirected({ codeChallenge: "abc", codeChallengeMethod: "plain" })).toMatchObject({
      error: "invalid_request",
      error_description: "code_challenge_method must be S256",
    });
  });
});
