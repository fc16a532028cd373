// Sensitive mode in a real browser: a host signs in to the staff area (the mailed link, through the web
// server), marks one of their event types sensitive, watches the page settle on "Applied at Cal.com", and
// the Cal.com emulator then holds the privacy settings for that event type, applied with the host's token.
// Then private booking (issue 19, part 2) on that event type: a person books privately with canary
// details; Cal.com's booking and calendar copy hold only the pseudonym and relay address, our database
// only ciphertext, the host reads the details on the booking's staff page, and the person moves, then
// cancels the appointment through their private link. (The second test books the event type the first one marked: they run in order.)
import { afterAll, beforeAll, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { freePort } from "@churchhub/local-stack";
import { dumpDatabase } from "@churchhub/test-support/dump-database";
import { startPipeline, type Pipeline } from "@churchhub/test-support/pipeline";
import { waitUntil } from "@churchhub/test-support/wait-until";
import { axeViolations } from "./support/accessibility.js";
import { bookableSlots } from "./support/booker-page.js";
import { launchChromium } from "./support/chromium.js";
import { recordPageTraffic } from "./support/page-traffic.js";
import { buildWebAppOnce, startWebApp, type RunningWebApp } from "./support/web-app.js";

const PASTOR = 7001;
const WEDDING_PREPARATION = 9002;

let pipeline: Pipeline;
let web: RunningWebApp;
let browser: Browser;
let origin: string;
/** The host's signed-in staff page, kept for the private booking's check. */
let hostContext: BrowserContext;
let hostPage: Page;

beforeAll(async () => {
  await buildWebAppOnce();
  const webPort = await freePort();
  origin = `http://localhost:${webPort}`;
  // The platform webhook: the emulator delivers the bookings' webhooks to our api, as Cal.com does.
  pipeline = await startPipeline({ calEmulator: { platformWebhook: true }, staff: { publicUrl: origin } });
  web = await startWebApp({ apiUrl: pipeline.baseUrl, webServerToken: pipeline.webServerToken, port: webPort });
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await hostContext?.close();
  await browser?.close();
  await web?.stop();
  await pipeline?.stop();
});

it("a host marks an event type sensitive in the staff area → the emulator holds the settings", async () => {
  const link = await pipeline.staff!.signInLink("host", { calUserId: PASTOR, name: "Pastor Anna" });
  expect(link.startsWith(origin)).toBe(true);
  hostContext = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await hostContext.newPage();
  hostPage = page;
  await page.goto(link);
  await page.waitForURL(`${origin}/staff`);

  // The staff navigation offers the page to every host.
  await page.getByTestId("staff-nav-sensitive").first().click();
  await page.waitForURL(`${origin}/staff/sensitive`);
  const row = page.getByTestId(`sensitive-event-type-${WEDDING_PREPARATION}`);
  await row.waitFor();
  expect(await row.textContent()).toContain("Wedding preparation");
  expect(pipeline.cal!.emulator.eventType(WEDDING_PREPARATION)).toMatchObject({ hideCalendarEventDetails: false });

  await row.getByRole("button", { name: /Mark sensitive/ }).click();
  // The page refreshes itself until the workflow has applied the settings at Cal.com.
  await row.getByTestId("settings-state").filter({ hasText: "Applied at Cal.com" }).waitFor({ timeout: 30_000 });

  const atCal = pipeline.cal!.emulator.eventType(WEDDING_PREPARATION)!;
  expect(atCal).toMatchObject({
    hideCalendarEventDetails: true,
    hideCalendarNotes: true,
    hideOrganizerEmail: true,
    customName: "Pastoral appointment",
  });
  expect(atCal.bookingFields.map((field) => field.name)).not.toContain("wedding-date");
  // The other event type is untouched.
  expect(pipeline.cal!.emulator.eventType(9001)).toMatchObject({ hideCalendarEventDetails: false, customName: null });
}, 120_000);

it("a person books the sensitive event type privately → Cal.com holds no identity, the host reads the details, the private link moves and cancels", async () => {
  const run = randomBytes(5).toString("hex");
  const canaries = {
    name: `Canaryname ${run}`,
    email: `canary.${run}@example.org`,
    phone: `+44 7700 ${parseInt(run.slice(0, 5), 16).toString().padStart(6, "0").slice(0, 6)}`,
  };
  const username = pipeline.cal!.emulator.fixtures.managedUsers.find((user) => user.id === PASTOR)!.username;
  const visitorContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const visitor = await visitorContext.newPage();
    const traffic = recordPageTraffic(visitor);
    await visitor.goto(`${origin}/book/${username}/wedding-preparation`, { waitUntil: "domcontentloaded" });

    // Private booking is the default: our own form first.
    const form = visitor.getByTestId("private-details");
    await form.waitFor();
    const formViolations = await axeViolations(visitor);
    expect(formViolations, JSON.stringify(formViolations, null, 2)).toEqual([]);
    await form.locator('input[name="name"]').fill(canaries.name);
    await form.locator('input[name="email"]').fill(canaries.email);
    await form.locator('input[name="phone"]').fill(canaries.phone);
    await visitor.getByTestId("private-continue").click();

    // Then the Booker, with the pseudonym and relay address filled in and their fields not shown. With
    // every required field filled, Cal.com's Booker offers "Confirm" beside the chosen time and skips its
    // form (skip-confirm-book-button); where the form is needed (another question), our CSS hides the two
    // fields. Either way, no name or email field is ever visible.
    const slot = bookableSlots(visitor).first();
    await slot.waitFor({ state: "visible", timeout: 30_000 });
    await slot.click();
    const confirm = visitor.locator('[data-testid="skip-confirm-book-button"], [data-testid="confirm-book-button"]');
    await confirm.first().waitFor({ timeout: 30_000 });
    const identityFields = visitor.locator(
      '[data-fob-field-name="name"], [data-fob-field-name="email"], input[name="name"], input[type="email"]',
    );
    for (const field of await identityFields.all()) expect(await field.isVisible()).toBe(false);
    await confirm.first().click();
    await visitor.getByRole("heading", { name: "You’re booked" }).waitFor({ timeout: 30_000 });
    const privateLink = visitor.getByTestId("private-link");
    await privateLink.waitFor();
    const linkPath = (await privateLink.getAttribute("href")) ?? "";
    expect(linkPath).toMatch(/^\/private\/[A-Za-z0-9_-]{43}$/);

    const created = (await traffic.settled()).find(
      (exchange) => exchange.method === "POST" && exchange.url.endsWith("/v2/bookings"),
    );
    const uid = (JSON.parse(created?.responseBody ?? "{}") as { data?: { uid?: string } }).data?.uid ?? "";
    expect(uid).not.toBe("");
    // The browser sent Cal.com none of the details.
    expect(created?.responseBody ?? "").not.toContain(canaries.name);

    // Linked by the booking's delivery (metadata naming the intent, attendee = its relay address).
    await waitUntil("the private booking linked to its booking", async () => {
      const rows = await pipeline.dataSource.query(
        "SELECT 1 FROM private_booking_intents WHERE booking_uids @> ARRAY[$1::text]",
        [uid],
      );
      return rows.length === 1;
    });
    const [intent] = await pipeline.dataSource.query(
      "SELECT pseudonym, relay_address, details_encrypted FROM private_booking_intents WHERE booking_uids @> ARRAY[$1::text]",
      [uid],
    );
    expect(intent.pseudonym).toMatch(/^Guest \d{4}$/);
    expect(intent.relay_address).toMatch(/^guest-[a-z2-7]{24}@relay\.churchhub\.invalid$/);
    // Held as ciphertext that opens to what the person typed.
    expect(pipeline.protector.openJson(intent.details_encrypted, "private_booking_intents.details")).toEqual(canaries);

    // Cal.com's booking and its calendar copy: the pseudonym and relay address, none of the details.
    const calUrl = pipeline.cal!.running.url;
    const atCal = await (
      await fetch(`${calUrl}/bookings/${uid}`, { headers: { "cal-api-version": "2024-08-13" } })
    ).text();
    const calendarCopy = await (
      await fetch(`${pipeline.cal!.running.origin}/_emulator/calendar-events?bookingUid=${encodeURIComponent(uid)}`)
    ).text();
    for (const text of [atCal, calendarCopy]) {
      expect(text).toContain(intent.pseudonym);
      expect(text).toContain(intent.relay_address);
      for (const value of Object.values(canaries)) expect(text).not.toContain(value);
    }
    // Our database: nowhere in the clear.
    const dump = await dumpDatabase(pipeline.databaseUrl);
    expect(dump).toContain(uid);
    for (const value of [...Object.values(canaries), canaries.phone.replaceAll(" ", "")])
      expect(dump).not.toContain(value);

    // The host reads them on the booking's staff page; the list shows the pseudonym, badged.
    await hostPage.goto(`${origin}/staff`);
    const listed = hostPage.getByTestId("staff-booking-link").filter({ hasText: intent.pseudonym });
    await listed.first().waitFor();
    await hostPage.getByTestId("private-badge").first().waitFor();
    await hostPage.goto(`${origin}/staff/bookings/${uid}`);
    const card = hostPage.getByTestId("private-details-card");
    await card.waitFor();
    const shown = (await card.textContent()) ?? "";
    for (const value of Object.values(canaries)) expect(shown).toContain(value);
    expect(shown).toContain(intent.pseudonym);

    // The person moves the appointment through their private link: Cal.com's Booker with rescheduleUid.
    await visitor.goto(`${origin}${linkPath}`);
    expect(await visitor.getByTestId("private-booking-status").textContent()).toBe("Booked");
    const pageViolations = await axeViolations(visitor);
    expect(pageViolations, JSON.stringify(pageViolations, null, 2)).toEqual([]);
    await visitor.getByTestId("private-reschedule").click();
    const booker = visitor.getByTestId("private-reschedule-booker");
    const laterSlot = bookableSlots(visitor).last();
    await laterSlot.waitFor({ state: "visible", timeout: 30_000 });
    await laterSlot.click();
    const reconfirm = visitor.locator('[data-testid="skip-confirm-book-button"], [data-testid="confirm-book-button"]');
    await reconfirm.first().waitFor({ timeout: 30_000 });
    for (const field of await booker.locator('[data-fob-field-name="name"], [data-fob-field-name="email"]').all())
      expect(await field.isVisible()).toBe(false);
    await reconfirm.first().click();
    await visitor.getByRole("heading", { name: "You’re booked" }).waitFor({ timeout: 30_000 });
    let movedUid = "";
    await waitUntil("the rescheduled booking linked to the same private booking", async () => {
      const [row] = await pipeline.dataSource.query(
        `SELECT b.uid FROM bookings b JOIN private_booking_intents p ON p.booking_uids @> ARRAY[b.uid]
          WHERE b.rescheduled_from_uid = $1`,
        [uid],
      );
      movedUid = row?.uid ?? "";
      return movedUid !== "";
    });
    const movedAtCal = await (
      await fetch(`${calUrl}/bookings/${movedUid}`, { headers: { "cal-api-version": "2024-08-13" } })
    ).text();
    expect(movedAtCal).toContain(intent.relay_address);
    for (const value of Object.values(canaries)) expect(movedAtCal).not.toContain(value);

    // Then cancels it there: the page follows the chain to the new booking.
    await visitor.goto(`${origin}${linkPath}`);
    expect(await visitor.getByTestId("private-booking-status").textContent()).toBe("Booked");
    await visitor.getByTestId("private-cancel").click();
    await visitor.getByTestId("private-cancel-confirm").click();
    await visitor.getByTestId("private-cancelled").waitFor({ timeout: 20_000 });
    const statusAtCal = async (bookingUid: string) =>
      (
        (await (
          await fetch(`${calUrl}/bookings/${bookingUid}`, { headers: { "cal-api-version": "2024-08-13" } })
        ).json()) as { data: { status: string } }
      ).data.status;
    expect(await statusAtCal(movedUid)).toBe("cancelled");
    await waitUntil("our booking cancelled through the webhook", async () => {
      const [row] = await pipeline.dataSource.query("SELECT status FROM bookings WHERE uid = $1", [movedUid]);
      return row?.status === "cancelled";
    });
    await visitor.reload();
    expect(await visitor.getByTestId("private-booking-status").textContent()).toBe("Cancelled");
    expect(await visitor.getByTestId("private-cancel").count()).toBe(0);
    expect(await visitor.getByTestId("private-reschedule").count()).toBe(0);

    // An unknown link: the site's ordinary 404, nothing about bookings.
    const unknown = await visitor.goto(`${origin}/private/${"A".repeat(43)}`);
    expect(unknown?.status()).toBe(404);
  } finally {
    await visitorContext.close();
  }
}, 180_000);
