// The staff sign-in in a real browser: the invitation arrives in the local mail server's inbox, its link
// signs the person in through the web server, they register a passkey (Chromium's virtual authenticator
// over CDP), sign out, and sign in again with the passkey alone.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { inviteStaff } from "@churchhub/api";
import { freePort, linkIn } from "@churchhub/local-stack";
import { startStaffHarness, type StaffHarness } from "@churchhub/test-support/staff-harness";
import { launchChromium } from "./support/chromium.js";
import { buildWebAppOnce, startWebApp, type RunningWebApp } from "./support/web-app.js";

let harness: StaffHarness;
let web: RunningWebApp;
let browser: Browser;

beforeAll(async () => {
  await buildWebAppOnce();
  const webPort = await freePort();
  // localhost, not 127.0.0.1: WebAuthn refuses IP addresses as relying-party ids.
  harness = await startStaffHarness({ publicUrl: `http://localhost:${webPort}`, signInAttemptsPerMinute: 50 });
  web = await startWebApp({
    apiUrl: harness.apiUrl,
    webServerToken: "e2e-web-server-token-of-32-characters!",
    port: webPort,
  });
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await web?.stop();
  await harness?.stop();
});

it("invitation mail → sign in → register a passkey → sign out → sign in with the passkey", async () => {
  const email = `pastor-${Date.now()}@example.org`;
  await inviteStaff(
    { auth: harness.area.auth, links: harness.area.links, pool: harness.area.pool },
    { email, role: "host", calUserId: 95_001, name: "Pastor Passkey" },
  );
  const mail = await harness.inbox.waitForLatest(email);
  const link = linkIn(mail, "/staff/auth/magic-link/verify");
  expect(link.startsWith(harness.origin)).toBe(true);

  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });

  await page.goto(link);
  await page.waitForURL(`${harness.origin}/staff`);
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Your bookings");
  expect(await page.getByTestId("staff-person").textContent()).toContain("Pastor Passkey");

  await page.getByRole("button", { name: "Register a passkey" }).click();
  await page.getByText("Passkey saved").waitFor({ timeout: 20_000 });
  const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
  expect(credentials).toHaveLength(1);
  const stored = await harness.pool.query("SELECT count(*)::int AS n FROM staff_passkeys");
  expect(stored.rows[0].n).toBe(1);

  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(`${harness.origin}/staff/sign-in`);
  await page.goto(`${harness.origin}/staff`);
  await page.waitForURL(`${harness.origin}/staff/sign-in`);

  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await page.waitForURL(`${harness.origin}/staff`, { timeout: 20_000 });
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Your bookings");
  await context.close();
}, 180_000);
