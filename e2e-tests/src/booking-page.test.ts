// A visitor books through the public page in a real browser: the booking reaches Postgres through the
// emulator's signed webhook and the Temporal workflow, and nothing secret reaches the browser on the way.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { bookFirstSlot, openBookingPage } from "./support/booker-page.js";
import { startBookingStack, STACK_START_TIMEOUT_MS, type BookingStack } from "./support/booking-stack.js";
import { launchChromium } from "./support/chromium.js";
import {
  exchangesRevealing,
  recordPageTraffic,
  requestsWithAuthorization,
  thirdPartyRequests,
  type RecordedExchange,
} from "./support/page-traffic.js";
import { waitUntil } from "@churchhub/test-support/wait-until";

const visitor = { name: "Sam Visitor", email: `sam.visitor+${Date.now()}@example.org` };

describe("booking as a visitor on /book/{username}", () => {
  let stack: BookingStack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let traffic: RecordedExchange[];
  let bookedStart: string;
  let bookingUid: string;
  let hostTokens: string[];

  beforeAll(async () => {
    stack = await startBookingStack();
    // Every host holds live Cal.com tokens, minted through our api as the host-facing pages will.
    for (const user of stack.emulator.fixtures.managedUsers) {
      const minted = await fetch(`${stack.pipeline.baseUrl}/tokens/cal/managed-user`, {
        method: "POST",
        headers: { authorization: `Bearer ${stack.pipeline.webServerToken}`, "content-type": "application/json" },
        body: JSON.stringify({ username: user.username }),
      });
      expect(minted.status, await minted.clone().text()).toBe(200);
    }

    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    const recorder = recordPageTraffic(page);
    await openBookingPage(page, `${stack.web.url}/book/${stack.host.username}`);
    bookedStart = await bookFirstSlot(page, visitor);
    traffic = await recorder.settled();
    const created = traffic.find(
      (exchange) => exchange.method === "POST" && exchange.url === `${stack.calApiUrl}/bookings`,
    );
    bookingUid = (JSON.parse(created?.responseBody ?? "{}") as { data?: { uid?: string } }).data?.uid ?? "";
    hostTokens = [...stack.emulator.state.accessTokens.keys(), ...stack.emulator.state.refreshTokens.keys()];
  }, STACK_START_TIMEOUT_MS);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await stack?.stop();
  });

  it("confirms the booking with what, when (in the visitor’s time zone) and with whom", async () => {
    const confirmation = page.getByTestId("booking-confirmed");
    await expect(confirmation.innerText()).resolves.toContain(stack.host.name);
    const when = new Intl.DateTimeFormat(undefined, {
      dateStyle: "full",
      timeZone: await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone),
    });
    await expect(confirmation.innerText()).resolves.toContain(when.format(new Date(bookedStart)));
    expect(bookingUid).not.toBe("");
  });

  it("records the booking, its organizer and an audit entry in Postgres", async () => {
    const { reader, dataSource } = stack.pipeline;
    // The workflow writes the organizer, then the booking, then the audit entry.
    const audit = await waitUntil(
      "an audit entry for the booking",
      async () => {
        const entries = await reader.auditTrail(bookingUid);
        return entries.length > 0 ? entries : null;
      },
      { timeoutMs: 60_000 },
    );
    expect(audit.map((entry) => entry.triggerEvent)).toContain("BOOKING_CREATED");

    const booking = await reader.findByUid(bookingUid);
    expect(booking?.startTime.toISOString()).toBe(new Date(bookedStart).toISOString());
    expect(booking?.attendees.map((attendee) => attendee.email)).toContain(visitor.email);
    expect(booking?.organizer?.calUserId).toBe(stack.host.calUserId);

    const [rows] = (await dataSource.query(
      `SELECT (SELECT count(*) FROM bookings WHERE uid = $1)::int AS bookings,
              (SELECT count(*) FROM users WHERE cal_user_id = $2)::int AS users`,
      [bookingUid, stack.host.calUserId],
    )) as Array<{ bookings: number; users: number }>;
    expect(rows).toEqual({ bookings: 1, users: 1 });
  });

  it("lets a visitor book on a phone-sized screen too", async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    try {
      const phonePage = await phone.newPage();
      await openBookingPage(phonePage, `${stack.web.url}/book/${stack.host.username}`);
      await bookFirstSlot(phonePage, { name: "Pat Phone", email: `pat.phone+${Date.now()}@example.org` });
      await expect(phonePage.getByTestId("booking-confirmed").innerText()).resolves.toContain(stack.host.name);
    } finally {
      await phone.close();
    }
  });

  it("sends no Authorization header on any request the page makes", () => {
    expect(requestsWithAuthorization(traffic)).toEqual([]);
  });

  it("receives no host’s Cal.com access or refresh token in any response", () => {
    expect(hostTokens.length).toBeGreaterThanOrEqual(stack.emulator.fixtures.managedUsers.length * 2);
    expect(exchangesRevealing(traffic, hostTokens)).toEqual([]);
    // Nor the credential our web server uses with the api.
    expect(exchangesRevealing(traffic, [stack.pipeline.webServerToken])).toEqual([]);
    // The bodies were really read: the HTML, the scripts and the Cal.com answers.
    expect(traffic.filter((exchange) => exchange.responseBody !== null).length).toBeGreaterThan(5);
  });

  it("talks only to this site and the Cal.com API: no third-party requests", () => {
    expect(thirdPartyRequests(traffic, [stack.web.url, stack.calApiUrl])).toEqual([]);
  });
});
