// What a visitor sees when something is missing or down: a 404 page that gives nothing away, and a
// friendly error with a retry that works once the api or Cal.com is back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { bookableSlots } from "./support/booker-page.js";
import { startBookingStack, STACK_START_TIMEOUT_MS, type BookingStack } from "./support/booking-stack.js";
import { launchChromium } from "./support/chromium.js";

describe("the booking page when something is missing or down", () => {
  let stack: BookingStack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    stack = await startBookingStack();
    browser = await launchChromium();
  }, STACK_START_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const freshPage = async () => {
    await context?.close();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    return page;
  };

  it("answers an unknown host with the 404 page", async () => {
    const response = await (await freshPage()).goto(`${stack.web.url}/book/nobody-by-this-name`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 }).innerText()).resolves.toBe(
      "We couldn’t find that booking page",
    );
  });

  it("answers a Cal.com account that is not one of our hosts exactly like a name that exists nowhere", async () => {
    const outsider = stack.emulator.fixtures.ordinaryAccounts[0]!.username;
    const outsiderResponse = await (await freshPage()).goto(`${stack.web.url}/book/${outsider}`);
    const outsiderText = await page.locator("main").innerText();
    const nobodyResponse = await (await freshPage()).goto(`${stack.web.url}/book/nobody-by-this-name`);
    expect(outsiderResponse?.status()).toBe(404);
    expect(outsiderText).toBe(await page.locator("main").innerText());
    expect(outsiderText).not.toContain(outsider);
    expect(nobodyResponse?.status()).toBe(404);
  });

  it("answers an unknown event type of a known host with the 404 page", async () => {
    const response = await (await freshPage()).goto(`${stack.web.url}/book/${stack.host.username}/no-such-event`);
    expect(response?.status()).toBe(404);
    await expect(page.getByTestId("not-found").innerText()).resolves.toContain("We couldn’t find that booking page");
  });

  it("tells the visitor when the dates shown have no free times", async () => {
    await freshPage();
    // Cal.com answering "no slots" for the range, as it does when a host is fully booked.
    await page.route(`${stack.calApiUrl}/slots/available?**`, (route) =>
      route.fulfill({ json: { status: "success", data: { slots: {} } } }),
    );
    await page.goto(`${stack.web.url}/book/${stack.host.username}`);
    await expect(
      page.getByRole("status").filter({ hasText: "No free times in this range" }).innerText(),
    ).resolves.toContain("Try the next month");
  });

  it("shows a friendly error while the api is down, and the page once a retry finds it back", async () => {
    await stack.apiLink.down();
    try {
      const response = await (await freshPage()).goto(`${stack.web.url}/book/${stack.host.username}`);
      expect(response?.status()).toBeGreaterThanOrEqual(500);
      const notice = page.getByTestId("booking-unavailable");
      await notice.waitFor();
      await expect(notice.innerText()).resolves.toContain("We can’t show the calendar right now");
    } finally {
      await stack.apiLink.up();
    }
    await page.getByRole("button", { name: "Try again" }).click();
    await bookableSlots(page).first().waitFor({ state: "visible", timeout: 30_000 });
  });

  it("shows a friendly error while Cal.com is down, and the page once a retry finds it back", async () => {
    await stack.stopCal();
    try {
      const response = await (await freshPage()).goto(`${stack.web.url}/book/${stack.host.username}`);
      expect(response?.status()).toBeGreaterThanOrEqual(500);
      await expect(page.getByTestId("booking-unavailable").innerText()).resolves.toContain(
        "We can’t show the calendar right now",
      );
    } finally {
      await stack.restartCal();
    }
    await page.getByRole("button", { name: "Try again" }).click();
    await bookableSlots(page).first().waitFor({ state: "visible", timeout: 30_000 });
  });
});
