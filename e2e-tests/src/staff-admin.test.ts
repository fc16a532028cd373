// The administrators' screens in a real browser, against the whole stack (api, worker, Temporal, Postgres,
// the Cal.com emulator, a real SMTP server) behind the Next.js web server: invite a host (the mail
// arrives), change a role, create and revoke an API key (the api refuses it once revoked), create a
// connect link, run the reconciliation, and read the access log; axe finds nothing on any page.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { RECONCILIATION_SCHEDULE_ID } from "@churchhub/contracts";
import { freePort } from "@churchhub/local-stack";
import { deliveries, newBookingFixture } from "@churchhub/test-support/cal-deliveries";
import { startPipeline, type Pipeline } from "@churchhub/test-support/pipeline";
import { STAFF_SESSION_COOKIE } from "@churchhub/test-support/staff-sessions";
import { ensureReconciliationSchedule } from "@churchhub/worker";
import { expectNoAxeViolations } from "./support/accessibility.js";
import { launchChromium } from "./support/chromium.js";
import { buildWebAppOnce, startWebApp, type RunningWebApp } from "./support/web-app.js";

let pipeline: Pipeline;
let web: RunningWebApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let origin: string;

beforeAll(async () => {
  await buildWebAppOnce();
  const webPort = await freePort();
  origin = `http://localhost:${webPort}`;
  pipeline = await startPipeline({ calEmulator: { oauth2: true }, staff: { publicUrl: origin } });
  web = await startWebApp({ apiUrl: pipeline.baseUrl, webServerToken: pipeline.webServerToken, port: webPort });
  // A booking for the landing page (its list is access-logged), and the schedule a worker makes at start.
  const body = deliveries.created(newBookingFixture(), "2026-11-22T09:00:00.000Z");
  await pipeline.processed(await pipeline.send(body), body);
  await ensureReconciliationSchedule(pipeline.client, {
    taskQueue: pipeline.taskQueue,
    everyMinutes: 60,
    lookbackMinutes: 60,
  });
  // Signed in as an administrator (the sign-in itself is staff-passkey.test.ts's subject).
  const admin = await pipeline.staff!.signInNew("admin");
  browser = await launchChromium();
  context = await browser.newContext();
  await context.addCookies([
    {
      name: STAFF_SESSION_COOKIE,
      value: admin.cookie.slice(STAFF_SESSION_COOKIE.length + 1),
      domain: "localhost",
      path: "/",
      httpOnly: true,
      sameSite: "Lax",
    },
  ]);
  page = await context.newPage();
}, 600_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await web?.stop();
  await pipeline?.client.schedule
    .getHandle(RECONCILIATION_SCHEDULE_ID)
    .delete()
    .catch(() => undefined);
  await pipeline?.stop();
});

async function open(path: string, heading: string): Promise<void> {
  await page.goto(`${origin}${path}`);
  await page.getByRole("heading", { level: 1, name: heading }).waitFor();
  await expectNoAxeViolations(page, path);
}

async function outcomeOf(form: ReturnType<Page["locator"]>): Promise<string> {
  const outcome = form.locator('[role="status"], [role="alert"]');
  await outcome.waitFor({ timeout: 30_000 });
  return (await outcome.textContent()) ?? "";
}

it("walks the administrators' screens", async () => {
  const managed = pipeline.cal!.emulator.fixtures.managedUsers[0]!;

  // Staff: invite a host of a managed user; the invitation arrives by mail.
  await open("/staff/admin/staff", "Staff");
  const email = `pastor-${Date.now()}@example.org`;
  const invite = page.getByTestId("invite-form");
  await invite.getByLabel("Email").fill(email);
  await invite.getByLabel("Name (optional)").fill("Pastor Invited");
  await invite.getByLabel("Role").selectOption({ label: `Host: ${managed.name}` });
  await invite.getByRole("button", { name: "Send invitation" }).click();
  expect(await outcomeOf(invite)).toBe(`Invitation mailed to ${email}.`);
  const mail = await pipeline.staff!.inbox.waitForLatest(email);
  expect(mail.subject).toContain("invited");

  // Change the new person's role to administrator.
  await page.reload();
  const row = page.getByTestId(`person-${email}`);
  await expect(row.textContent()).resolves.toContain(`Host of ${managed.name}`);
  await row.getByLabel("Role of Pastor Invited").selectOption({ label: "Administrator (every booking)" });
  await row.getByRole("button", { name: "Change role" }).click();
  expect(await outcomeOf(row.locator("form").first())).toBe("Role changed.");
  await page.reload();
  await expect(page.getByTestId(`person-${email}`).textContent()).resolves.toContain("Administrator");

  // API keys: the key is shown once and works; revoked, the api refuses it.
  await open("/staff/admin/api-keys", "API keys");
  const keyForm = page.getByTestId("api-key-form");
  await keyForm.getByLabel("Name").fill("e2e backup job");
  await keyForm.getByRole("button", { name: "Create key" }).click();
  await keyForm.getByTestId("shown-once").waitFor();
  const key = await keyForm.getByTestId("shown-once").inputValue();
  expect(key).toMatch(/^chk_/);
  const withKey = () =>
    fetch(`${pipeline.baseUrl}/connections/cal`, { headers: { authorization: `Bearer ${key}` } }).then(
      (response) => response.status,
    );
  expect(await withKey()).toBe(200);
  await page.reload();
  const keyRow = page.getByTestId("api-key-e2e backup job");
  await keyRow.getByRole("button", { name: "Revoke e2e backup job" }).click();
  // The page refreshes with the key marked revoked (its button gone).
  await keyRow.getByText(/^Revoked /).waitFor({ timeout: 30_000 });
  expect(await withKey()).toBe(401);

  // Hosts: the managed user is listed; a connect link is made and opens Cal.com's consent page.
  await open("/staff/admin/hosts", "Hosts");
  await expect(page.getByTestId(`host-${managed.id}`).textContent()).resolves.toContain("Managed user");
  await page.getByLabel("Who it is for (optional)").fill("Pastor Ruth");
  await page.getByRole("button", { name: "Create connect link" }).click();
  const link = await page.getByTestId("shown-once").inputValue({ timeout: 30_000 });
  expect(link.startsWith(`${pipeline.baseUrl}/connect/cal/`)).toBe(true);
  const opened = await fetch(link, { redirect: "manual" });
  expect(opened.status).toBe(302);
  expect(opened.headers.get("location")).toContain("/auth/oauth2/authorize");

  // Reconciliation: the schedule, "run now", and the run it started.
  await open("/staff/admin/reconciliation", "Reconciliation");
  const schedule = page.getByTestId(`schedule-${RECONCILIATION_SCHEDULE_ID}`);
  await expect(schedule.textContent()).resolves.toContain("Every 60 minutes");
  await schedule.getByRole("button", { name: "Run now" }).click();
  expect(await outcomeOf(schedule)).toContain("Started");
  for (let attempt = 0; attempt < 60; attempt += 1) {
    await page.reload();
    if ((await schedule.textContent())?.includes("examined")) break;
    await page.waitForTimeout(500);
  }
  await expect(schedule.textContent()).resolves.toMatch(/completed.*examined/);
  await expectNoAxeViolations(page, "the reconciliation page with a run");

  // Access log: the landing page's list was logged; the chain verifies.
  await open("/staff", "All bookings");
  await open("/staff/admin/access-log", "Access log");
  await expect(page.getByTestId("chain-verdict").textContent()).resolves.toContain("The chain verifies");
  expect(await page.getByTestId("access-log-entry").count()).toBeGreaterThan(0);
  await expect(page.getByTestId("access-log-entry").first().textContent()).resolves.toContain("Saw it in a list");
}, 300_000);
