// Sensitive mode in a real browser: a host signs in to the staff area (the mailed link, through the web
// server), marks one of their event types sensitive, watches the page settle on "Applied at Cal.com", and
// the Cal.com emulator then holds the privacy settings for that event type, applied with the host's token.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { freePort } from "@churchhub/local-stack";
import { startPipeline, type Pipeline } from "@churchhub/test-support/pipeline";
import { launchChromium } from "./support/chromium.js";
import { buildWebAppOnce, startWebApp, type RunningWebApp } from "./support/web-app.js";

const PASTOR = 7001;
const WEDDING_PREPARATION = 9002;

let pipeline: Pipeline;
let web: RunningWebApp;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  await buildWebAppOnce();
  const webPort = await freePort();
  origin = `http://localhost:${webPort}`;
  pipeline = await startPipeline({ calEmulator: {}, staff: { publicUrl: origin } });
  web = await startWebApp({ apiUrl: pipeline.baseUrl, webServerToken: pipeline.webServerToken, port: webPort });
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await web?.stop();
  await pipeline?.stop();
});

it("a host marks an event type sensitive in the staff area → the emulator holds the settings", async () => {
  const link = await pipeline.staff!.signInLink("host", { calUserId: PASTOR, name: "Pastor Anna" });
  expect(link.startsWith(origin)).toBe(true);
  const context = await browser.newContext();
  const page = await context.newPage();
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
  await context.close();
}, 120_000);
