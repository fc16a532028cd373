// The staff area's booking screens in a real browser, on the whole stack: visitors book two hosts through
// the public Booker (emulator webhooks → api → Temporal → Postgres); a host sees their own booking and not
// the other's (list and direct URL), an administrator sees both and filters them, the pages pass axe and
// work by keyboard, a change without the CSRF token is refused, deactivation ends an open session, and
// every view is in the hash-chained access log. Screenshots (1280 and 390 px) go to /tmp/staff-ui-shots.
import { randomUUID } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { inviteStaff, type StaffArea } from "@churchhub/api";
import { freePort, linkIn, type MailInbox } from "@churchhub/local-stack";
import { startPipeline, type Pipeline } from "@churchhub/test-support/pipeline";
import { createScratchDatabase } from "@churchhub/test-support/scratch-database";
import { waitUntil } from "@churchhub/test-support/wait-until";
import { expectNoAxeViolations } from "./support/accessibility.js";
import { bookFirstSlot, openBookingPage } from "./support/booker-page.js";
import { STACK_START_TIMEOUT_MS } from "./support/booking-stack.js";
import { launchChromium } from "./support/chromium.js";
import { buildWebAppOnce, startWebApp, type RunningWebApp } from "./support/web-app.js";

const SHOTS = "/tmp/staff-ui-shots";
const TEMPORAL_UI = "http://temporal-ui.test";
const VIEWER_ZONE = "America/New_York";
const stamp = Date.now();
const visitorA = { name: "Ruth Visitor", email: `ruth.visitor+${stamp}@example.org` };
const visitorB = { name: "Boaz Visitor", email: `boaz.visitor+${stamp}@example.org` };

interface SignedIn {
  userId: string;
  context: BrowserContext;
  page: Page;
}

let scratch: { url: string; drop(): Promise<void> };
let pipeline: Pipeline;
let area: StaffArea;
let inbox: MailInbox;
let web: RunningWebApp;
let browser: Browser;
let origin: string;
let hostA: { username: string; id: number };
let hostB: { username: string; id: number };
let uidA: string;
let uidB: string;
let host: SignedIn;
let admin: SignedIn;

async function bookAsVisitor(username: string, visitor: { name: string; email: string }): Promise<string> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await openBookingPage(page, `${web.url}/book/${username}`);
    await bookFirstSlot(page, visitor);
  } finally {
    await context.close();
  }
  return waitUntil(`${visitor.name}'s booking processed`, async () => {
    const [booking] = await pipeline.reader.findByAttendeeEmail(visitor.email);
    if (!booking) return null;
    return (await pipeline.reader.auditTrail(booking.uid)).length > 0 ? booking.uid : null;
  });
}

async function signIn(role: "admin" | "host", name: string, calUserId?: number): Promise<SignedIn> {
  const email = `${role}-${randomUUID().slice(0, 8)}@staff.example.org`;
  const invited = await inviteStaff(
    { auth: area.auth, links: area.links, pool: area.pool },
    { email, role, calUserId, name },
  );
  const link = linkIn(await inbox.waitForLatest(email), "/staff/auth/magic-link/verify");
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: VIEWER_ZONE });
  const page = await context.newPage();
  await page.goto(link);
  await page.waitForURL(`${origin}/staff`);
  return { userId: invited.userId, context, page };
}

const listedUids = (page: Page) =>
  page.getByTestId("staff-booking-row").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-uid")));

async function applyFilters(page: Page, fill: (page: Page) => Promise<void>): Promise<void> {
  await page.goto(`${origin}/staff`);
  await fill(page);
  await Promise.all([page.waitForURL(/\/staff\?/), page.getByTestId("filter-apply").click()]);
}

/** Saves a screenshot, after checking the page fits its width (nothing scrolls sideways but a table). */
async function shoot(page: Page, name: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate<{ scrollWidth: number; innerWidth: number }>(
    "({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth })",
  );
  expect(scrollWidth, `${name} is wider than the window`).toBeLessThanOrEqual(innerWidth);
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  await buildWebAppOnce();
  scratch = await createScratchDatabase("staff_ui");
  const webPort = await freePort();
  // localhost, as people open it: the staff area's cookies, links and CSRF origin are bound to it.
  origin = `http://localhost:${webPort}`;
  pipeline = await startPipeline({
    calEmulator: { platformWebhook: true },
    staff: true,
    staffPublicUrl: origin,
    databaseUrl: scratch.url,
  });
  area = pipeline.staff!.area;
  inbox = pipeline.staff!.inbox;
  web = await startWebApp({
    apiUrl: pipeline.baseUrl,
    webServerToken: pipeline.webServerToken,
    port: webPort,
    temporalUiUrl: TEMPORAL_UI,
  });
  const [first, second] = pipeline.cal!.emulator.fixtures.managedUsers;
  hostA = { username: first!.username, id: first!.id };
  hostB = { username: second!.username, id: second!.id };
  for (const user of [first!, second!]) {
    const minted = await fetch(`${pipeline.baseUrl}/tokens/cal/managed-user`, {
      method: "POST",
      headers: { authorization: `Bearer ${pipeline.webServerToken}`, "content-type": "application/json" },
      body: JSON.stringify({ username: user.username }),
    });
    expect(minted.status, await minted.clone().text()).toBe(200);
  }
  browser = await launchChromium();
  uidA = await bookAsVisitor(hostA.username, visitorA);
  uidB = await bookAsVisitor(hostB.username, visitorB);
  host = await signIn("host", "Pastor Anna", hostA.id);
  admin = await signIn("admin", "Office Administrator");
}, STACK_START_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  await web?.stop();
  await pipeline?.stop();
  await scratch?.drop();
});

describe("a host", () => {
  it("sees the booking made on their public page, attendee by name, time in their own zone", async () => {
    const { page } = host;
    await page.goto(`${origin}/staff`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Your bookings");
    expect(await page.getByTestId("staff-role").textContent()).toBe("Host");
    expect(await listedUids(page)).toEqual([uidA]);
    const row = page.locator(`[data-testid="staff-booking-row"][data-uid="${uidA}"]`);
    expect(await row.innerText()).toContain(visitorA.name);
    const { startTime } = (await pipeline.reader.findByUid(uidA))!;
    const localStart = new Intl.DateTimeFormat("en-GB", {
      hour: "2-digit",
      minute: "2-digit",
      timeZone: VIEWER_ZONE,
    }).format(startTime);
    expect(await row.locator("time").getAttribute("datetime")).toBe(startTime.toISOString());
    expect(await row.innerText()).toContain(localStart);
    expect(await page.getByTestId("staff-time-zone").textContent()).toBe("Times in America/New York");
    // The other host's booking is nowhere in the page, not even in its source.
    expect(await page.content()).not.toContain(visitorB.name);
    expect(await page.content()).not.toContain(uidB);
    // Only the navigation a host may use.
    expect(await page.getByTestId("staff-nav-hosts").count()).toBe(0);
    expect(await page.getByTestId("staff-nav-profile").isVisible()).toBe(true);
  });

  it("gets the not-found page for another host's booking by direct URL, with nothing of it in the page", async () => {
    const { page } = host;
    const response = await page.goto(`${origin}/staff/bookings/${encodeURIComponent(uidB)}`);
    expect(response?.status()).toBe(404);
    await page.getByTestId("staff-not-found").waitFor();
    const content = await page.content();
    expect(content).not.toContain(visitorB.name);
    expect(content).not.toContain(visitorB.email);
  });

  it("opens their booking's page: contact details, status history, audit trail, its runs in the Temporal UI", async () => {
    const { page } = host;
    await page.goto(`${origin}/staff`);
    await Promise.all([page.waitForURL(/\/staff\/bookings\//), page.getByTestId("staff-booking-link").click()]);
    const attendees = await page.getByTestId("booking-attendees").innerText();
    expect(attendees).toContain(visitorA.name);
    expect(attendees).toContain(visitorA.email);
    expect(await page.getByTestId("booking-status-history").innerText()).toContain("BOOKING_CREATED");
    expect(await page.getByTestId("booking-audit-trail").innerText()).toContain("BOOKING_CREATED");
    const href = (await page.getByTestId("temporal-ui-link").getAttribute("href"))!;
    expect(href.startsWith(`${TEMPORAL_UI}/namespaces/default/workflows?query=`)).toBe(true);
    const query = new URL(href).searchParams.get("query")!;
    const ids = [...query.matchAll(/"([^"]+)"/g)].map((match) => match[1]!);
    expect(query).toMatch(/^WorkflowId IN \(/);
    expect(ids.length).toBeGreaterThan(0);
    // The linked runs are this booking's processing runs, in Temporal.
    for (const id of ids) {
      const description = await pipeline.client.workflow.getHandle(id).describe();
      expect(description.type).toBe("processCalDeliveryWorkflow");
      expect(id).toContain(uidA);
    }
  });
});

describe("an administrator", () => {
  it("sees both hosts' bookings, with the host named", async () => {
    const { page } = admin;
    await page.goto(`${origin}/staff`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("All bookings");
    expect((await listedUids(page)).sort()).toEqual([uidA, uidB].sort());
    expect(await page.getByTestId("staff-nav-access-log").getAttribute("href")).toBe("/staff/admin/access-log");
  });

  it("filters by host", async () => {
    const { page } = admin;
    await applyFilters(page, (form) =>
      form
        .getByTestId("filter-host")
        .selectOption(String(hostB.id))
        .then(() => {}),
    );
    expect(await listedUids(page)).toEqual([uidB]);
    expect(await page.getByTestId("filter-host").inputValue()).toBe(String(hostB.id));
  });

  it("filters by status", async () => {
    const { page } = admin;
    const { status } = (await pipeline.reader.findByUid(uidA))!;
    await applyFilters(page, (form) =>
      form
        .getByTestId("filter-status")
        .selectOption("cancelled")
        .then(() => {}),
    );
    expect(await listedUids(page)).toEqual([]);
    expect(await page.getByTestId("staff-bookings-upcoming").innerText()).toContain("No upcoming bookings match");
    await applyFilters(page, (form) =>
      form
        .getByTestId("filter-status")
        .selectOption(status)
        .then(() => {}),
    );
    expect((await listedUids(page)).sort()).toEqual([uidA, uidB].sort());
  });

  it("finds a booking by its attendee's email, through the blind index", async () => {
    const { page } = admin;
    await applyFilters(page, (form) => form.getByTestId("filter-email").fill(visitorA.email.toUpperCase()));
    expect(await listedUids(page)).toEqual([uidA]);
    await applyFilters(page, async (form) => {
      await form.getByTestId("filter-email").fill(visitorA.email);
      await form.getByTestId("filter-host").selectOption(String(hostB.id));
    });
    expect(await listedUids(page)).toEqual([]);
  });
});

describe("accessibility", () => {
  it("has no axe violations on sign-in, both landing pages, the filters, a booking's page and the mobile menu, and fits 1280 and 390 px", async () => {
    for (const width of [1280, 390]) {
      const viewport = { width, height: 900 };
      const anonymous = await browser.newContext({ viewport });
      const signInPage = await anonymous.newPage();
      await signInPage.goto(`${origin}/staff/sign-in`);
      await expectNoAxeViolations(signInPage, `sign-in at ${width}px`);
      await shoot(signInPage, `sign-in-${width}`);
      await anonymous.close();

      for (const [who, session] of [
        ["host", host],
        ["admin", admin],
      ] as const) {
        await session.page.setViewportSize(viewport);
        await session.page.goto(`${origin}/staff`);
        await expectNoAxeViolations(session.page, `${who} landing at ${width}px`);
        await shoot(session.page, `landing-${who}-${width}`);
      }
      const { page } = admin;
      await applyFilters(page, (form) =>
        form
          .getByTestId("filter-status")
          .selectOption("accepted")
          .then(() => {}),
      );
      await expectNoAxeViolations(page, `filtered list at ${width}px`);
      await shoot(page, `filtered-admin-${width}`);
      await page.goto(`${origin}/staff/bookings/${encodeURIComponent(uidA)}`);
      await expectNoAxeViolations(page, `booking page at ${width}px`);
      await shoot(page, `booking-${width}`);
      await page.goto(`${origin}/staff/bookings/no-such-booking`);
      await expectNoAxeViolations(page, `not-found page at ${width}px`);
      await shoot(page, `not-found-${width}`);
      if (width < 1024) {
        await page.goto(`${origin}/staff`);
        await page.getByTestId("staff-menu-button").click();
        await page.getByTestId("staff-menu").waitFor();
        await expectNoAxeViolations(page, `mobile menu at ${width}px`);
        await shoot(page, `menu-admin-${width}`);
        expect(await page.getByTestId("staff-menu").getByTestId("staff-nav-reconciliation").isVisible()).toBe(true);
        await page.keyboard.press("Escape");
      }
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it("is usable by keyboard: Tab reaches the skip link, the navigation and the filters; Enter follows links", async () => {
    const { page } = admin;
    await page.goto(`${origin}/staff`);
    const focused = () =>
      // Runs in the page (a string: this package is typed for Node, not the DOM).
      page.evaluate<{ testId: string | null; text: string; id: string }>(`(() => {
        const element = document.activeElement;
        return { testId: element?.dataset.testid ?? null, text: element?.textContent?.trim() ?? "", id: element?.id ?? "" };
      })()`);
    await page.keyboard.press("Tab");
    expect((await focused()).text).toBe("Skip to content");
    await page.keyboard.press("Enter");
    expect((await focused()).id).toBe("main");
    await page.keyboard.press("Tab");
    expect((await focused()).testId).toBe("filter-host");

    await page.goto(`${origin}/staff`);
    const reached: string[] = [];
    for (let press = 0; press < 60 && !reached.includes("staff-booking-link"); press += 1) {
      await page.keyboard.press("Tab");
      const { testId } = await focused();
      if (testId && !reached.includes(testId)) reached.push(testId);
    }
    for (const expected of [
      "staff-nav-bookings",
      "staff-nav-hosts",
      "staff-nav-staff",
      "staff-nav-api-keys",
      "staff-nav-reconciliation",
      "staff-nav-access-log",
      "staff-nav-profile",
      "staff-sign-out",
      "filter-host",
      "filter-status",
      "filter-from",
      "filter-to",
      "filter-email",
      "filter-apply",
      "staff-booking-link",
    ]) {
      expect(reached, `Tab order: ${reached.join(" → ")}`).toContain(expected);
    }
    await Promise.all([page.waitForURL(/\/staff\/bookings\//), page.keyboard.press("Enter")]);
    await page.getByTestId("booking-attendees").waitFor();
  });
});

describe("changes and sessions", () => {
  const sessionCookie = async (context: BrowserContext) =>
    (await context.cookies(origin)).map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");

  it("refuses a change sent with the signed-in browser's session but without the CSRF token", async () => {
    const cookie = await sessionCookie(admin.context);
    const refused = await admin.context.request.post(`${pipeline.baseUrl}/staff/people/${host.userId}/deactivate`, {
      headers: { cookie, origin },
    });
    expect(refused.status()).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("csrf_refused");
    // Nothing changed: the host's open session still works.
    await host.page.goto(`${origin}/staff`);
    expect(host.page.url()).toBe(`${origin}/staff`);
  });

  it("ends a deactivated person's open session in their browser at once", async () => {
    const cookie = await sessionCookie(admin.context);
    const session = await admin.context.request.get(`${pipeline.baseUrl}/staff/session`, { headers: { cookie } });
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    const deactivated = await admin.context.request.post(`${pipeline.baseUrl}/staff/people/${host.userId}/deactivate`, {
      headers: { cookie, origin, "x-csrf-token": csrfToken },
    });
    expect(deactivated.status()).toBe(204);
    await host.page.goto(`${origin}/staff`);
    await host.page.waitForURL(`${origin}/staff/sign-in`);
    const response = await host.page.goto(`${origin}/staff/bookings/${encodeURIComponent(uidA)}`);
    expect(host.page.url()).toBe(`${origin}/staff/sign-in`);
    expect(await response?.text()).not.toContain(visitorA.email);
  });
});

describe("the access log", () => {
  it("gains one entry for each view of a booking's page, and its chain verifies", async () => {
    const views = async () =>
      (await area.accessLog.forBooking(uidA)).filter(
        (entry) => entry.action === "booking.view" && entry.staffUserId === admin.userId,
      ).length;
    const before = await views();
    for (let view = 0; view < 3; view += 1) {
      await admin.page.goto(`${origin}/staff/bookings/${encodeURIComponent(uidA)}`);
      await admin.page.getByTestId("booking-attendees").waitFor();
    }
    expect(await views()).toBe(before + 3);
    expect(await area.accessLog.verify()).toMatchObject({ intact: true });
  });

  it("detects an entry altered by someone with the database owner's rights", async () => {
    const { rows } = await area.pool.query<{ sequence: string }>(
      "SELECT sequence FROM staff_access_log WHERE booking_uid = $1 ORDER BY sequence DESC LIMIT 1",
      [uidA],
    );
    const target = rows[0]!.sequence;
    await area.pool.query("ALTER TABLE staff_access_log DISABLE TRIGGER staff_access_log_append_only");
    await area.pool.query("UPDATE staff_access_log SET booking_uid = $2 WHERE sequence = $1", [target, uidB]);
    await area.pool.query("ALTER TABLE staff_access_log ENABLE TRIGGER staff_access_log_append_only");
    const verdict = await area.accessLog.verify();
    expect(verdict).toMatchObject({ intact: false, firstBroken: { sequence: target } });
  });
});
