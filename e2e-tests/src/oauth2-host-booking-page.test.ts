// A visitor books an ordinary Cal.com account's host (connected through OAuth 2.0) in a real browser: the
// page renders the atoms' CalOAuthProvider with the OAuth 2.0 client id, which checks that client, and the
// Booker books through Cal.com's public endpoints with no token and no x-cal-client-id.
// Ruth has connected her account through the real api first (the HTTP connect flow), so the page's
// server finds her through the real GET /hosts/{username}.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { CalEmulator, RunningCalEmulator } from "@churchhub/cal-emulator";
import { startPipeline, type Pipeline } from "@churchhub/test-support/pipeline";
import { connectAccount, operatorKey } from "@churchhub/test-support/connect-flow";
import { bookFirstSlot, openBookingPage } from "./support/booker-page.js";
import { STACK_START_TIMEOUT_MS } from "./support/booking-stack.js";
import { launchChromium } from "./support/chromium.js";
import {
  exchangesRevealing,
  recordPageTraffic,
  requestsWithAuthorization,
  thirdPartyRequests,
  type RecordedExchange,
} from "./support/page-traffic.js";
import { buildWebAppOnce, startWebApp, type RunningWebApp } from "./support/web-app.js";

const OAUTH2_CLIENT_ID = "clxsandbox0oauth2";
const visitor = { name: "Kofi Visitor", email: `kofi.visitor+${Date.now()}@example.org` };

describe("booking an ordinary Cal.com account’s host on /book/{username} (CalOAuthProvider)", () => {
  let emulator: CalEmulator;
  let cal: RunningCalEmulator;
  let pipeline: Pipeline;
  let web: RunningWebApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let traffic: RecordedExchange[];
  let bookedStart: string;
  let hostTokens: string[];
  let webServerToken: string;
  const ruth = { id: 7101, username: "ruth-mensah", name: "Ruth Mensah" };

  beforeAll(async () => {
    await buildWebAppOnce();
    pipeline = await startPipeline({ calEmulator: { oauth2: true } });
    emulator = pipeline.cal!.emulator;
    cal = pipeline.cal!.running;
    webServerToken = pipeline.webServerToken;
    const connected = await connectAccount(pipeline, await operatorKey(pipeline), ruth.id);
    if (connected.status !== 200) throw new Error(`Ruth could not connect: ${connected.status}`);
    const [connection] = await pipeline.dataSource.query("SELECT id FROM cal_connections WHERE cal_user_id = $1", [
      ruth.id,
    ]);
    const held = await pipeline.oauth2!.connections.withConnectionLock(connection.id, (locked) => locked.read());
    hostTokens = [held!.tokens!.accessToken, held!.tokens!.refreshToken];
    web = await startWebApp({ apiUrl: pipeline.baseUrl, webServerToken });

    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    const recorder = recordPageTraffic(page);
    await openBookingPage(page, `${web.url}/book/${ruth.username}`);
    bookedStart = await bookFirstSlot(page, visitor);
    traffic = await recorder.settled();
  }, STACK_START_TIMEOUT_MS);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await web?.stop();
    await pipeline?.stop();
  });

  const calApiCalls = () => traffic.filter((exchange) => exchange.url.startsWith(`${cal.url}/`));

  it("checks the OAuth 2.0 client the way CalOAuthProvider does, never as a Platform client", () => {
    const checks = calApiCalls().filter((exchange) =>
      /\/(atoms\/auth\/oauth2\/clients|provider)\//.test(new URL(exchange.url).pathname),
    );
    expect(checks.length).toBeGreaterThan(0);
    for (const check of checks)
      expect([check.method, check.url, check.status]).toEqual([
        "GET",
        `${cal.url}/atoms/auth/oauth2/clients/${OAUTH2_CLIENT_ID}`,
        200,
      ]);
    expect(emulator.callCount("GET /v2/provider/:clientId")).toBe(0);
  });

  it("shows the host’s free times and confirms the booking with what, when and with whom", async () => {
    const confirmation = page.getByTestId("booking-confirmed");
    await expect(confirmation.innerText()).resolves.toContain(ruth.name);
    await expect(confirmation.innerText()).resolves.toContain("Youth mentoring");
    const when = new Intl.DateTimeFormat(undefined, {
      dateStyle: "full",
      timeZone: await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone),
    });
    await expect(confirmation.innerText()).resolves.toContain(when.format(new Date(bookedStart)));
  });

  it("books Ruth’s event type in Cal.com as an ordinary booking (no platform client)", () => {
    const bookings = [...emulator.state.bookings.values()];
    expect(bookings).toHaveLength(1);
    expect(bookings[0]).toMatchObject({
      organizerId: ruth.id,
      eventTypeId: 9101,
      status: "accepted",
      platformClientId: null,
    });
    expect(bookings[0]!.start.toISOString()).toBe(new Date(bookedStart).toISOString());
    expect(bookings[0]!.attendees.map((attendee) => attendee.email)).toEqual([visitor.email]);
  });

  it("sends no Authorization header on any request, and no x-cal-client-id to Cal.com", () => {
    expect(requestsWithAuthorization(traffic)).toEqual([]);
    expect(
      calApiCalls()
        .filter((exchange) => "x-cal-client-id" in exchange.requestHeaders)
        .map((exchange) => exchange.url),
    ).toEqual([]);
    // The Booker's calls really went out and were recorded: event, slots, reservation, booking.
    const paths = calApiCalls().map((exchange) => `${exchange.method} ${new URL(exchange.url).pathname}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        "GET /v2/atoms/event-types/youth-mentoring/public",
        "GET /v2/slots/available",
        "POST /v2/slots/reserve",
        "POST /v2/bookings",
      ]),
    );
  });

  it("receives neither Ruth’s Cal.com access or refresh token nor the web server’s token in any response", () => {
    expect(exchangesRevealing(traffic, [...hostTokens, webServerToken])).toEqual([]);
    expect(traffic.filter((exchange) => exchange.responseBody !== null).length).toBeGreaterThan(5);
  });

  it("talks only to this site and the Cal.com API: no third-party requests", () => {
    expect(thirdPartyRequests(traffic, [web.url, cal.url])).toEqual([]);
  });

  it("finds every asset the Booker asks this site for, the Cal Video icon included", () => {
    const missing = traffic
      .filter((exchange) => exchange.url.startsWith(`${web.url}/`) && (exchange.status ?? 0) >= 400)
      .map((exchange) => exchange.url);
    expect(missing).toEqual([]);
  });

  it("the host lookup went from the web server to the api, never from the browser", () => {
    expect(traffic.some((exchange) => exchange.url.startsWith(pipeline.baseUrl))).toBe(false);
  });
});
