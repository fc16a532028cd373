// Secure notes on a booking's staff page in a real browser: a host writes a note, opens it (a logged
// read), saves a second version and deletes it for good; an administrator on the same page sees that a
// note exists and never its text.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { inviteStaff, type StaffRole } from "@churchhub/api";
import { freePort, linkIn } from "@churchhub/local-stack";
import { startStaffHarness, type StaffHarness } from "@churchhub/test-support/staff-harness";
import { launchChromium } from "./support/chromium.js";
import { buildWebAppOnce, startWebApp, type RunningWebApp } from "./support/web-app.js";

const HOST = 96_001;
let harness: StaffHarness;
let web: RunningWebApp;
let browser: Browser;
let bookingUid: string;

beforeAll(async () => {
  await buildWebAppOnce();
  const webPort = await freePort();
  harness = await startStaffHarness({ publicUrl: `http://localhost:${webPort}`, signInAttemptsPerMinute: 50 });
  web = await startWebApp({
    apiUrl: harness.apiUrl,
    webServerToken: "e2e-web-server-token-of-32-characters!",
    port: webPort,
  });
  browser = await launchChromium();
  bookingUid = await harness.seedBooking({
    calUserId: HOST,
    attendeeName: "Naomi Notes",
    attendeeEmail: "naomi@example.net",
  });
}, 600_000);

afterAll(async () => {
  const violations = harness?.contractViolations ?? [];
  await browser?.close();
  await web?.stop();
  await harness?.stop();
  expect(violations).toEqual([]);
});

/** Signs a new staff member in through their invitation link, in a browser page of their own. */
async function signedInPage(role: StaffRole): Promise<Page> {
  const email = `${role}-${randomUUID().slice(0, 8)}@example.org`;
  await inviteStaff(
    { auth: harness.area.auth, links: harness.area.links, pool: harness.area.pool },
    { email, role, ...(role === "host" ? { calUserId: HOST } : {}), name: `Notes ${role}` },
  );
  const page = await (await browser.newContext()).newPage();
  await page.goto(linkIn(await harness.inbox.waitForLatest(email), "/staff/auth/magic-link/verify"));
  await page.waitForURL(`${harness.origin}/staff`);
  return page;
}

const noteReads = async () =>
  (
    await harness.pool.query(
      "SELECT count(*)::int AS n FROM staff_access_log WHERE action = 'note.read' AND booking_uid = $1",
      [bookingUid],
    )
  ).rows[0].n as number;

it("host writes, reads, revises and deletes a note; an administrator sees only that it exists", async () => {
  const canary = `e2e-note-${randomUUID()}`;
  const host = await signedInPage("host");
  await host.goto(`${harness.origin}/staff/bookings/${bookingUid}`);
  const notes = host.getByTestId("secure-notes");
  await notes.getByLabel("New note").fill(`First: ${canary}`);
  await notes.getByRole("button", { name: "Save note" }).click();
  await notes.getByTestId("secure-notes-list").getByText("Your note").waitFor();
  // Written, not yet read: the text is shown only when its author opens it.
  expect(await notes.textContent()).not.toContain(canary);
  expect(await noteReads()).toBe(0);

  // A version's text (the new-version field below it starts with the same text).
  const version = (text: string) => notes.getByTestId("open-note-text").locator("p", { hasText: text });
  await notes.getByTestId("open-note").click();
  await version(`First: ${canary}`).waitFor();
  expect(await noteReads()).toBe(1);
  await notes.getByLabel("New version").fill(`Second: ${canary}`);
  await notes.getByRole("button", { name: "Save as a new version" }).click();
  await version(`Second: ${canary}`).waitFor();
  expect(await version(`First: ${canary}`).count()).toBe(1);

  const admin = await signedInPage("admin");
  await admin.goto(`${harness.origin}/staff/bookings/${bookingUid}`);
  const adminNotes = admin.getByTestId("secure-notes");
  await adminNotes.getByText("A colleague's note").waitFor();
  expect(await adminNotes.textContent()).not.toContain(canary);
  expect(await adminNotes.getByTestId("open-note").count()).toBe(0);
  expect(await adminNotes.getByTestId("write-note").count()).toBe(0);

  await notes.getByLabel("I understand it cannot be recovered").check();
  await notes.getByTestId("delete-note").click();
  await host.getByTestId("secure-notes-message").getByText("deleted for good").waitFor();
  expect(await notes.getByTestId("secure-notes-list").textContent()).toContain("deleted (deleted)");
  const { rows } = await harness.pool.query("SELECT count(*)::int AS n FROM secure_note_versions");
  expect(rows[0].n).toBe(0);
}, 180_000);
