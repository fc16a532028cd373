// The booking page in a visitor's browser, from opening it to the confirmation: nothing in the console
// at error level and no uncaught page error (the atoms' icon sprite and avatar come from this site), and
// the time-zone picker shows the visitor's own zone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { bookableSlots, bookFirstSlot, openBookingPage } from "./support/booker-page.js";
import { startBookingStack, STACK_START_TIMEOUT_MS, type BookingStack } from "./support/booking-stack.js";
import { launchChromium } from "./support/chromium.js";
import { recordPageTraffic, type PageTraffic } from "./support/page-traffic.js";

describe("the booking page in the browser console", () => {
  let stack: BookingStack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];
  let recorder: PageTraffic;

  beforeAll(async () => {
    stack = await startBookingStack();
    browser = await launchChromium();
    // A visitor in Chicago (the container itself runs in UTC).
    context = await browser.newContext({ timezoneId: "America/Chicago", viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console.error: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    recorder = recordPageTraffic(page);
    await openBookingPage(page, `${stack.web.url}/book/${stack.host.username}`);
    await bookableSlots(page).first().waitFor({ state: "visible", timeout: 30_000 });
  }, STACK_START_TIMEOUT_MS);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await stack?.stop();
  });

  it("shows the visitor's time zone in the Booker's picker", async () => {
    const picker = page.getByTestId("event-meta-current-timezone");
    await expect(picker.innerText()).resolves.toContain("America/Chicago");
    await expect(picker.innerText()).resolves.not.toContain("Select...");
  });

  it("draws the Booker's icons and the host's avatar from this site", async () => {
    // The atoms inject the sprite they fetched; their <use href="#…"> icons find its symbols.
    await page.locator("symbol#chevron-right").first().waitFor({ state: "attached" });
    const requested = (await recorder.settled()).filter((exchange) =>
      /\/(icons\/sprite|avatar)\.svg/.test(exchange.url),
    );
    expect(requested.map((exchange) => [new URL(exchange.url).origin, exchange.status])).toContainEqual([
      stack.web.url,
      200,
    ]);
    for (const exchange of requested) expect(new URL(exchange.url).origin).toBe(stack.web.url);
  });

  it("books with no console error and no page error from opening the page to the confirmation", async () => {
    await bookFirstSlot(page, { name: "Cora Console", email: `cora+${Date.now()}@example.org` });
    await expect(page.getByTestId("booking-confirmed").innerText()).resolves.toContain("(America/Chicago)");
    expect(problems).toEqual([]);
  });
});
