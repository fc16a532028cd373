// A host connects their own Cal.com account in a real browser and a visitor then books them, with the
// real api, Temporal worker and Postgres, the built web app and the Cal.com emulator: the operator's
// connect link → Cal.com's consent page → our callback → connection, user and webhook → the host's
// booking page → the emulator's signed delivery on the connection's own URL → booking, user and audit rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { signCalBody } from "@churchhub/api";
import { connectionWebhookUrl } from "@churchhub/contracts";
import { freePort } from "@churchhub/local-stack";
import { startPipeline, type Pipeline } from "@churchhub/test-support/pipeline";
import { createConnectLink, operatorKey } from "@churchhub/test-support/connect-flow";
import { bookFirstSlot } from "./support/booker-page.js";
import { STACK_START_TIMEOUT_MS } from "./support/booking-stack.js";
import { launchChromium } from "./support/chromium.js";
import {
  exchangesRevealing,
  recordPageTraffic,
  requestsWithAuthorization,
  type PageTraffic,
} from "./support/page-traffic.js";
import { waitUntil } from "@churchhub/test-support/wait-until";
import { buildWebAppOnce, startWebApp, type RunningWebApp } from "./support/web-app.js";

const ruth = { calUserId: 7101, username: "ruth-mensah", name: "Ruth Mensah", eventTypeTitle: "Youth mentoring" };
const visitor = { name: "Ama Visitor", email: `ama.visitor+${Date.now()}@example.org` };

describe("a host connects their own Cal.com account in the browser, and is booked on their page", () => {
  let pipeline: Pipeline;
  let web: RunningWebApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let traffic: PageTraffic;
  let connectLink: { id: string; url: string; expiresAt: string };
  let bookingPageUrl: string;
  let connection: { id: string; user_id: string; status: string; username: string };
  let bookingUid: string;
  let bookedStart: string;

  beforeAll(async () => {
    await buildWebAppOnce();
    // The api links a newly connected host to their booking page, so the web app's address comes first.
    const webPort = await freePort();
    const webUrl = `http://127.0.0.1:${webPort}`;
    pipeline = await startPipeline({ calEmulator: { oauth2: true }, webPublicUrl: webUrl });
    web = await startWebApp({ apiUrl: pipeline.baseUrl, webServerToken: pipeline.webServerToken, port: webPort });
    bookingPageUrl = `${webUrl}/book/${ruth.username}`;

    // The operator makes a one-time link for Ruth (operator key, over HTTP) and sends it to her.
    connectLink = await createConnectLink(pipeline, await operatorKey(pipeline), "Ruth (youth)");

    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    traffic = recordPageTraffic(page);
  }, STACK_START_TIMEOUT_MS);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await web?.stop();
    await pipeline?.stop();
  });

  const cal = () => pipeline.cal!;

  it("sends the host from the connect link to Cal.com’s consent page for our confidential OAuth 2.0 client, with state and no PKCE", async () => {
    await page.goto(connectLink.url);
    await page.getByRole("heading", { level: 1 }).waitFor();
    const consent = new URL(page.url());
    expect(`${consent.origin}${consent.pathname}`).toBe(`${cal().running.origin}/auth/oauth2/authorize`);
    // A confidential client proves itself with its secret at the exchange; a PKCE challenge here would
    // make Cal.com require a verifier there, which it refuses beside the secret.
    expect(Object.fromEntries(consent.searchParams)).toEqual({
      client_id: pipeline.oauth2!.clientId,
      redirect_uri: `${pipeline.baseUrl}/oauth/cal/callback`,
      scope: "BOOKING_READ PROFILE_READ",
      state: expect.stringMatching(/^[\w-]+\.[\w-]+$/),
    });
    await expect(page.getByRole("heading", { level: 1 }).innerText()).resolves.toContain(
      "would like to access your Cal.com account",
    );
  });

  it("after Ruth allows access, our page says her account is connected and links to her booking page", async () => {
    await page.getByLabel("Cal.com account").selectOption(String(ruth.calUserId));
    await page.getByRole("button", { name: "Allow" }).click();
    // The callback waits for the connect workflow (exchange, profile, user, webhook) before answering.
    await page.waitForURL((url) => url.href.startsWith(`${pipeline.baseUrl}/oauth/cal/callback?`), { timeout: 30_000 });
    await expect(page.getByRole("heading", { level: 1 }).innerText()).resolves.toBe(
      "Your Cal.com account is connected",
    );
    await expect(page.locator("main").innerText()).resolves.toContain(
      `bookings of the Cal.com account ${ruth.username}`,
    );
    const bookingLink = page.getByRole("link", { name: bookingPageUrl });
    await expect(bookingLink.getAttribute("href")).resolves.toBe(bookingPageUrl);
  });

  it("stores her connection (tokens sealed) and her user, and spends the link", async () => {
    const rows = await pipeline.dataSource.query("SELECT * FROM cal_connections WHERE cal_user_id = $1", [
      ruth.calUserId,
    ]);
    expect(rows).toHaveLength(1);
    connection = rows[0];
    expect(connection).toMatchObject({ status: "connected", username: ruth.username });
    expect(rows[0].access_token_encrypted).toMatch(/^v1\.test\./);
    expect(rows[0].refresh_token_encrypted).toMatch(/^v1\.test\./);

    const users = await pipeline.dataSource.query("SELECT id, username, name FROM users WHERE cal_user_id = $1", [
      ruth.calUserId,
    ]);
    expect(users).toHaveLength(1);
    expect(users[0].id).toBe(connection.user_id);
    expect(pipeline.protector.openText(users[0].name, "users.name")).toBe(ruth.name);

    const [link] = await pipeline.dataSource.query(
      "SELECT used_at, connection_id FROM cal_connect_links WHERE id = $1",
      [connectLink.id],
    );
    expect(link.used_at).not.toBeNull();
    expect(link.connection_id).toBe(connection.id);
  });

  it("registers one webhook on her Cal.com account, to this connection’s own URL", () => {
    const webhooks = cal().emulator.userWebhooks(ruth.calUserId);
    expect(webhooks).toHaveLength(1);
    expect(webhooks[0]).toMatchObject({
      subscriberUrl: connectionWebhookUrl(pipeline.baseUrl, connection.id),
      active: true,
    });
    expect(webhooks[0]!.triggers).toEqual(
      expect.arrayContaining(["BOOKING_CREATED", "BOOKING_CANCELLED", "BOOKING_RESCHEDULED"]),
    );
  });

  it("takes a visitor from that link to her booking page, where they book her", async () => {
    await page.getByRole("link", { name: bookingPageUrl }).click();
    await page.waitForURL(bookingPageUrl);
    bookedStart = await bookFirstSlot(page, visitor);
    const confirmation = await page.getByTestId("booking-confirmed").innerText();
    expect(confirmation).toContain(ruth.name);
    expect(confirmation).toContain(ruth.eventTypeTitle);

    const created = (await traffic.settled()).find(
      (exchange) => exchange.method === "POST" && exchange.url === `${cal().running.url}/bookings`,
    );
    bookingUid = (JSON.parse(created?.responseBody ?? "{}") as { data?: { uid?: string } }).data?.uid ?? "";
    expect(bookingUid).not.toBe("");
    // The page used the atoms' OAuth 2.0 provider for her: it checked our OAuth 2.0 client, not a Platform one.
    const checks = traffic.exchanges.filter((exchange) =>
      exchange.url.startsWith(`${cal().running.url}/atoms/auth/oauth2/clients/`),
    );
    expect(checks.map((exchange) => exchange.url)).toContain(
      `${cal().running.url}/atoms/auth/oauth2/clients/${pipeline.oauth2!.clientId}`,
    );
  });

  it("gets Cal.com’s delivery of the booking on the connection’s URL, signed with that connection’s secret, and accepts it", async () => {
    const connectionUrl = connectionWebhookUrl(pipeline.baseUrl, connection.id);
    const delivery = await waitUntil("the BOOKING_CREATED delivery to the connection to be answered", async () =>
      (await cal().emulator.settleWebhooks()).find(
        (entry) =>
          entry.subscriberUrl === connectionUrl &&
          entry.triggerEvent === "BOOKING_CREATED" &&
          entry.body.includes(bookingUid) &&
          entry.status !== undefined,
      ),
    );
    expect(delivery.status).toBe(202);
    const secret = await pipeline.oauth2!.connections.webhookSecret(connection.id);
    expect(delivery.signature).toBe(signCalBody(delivery.body, secret));
    expect(delivery.signature).not.toBe(signCalBody(delivery.body, pipeline.secret));
  });

  it("records the booking under Ruth, her single user row and an audit entry in Postgres", async () => {
    const audit = await waitUntil(
      "an audit entry for the booking",
      async () => {
        const entries = await pipeline.reader.auditTrail(bookingUid);
        return entries.length > 0 ? entries : null;
      },
      { timeoutMs: 60_000 },
    );
    expect(audit.map((entry) => entry.triggerEvent)).toContain("BOOKING_CREATED");

    const [booking] = await pipeline.dataSource.query("SELECT uid, status, user_id FROM bookings WHERE uid = $1", [
      bookingUid,
    ]);
    expect(booking).toMatchObject({ status: "accepted", user_id: connection.user_id });
    const read = await pipeline.reader.findByUid(bookingUid);
    expect(read?.startTime.toISOString()).toBe(new Date(bookedStart).toISOString());
    expect(read?.attendees.map((attendee) => attendee.email)).toEqual([visitor.email]);
    expect(read?.organizer?.calUserId).toBe(ruth.calUserId);

    const [counts] = await pipeline.dataSource.query(
      `SELECT (SELECT count(*) FROM users WHERE cal_user_id = $1)::int AS users,
              (SELECT count(*) FROM audit_logs WHERE booking_uid = $2)::int AS audits`,
      [ruth.calUserId, bookingUid],
    );
    expect(counts).toEqual({ users: 1, audits: 1 });
  });

  it("never shows the browser Ruth’s Cal.com tokens, at any step of the journey", async () => {
    const exchanges = await traffic.settled();
    const tokens = [
      ...cal().emulator.state.oauth2AccessTokens.keys(),
      ...cal().emulator.state.oauth2RefreshTokens.keys(),
    ];
    expect(tokens.length).toBeGreaterThanOrEqual(2);
    expect(exchangesRevealing(exchanges, tokens)).toEqual([]);
    expect(requestsWithAuthorization(exchanges)).toEqual([]);
  });
});
