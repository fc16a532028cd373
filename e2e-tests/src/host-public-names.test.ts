// The public side in a real browser: the front page lists who can be booked; a host chooses a short public
// name on their staff profile page, and every earlier link (the managed-user username, an earlier name)
// lands on the booking page at the new name.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { inviteStaff } from "@churchhub/api";
import { startBookingStack, STACK_START_TIMEOUT_MS, type BookingStack } from "./support/booking-stack.js";
import { launchChromium } from "./support/chromium.js";

describe("hosts' public names", () => {
  let stack: BookingStack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let staffOrigin: string;
  const suffix = Date.now().toString(36);

  beforeAll(async () => {
    stack = await startBookingStack({ staff: true });
    staffOrigin = `http://localhost:${new URL(stack.web.url).port}`;
    browser = await launchChromium();
    context = await browser.newContext();
    page = await context.newPage();
  }, STACK_START_TIMEOUT_MS);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await stack?.stop();
  });

  async function choose(name: string) {
    await page.goto(`${staffOrigin}/staff/profile`);
    await page.getByRole("textbox", { name: "Public name" }).fill(name);
    await page.getByRole("button", { name: "Save public name" }).click();
  }

  it("lists every bookable host on the front page, linking to their booking page, with no emails", async () => {
    const response = await page.goto(`${stack.web.url}/`);
    expect(response?.status()).toBe(200);
    const managed = stack.emulator.fixtures.managedUsers;
    const items = await page.getByTestId("host-list").getByRole("listitem").allInnerTexts();
    expect(items).toHaveLength(managed.length);
    for (const user of managed) expect(items.join("\n")).toContain(user.name);
    const html = await page.content();
    for (const user of managed) expect(html).not.toContain(user.email);

    await page.getByRole("link", { name: stack.host.name }).click();
    await page.getByRole("heading", { name: `Book a time with ${stack.host.name}` }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/book/${stack.host.username}`);
  });

  it("lets the host choose a name in the staff area; the username link and earlier names land on it", async () => {
    const invited = await inviteStaff(
      {
        auth: stack.pipeline.staffArea!.auth,
        links: stack.pipeline.staffArea!.links,
        pool: stack.pipeline.staffArea!.pool,
      },
      { email: `host-${suffix}@example.org`, role: "host", calUserId: stack.host.calUserId, name: stack.host.name },
    );
    await page.goto(invited.url);
    await page.waitForURL((url) => url.pathname.startsWith("/staff") && !url.pathname.startsWith("/staff/auth"));

    const first = `anna-${suffix}`;
    await choose(first);
    await page
      .getByTestId("public-name-result")
      .getByRole("link", { name: `/book/${first}` })
      .waitFor();

    // The managed-user link: a permanent redirect to the public name, which serves the host's page.
    const answer = await fetch(`${stack.web.url}/book/${stack.host.username}`, { redirect: "manual" });
    expect(answer.status).toBe(308);
    expect(new URL(answer.headers.get("location") ?? "", stack.web.url).pathname).toBe(`/book/${first}`);
    await page.goto(`${stack.web.url}/book/${stack.host.username}`);
    await page.getByRole("heading", { name: `Book a time with ${stack.host.name}` }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/book/${first}`);

    const second = `pastor-anna-${suffix}`;
    await choose(second);
    await page
      .getByTestId("public-name-result")
      .getByRole("link", { name: `/book/${second}` })
      .waitFor();
    await page.goto(`${stack.web.url}/book/${first}`);
    await page.getByRole("heading", { name: `Book a time with ${stack.host.name}` }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/book/${second}`);

    // The front page links to the current name.
    await page.goto(`${stack.web.url}/`);
    await expect(page.getByRole("link", { name: stack.host.name }).getAttribute("href")).resolves.toBe(
      `/book/${second}`,
    );
  });

  it("tells the host why a name cannot be used", async () => {
    await choose("staff");
    await expect(page.getByTestId("public-name-refused").innerText()).resolves.toContain("used by the site itself");
  });
});
