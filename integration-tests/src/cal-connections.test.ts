// Hosts' own Cal.com accounts connected with OAuth 2.0, end to end over HTTP against the emulator, a
// real Postgres and a real Temporal: connect links, consent, callback, the connect workflow, the
// per-connection webhook, token refresh, "needs reconnect", disconnect, and managed users beside it.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signCalBody } from "@churchhub/api";
import { connectionWebhookUrl } from "@churchhub/contracts";
import { startAndAwaitWorkflow } from "@churchhub/contracts/client";
import { NeedsReconnectError } from "@churchhub/activities";
import {
  allow,
  callback,
  connectAccount,
  createConnectLink,
  openConnectLink,
  operatorKey,
} from "@churchhub/test-support/connect-flow";
import { emulatorBookings } from "@churchhub/test-support/emulator-bookings";
import { linkIn } from "@churchhub/local-stack";
import { readJson, startPipeline, testProtector, type Pipeline } from "@churchhub/test-support/pipeline";
import { waitUntil } from "@churchhub/test-support/wait-until";

const RUTH = 7101;
const SAMUEL = 7102;
const RUTH_EVENT_TYPE = 9101;
const PASTOR_EVENT_TYPE = 9001;

let pipeline: Pipeline;
let key: string;
let offsetMs = 0;
const clock = () => new Date(Date.now() + offsetMs);

beforeAll(async () => {
  // Managed users' bookings reach the platform webhook our code registers, as in production.
  // The staff area on: a host who connects is offered a sign-in by mail.
  pipeline = await startPipeline({ clock, calEmulator: { oauth2: true, platformWebhook: true }, staff: true });
  key = await operatorKey(pipeline);
});
afterAll(async () => {
  await pipeline?.stop();
});

async function connectionOf(calUserId: number) {
  const rows = await pipeline.dataSource.query("SELECT * FROM cal_connections WHERE cal_user_id = $1", [calUserId]);
  return rows[0];
}

async function countRows(sql: string, parameters: unknown[] = []): Promise<number> {
  const [row] = await pipeline.dataSource.query(`SELECT count(*)::int AS n FROM (${sql}) counted`, parameters);
  return row.n;
}

describe("connecting a host’s Cal.com account", () => {
  it("connect link → consent → callback stores the connection and user, registers one webhook, and bookings flow in", async () => {
    const page = await connectAccount(pipeline, key, RUTH);
    expect(page.status).toBe(200);
    expect(page.html).toContain("Your Cal.com account is connected");
    expect(page.html).toContain("http://web.test/book/ruth-mensah");

    const row = await connectionOf(RUTH);
    expect(row).toMatchObject({ status: "connected", username: "ruth-mensah" });
    // Sealed, never the tokens themselves.
    expect(row.access_token_encrypted).toMatch(/^v1\.test\./);
    expect(row.refresh_token_encrypted).toMatch(/^v1\.test\./);
    const [user] = await pipeline.dataSource.query("SELECT id, username, name FROM users WHERE cal_user_id = $1", [
      RUTH,
    ]);
    expect(user.id).toBe(row.user_id);
    expect(pipeline.protector.openText(user.name, "users.name")).toBe("Ruth Mensah");

    const webhooks = pipeline.cal!.emulator.userWebhooks(RUTH);
    expect(webhooks).toHaveLength(1);
    expect(webhooks[0]).toMatchObject({ subscriberUrl: connectionWebhookUrl(pipeline.baseUrl, row.id), active: true });
    expect([...webhooks[0]!.triggers].sort()).toEqual([
      "BOOKING_CANCELLED",
      "BOOKING_CREATED",
      "BOOKING_PAID",
      "BOOKING_PAYMENT_INITIATED",
      "BOOKING_REJECTED",
      "BOOKING_REQUESTED",
      "BOOKING_RESCHEDULED",
    ]);
    expect(row.cal_webhook_id).toBe(webhooks[0]!.id);
    expect(
      await countRows(
        `SELECT 1 FROM audit_logs WHERE trigger_event = 'CONNECTION_CONNECTED' AND source = 'connection' AND user_id = $1`,
        [row.user_id],
      ),
    ).toBe(1);

    // A visitor books Ruth; Cal.com (the emulator) signs the delivery with this connection's secret.
    const uid = await emulatorBookings(pipeline.cal!.running.url).book(RUTH_EVENT_TYPE, {
      name: "Grace Adeyemi",
      email: "grace@example.org",
    });
    const deliveries = await pipeline.cal!.emulator.settleWebhooks();
    const delivery = deliveries.find((entry) => entry.subscriberUrl === connectionWebhookUrl(pipeline.baseUrl, row.id));
    expect(delivery).toMatchObject({ status: 202 });
    const booking = await waitUntil(
      "the booking row",
      async () =>
        (await pipeline.dataSource.query("SELECT uid, status, user_id FROM bookings WHERE uid = $1", [uid]))[0],
    );
    expect(booking).toMatchObject({ status: "accepted", user_id: row.user_id });
    await waitUntil(
      "the audit row",
      async () => (await countRows("SELECT 1 FROM audit_logs WHERE booking_uid = $1", [uid])) === 1,
    );

    // Cal.com's "Ping test" reaches the same URL and is recorded too.
    const ping = await pipeline.cal!.emulator.pingWebhook(webhooks[0]!.id);
    expect(ping.status).toBe(202);
  });

  it("offers the host the staff area: a host account linked to their Cal.com user, a sign-in link mailed to their Cal.com address", async () => {
    const ruth = pipeline.cal!.emulator.fixtures.ordinaryAccounts.find((account) => account.id === RUTH)!;
    const accounts = () =>
      pipeline.dataSource.query("SELECT email, role, cal_user_id FROM staff_users WHERE cal_user_id = $1", [RUTH]);
    // The first test connected Ruth: her account exists, linked to her Cal.com user, and the page said so.
    expect(await accounts()).toEqual([{ email: ruth.email, role: "host", cal_user_id: RUTH }]);
    const mail = await pipeline.staff!.inbox.waitForLatest(ruth.email);
    const link = new URL(linkIn(mail, "/staff/auth/magic-link/verify"));

    // The link signs her in (straight at the api, as the web server's route handler would pass it on).
    const signedIn = await fetch(`${pipeline.baseUrl}${link.pathname}${link.search}`, { redirect: "manual" });
    const cookie = signedIn.headers
      .getSetCookie()
      .map((header) => header.split(";")[0]!)
      .find((pair) => pair.startsWith("churchhub-staff.session_token=") && !pair.endsWith("="));
    expect(cookie).toBeDefined();
    const session = await readJson(await fetch(`${pipeline.baseUrl}/staff/session`, { headers: { cookie: cookie! } }));
    expect(session.person).toMatchObject({ email: ruth.email, role: "host", calUserId: RUTH });
  });

  it("reconnecting the same account keeps one connection and one webhook subscription", async () => {
    const before = await connectionOf(RUTH);
    const sentAt = new Date();
    const page = await connectAccount(pipeline, key, RUTH);
    expect(page.status).toBe(200);
    expect(page.html).toContain("connected again");
    // The same staff account, and a fresh sign-in link mailed to it; the page says where it went.
    expect(page.html).toContain("emailed a one-time sign-in link to the address of your Cal.com account");
    expect(page.html).not.toContain("/staff/auth/magic-link/verify");
    const staffAccounts = await pipeline.dataSource.query("SELECT email FROM staff_users WHERE cal_user_id = $1", [
      RUTH,
    ]);
    expect(staffAccounts).toHaveLength(1);
    const mail = await pipeline.staff!.inbox.waitForLatest(staffAccounts[0].email, { after: sentAt });
    expect(new Date(mail.date).getTime()).toBeGreaterThanOrEqual(sentAt.getTime() - 1000);
    expect(await countRows("SELECT 1 FROM cal_connections WHERE cal_user_id = $1", [RUTH])).toBe(1);
    const after = await connectionOf(RUTH);
    expect(after.id).toBe(before.id);
    expect(pipeline.cal!.emulator.userWebhooks(RUTH)).toHaveLength(1);
    expect(after.access_token_encrypted).not.toBe(before.access_token_encrypted);
    expect(
      await countRows(`SELECT 1 FROM audit_logs WHERE trigger_event = 'CONNECTION_RECONNECTED' AND user_id = $1`, [
        after.user_id,
      ]),
    ).toBe(1);
  });
});

describe("a connection whose webhook secret can no longer be opened (its key was removed)", () => {
  it("gets a fresh secret on reconnect, and deliveries verify with it", async () => {
    const ruth = await connectionOf(RUTH);
    const foreign = testProtector("gone").cipher.encrypt("an old secret", "cal_connections.webhook_secret");
    await pipeline.dataSource.query("UPDATE cal_connections SET webhook_secret_encrypted = $2 WHERE id = $1", [
      ruth.id,
      foreign,
    ]);
    expect((await connectAccount(pipeline, key, RUTH)).status).toBe(200);
    const secret = await pipeline.oauth2!.connections.webhookSecret(ruth.id);
    expect(pipeline.cal!.emulator.userWebhooks(RUTH)[0]!.secret).toBe(secret);
    const raw = JSON.stringify({ triggerEvent: "PING", createdAt: new Date().toISOString(), payload: {} });
    const response = await fetch(connectionWebhookUrl(pipeline.baseUrl, ruth.id), {
      method: "POST",
      headers: { "content-type": "application/json", "x-cal-signature-256": signCalBody(raw, secret) },
      body: raw,
    });
    expect(response.status).toBe(202);
  });
});

describe("the callback refuses what is not the rightful browser’s one fresh answer, and stores nothing", () => {
  async function storedState() {
    return {
      connections: await countRows("SELECT 1 FROM cal_connections"),
      usedAttempts: await countRows("SELECT 1 FROM cal_connect_attempts WHERE used_at IS NOT NULL"),
      usedLinks: await countRows("SELECT 1 FROM cal_connect_links WHERE used_at IS NOT NULL"),
    };
  }

  it("a tampered state", async () => {
    const link = await createConnectLink(pipeline, key);
    const opened = await openConnectLink(link.url);
    const answer = await allow(opened.consent, SAMUEL);
    const before = await storedState();
    const state = answer.searchParams.get("state")!;
    const [body, signature] = state.split(".");
    const forged = JSON.parse(Buffer.from(body!, "base64url").toString());
    forged.e += 3600;
    answer.searchParams.set("state", `${Buffer.from(JSON.stringify(forged)).toString("base64url")}.${signature}`);
    const page = await callback(answer, opened.browser);
    expect(page.status).toBe(400);
    expect(page.html).toContain("not one of ours");
    expect(await storedState()).toEqual(before);
  });

  it("an answer from another browser (no cookie, or another one), while the rightful browser can still finish", async () => {
    const link = await createConnectLink(pipeline, key);
    const opened = await openConnectLink(link.url);
    const elsewhere = await openConnectLink((await createConnectLink(pipeline, key)).url);
    const answer = await allow(opened.consent, SAMUEL);
    const before = await storedState();
    for (const browser of [{ cookie: null }, elsewhere.browser]) {
      const page = await callback(answer, browser);
      expect(page.status).toBe(400);
      expect(page.html).toContain("another browser");
    }
    expect(await storedState()).toEqual(before);
    const rightful = await callback(answer, opened.browser);
    expect(rightful.status).toBe(200);
    expect((await connectionOf(SAMUEL)).status).toBe("connected");
  });

  it("a replayed answer, and a spent link", async () => {
    const link = await createConnectLink(pipeline, key);
    const opened = await openConnectLink(link.url);
    const answer = await allow(opened.consent, SAMUEL);
    expect((await callback(answer, opened.browser)).status).toBe(200);
    const before = await storedState();
    const replay = await callback(answer, opened.browser);
    expect(replay.status).toBe(400);
    expect(replay.html).toContain("already been used");
    const again = await fetch(link.url, { redirect: "manual" });
    expect(again.status).toBe(404);
    expect(await storedState()).toEqual(before);
  });

  it("an expired state", async () => {
    const link = await createConnectLink(pipeline, key);
    const opened = await openConnectLink(link.url);
    const answer = await allow(opened.consent, SAMUEL);
    const before = await storedState();
    offsetMs += 16 * 60_000;
    try {
      const page = await callback(answer, opened.browser);
      expect(page.status).toBe(400);
      expect(page.html).toContain("expired");
    } finally {
      offsetMs -= 16 * 60_000;
    }
    expect(await storedState()).toEqual(before);
  });

  it("a reused authorization code: Cal.com refuses it, nothing changes", async () => {
    const first = await openConnectLink((await createConnectLink(pipeline, key)).url);
    const usedAnswer = await allow(first.consent, SAMUEL);
    expect((await callback(usedAnswer, first.browser)).status).toBe(200);
    const connectionBefore = await connectionOf(SAMUEL);
    // A fresh attempt (valid state, this browser) carrying the code already exchanged.
    const second = await openConnectLink((await createConnectLink(pipeline, key)).url, first.browser);
    const forged = new URL(usedAnswer);
    forged.searchParams.set("state", second.consent.state!);
    const page = await callback(forged, second.browser);
    expect(page.status).toBe(502);
    expect(page.html).toContain("did not accept");
    const connectionAfter = await connectionOf(SAMUEL);
    expect(connectionAfter.access_token_encrypted).toBe(connectionBefore.access_token_encrypted);
    expect(await countRows(`SELECT 1 FROM cal_connect_attempts WHERE outcome = 'failed'`)).toBeGreaterThanOrEqual(1);
  });

  it("access denied on the consent page", async () => {
    const opened = await openConnectLink((await createConnectLink(pipeline, key)).url);
    const { answerConsent } = await import("@churchhub/cal-emulator/test-support");
    const denied = await answerConsent(opened.consent, { decision: "deny", accountId: SAMUEL });
    const before = await storedState();
    const page = await callback(denied, opened.browser);
    expect(page.status).toBe(400);
    expect(page.html).toContain("not allowed");
    expect(await storedState()).toEqual(before);
  });

  it("a link that never existed", async () => {
    const response = await fetch(`${pipeline.baseUrl}/connect/cal/${"x".repeat(43)}`, { redirect: "manual" });
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("cannot be used");
  });
});

describe("deliveries to a connection’s URL", () => {
  const body = { triggerEvent: "PING", createdAt: new Date().toISOString(), payload: { triggerEvent: "PING" } };

  it("are refused when signed with another connection’s secret (401) or sent to an unknown connection (404)", async () => {
    const ruth = await connectionOf(RUTH);
    const samuel = await connectionOf(SAMUEL);
    const raw = JSON.stringify(body);
    const ruthSecret = await pipeline.oauth2!.connections.webhookSecret(ruth.id);
    const post = (url: string, signature: string) =>
      fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-cal-signature-256": signature },
        body: raw,
      });

    expect((await post(connectionWebhookUrl(pipeline.baseUrl, ruth.id), signCalBody(raw, ruthSecret))).status).toBe(
      202,
    );
    expect((await post(connectionWebhookUrl(pipeline.baseUrl, samuel.id), signCalBody(raw, ruthSecret))).status).toBe(
      401,
    );
    expect(
      (await post(connectionWebhookUrl(pipeline.baseUrl, samuel.id), signCalBody(raw, pipeline.secret))).status,
    ).toBe(401);
    expect(
      (await post(connectionWebhookUrl(pipeline.baseUrl, randomUUID()), signCalBody(raw, ruthSecret))).status,
    ).toBe(404);
    expect(
      (await post(`${pipeline.baseUrl}/webhooks/cal/connections/not-a-uuid`, signCalBody(raw, ruthSecret))).status,
    ).toBe(404);
  });
});

describe("tokens", () => {
  it("an expired access token is refreshed once under 20 concurrent uses, and the rotated refresh token is stored", async () => {
    const ruth = await connectionOf(RUTH);
    const emulator = pipeline.cal!.emulator;
    const refreshesBefore = emulator.callCount("POST /v2/auth/oauth2/token");
    offsetMs += 31 * 60_000;
    try {
      const results = await Promise.all(
        Array.from({ length: 20 }, () => pipeline.oauth2!.tokenKeeper.freshAccessToken(ruth.id)),
      );
      expect(emulator.callCount("POST /v2/auth/oauth2/token") - refreshesBefore).toBe(1);
      expect(results.filter((result) => result.outcome === "refreshed")).toHaveLength(1);
      expect(new Set(results.map((result) => result.accessToken)).size).toBe(1);
      // The new token works at Cal.com, and what we stored is the successor.
      const me = await fetch(`${pipeline.cal!.running.url}/me`, {
        headers: { authorization: `Bearer ${results[0]!.accessToken}` },
      });
      expect(me.status).toBe(200);
      const refreshed = await connectionOf(RUTH);
      expect(refreshed.refresh_token_encrypted).not.toBe(ruth.refresh_token_encrypted);
    } finally {
      offsetMs -= 31 * 60_000;
    }
  });

  it('a refresh token Cal.com revoked marks the connection "needs reconnect", once, with no retry storm', async () => {
    const samuel = await connectionOf(SAMUEL);
    const stored = await pipeline.oauth2!.connections.withConnectionLock(samuel.id, (locked) => locked.read());
    expect(pipeline.cal!.emulator.revokeOAuth2RefreshToken(stored!.tokens!.refreshToken)).toBe(true);
    const emulator = pipeline.cal!.emulator;
    const callsBefore = emulator.callCount("POST /v2/auth/oauth2/token");
    offsetMs += 31 * 60_000;
    try {
      const outcomes = await Promise.allSettled(
        Array.from({ length: 10 }, () => pipeline.oauth2!.tokenKeeper.freshAccessToken(samuel.id)),
      );
      expect(
        outcomes.every((outcome) => outcome.status === "rejected" && outcome.reason instanceof NeedsReconnectError),
      ).toBe(true);
      expect(emulator.callCount("POST /v2/auth/oauth2/token") - callsBefore).toBe(1);
    } finally {
      offsetMs -= 31 * 60_000;
    }
    const after = await connectionOf(SAMUEL);
    expect(after).toMatchObject({
      status: "needs_reconnect",
      access_token_encrypted: null,
      refresh_token_encrypted: null,
    });
    // Audited once, by the system, as the worker wires it (the refusal is noticed before any throw returns).
    const audits = await pipeline.dataSource.query(
      `SELECT payload FROM audit_logs WHERE trigger_event = 'CONNECTION_NEEDS_RECONNECT' AND source = 'connection' AND user_id = $1`,
      [samuel.user_id],
    );
    expect(audits).toHaveLength(1);
    expect(JSON.parse(pipeline.protector.cipher.decrypt(audits[0].payload, "audit_logs.payload"))).toMatchObject({
      connectionId: samuel.id,
      username: "samuel-osei",
      action: "needs_reconnect",
      by: "system",
    });

    // Visible to operators: the connections endpoint and the metrics.
    const listed = await readJson(
      await fetch(`${pipeline.baseUrl}/connections/cal`, { headers: { authorization: `Bearer ${key}` } }),
    );
    expect(listed.connections.find((connection: { id: string }) => connection.id === samuel.id)).toMatchObject({
      status: "needs_reconnect",
      username: "samuel-osei",
    });
    const metrics = await (
      await fetch(`${pipeline.baseUrl}/metrics`, { headers: { authorization: `Bearer ${key}` } })
    ).text();
    expect(metrics).toMatch(/churchhub_cal_connections\{status="needs_reconnect"\} 1/);

    // Reconciliation passes it over without failing, and still reconciles the others.
    const result = await startAndAwaitWorkflow(
      pipeline.client,
      "reconcileBookingsWorkflow",
      { taskQueue: pipeline.taskQueue, workflowId: `reconcile-${randomUUID()}`, args: [{ lookbackMinutes: 60 }] },
      60_000,
    );
    expect(result).toMatchObject({ needsReconnect: 1, failedSources: 0 });

    // Connecting again brings it back.
    expect((await connectAccount(pipeline, key, SAMUEL)).status).toBe(200);
    expect((await connectionOf(SAMUEL)).status).toBe("connected");
  });
});

describe("reconciliation of connected accounts", () => {
  it("finds a booking whose webhook was lost, reading the account with its own token", async () => {
    const emulator = pipeline.cal!.emulator;
    const ruth = await connectionOf(RUTH);
    const [webhook] = emulator.userWebhooks(RUTH);
    // The delivery is lost: the subscription is switched off at Cal.com for this one booking.
    await fetch(`${pipeline.cal!.running.url}/webhooks/${webhook!.id}`, {
      method: "PATCH",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${(await pipeline.oauth2!.tokenKeeper.freshAccessToken(ruth.id)).accessToken}`,
      },
      body: JSON.stringify({ active: false }),
    });
    const uid = await emulatorBookings(pipeline.cal!.running.url).book(
      RUTH_EVENT_TYPE,
      { name: "Kofi Boateng", email: "kofi@example.org" },
      1,
    );
    await emulator.settleWebhooks();
    expect(await countRows("SELECT 1 FROM bookings WHERE uid = $1", [uid])).toBe(0);

    const result = await startAndAwaitWorkflow(
      pipeline.client,
      "reconcileBookingsWorkflow",
      { taskQueue: pipeline.taskQueue, workflowId: `reconcile-${randomUUID()}`, args: [{ lookbackMinutes: 60 }] },
      60_000,
    );
    expect(result.reconciled).toBeGreaterThanOrEqual(1);
    expect(await countRows(`SELECT 1 FROM bookings WHERE uid = $1`, [uid])).toBe(1);
    expect(await countRows(`SELECT 1 FROM audit_logs WHERE booking_uid = $1 AND source = 'reconciled'`, [uid])).toBe(1);
  });
});

describe("both modes in one stack", () => {
  it("a managed user’s booking arrives on the platform webhook and a connected host’s on its own URL", async () => {
    const bookings = emulatorBookings(pipeline.cal!.running.url);
    const ruth = await connectionOf(RUTH);
    const emulator = pipeline.cal!.emulator;
    // Ruth's subscription was switched off by the reconciliation test: registering again restores it.
    expect((await connectAccount(pipeline, key, RUTH)).status).toBe(200);
    const managedUid = await bookings.book(PASTOR_EVENT_TYPE, { name: "Esther Nwosu", email: "esther@example.org" });
    const connectedUid = await bookings.book(
      RUTH_EVENT_TYPE,
      { name: "Daniel Asante", email: "daniel@example.org" },
      2,
    );
    const deliveries = await emulator.settleWebhooks();
    const to = (uid: string) =>
      deliveries
        .filter((delivery) => delivery.body.includes(uid))
        .map((delivery) => new URL(delivery.subscriberUrl).pathname);
    expect(to(managedUid)).toEqual(["/webhooks/cal"]);
    expect(to(connectedUid)).toEqual([new URL(connectionWebhookUrl(pipeline.baseUrl, ruth.id)).pathname]);
    for (const uid of [managedUid, connectedUid]) {
      await waitUntil(
        `booking ${uid}`,
        async () => (await countRows("SELECT 1 FROM bookings WHERE uid = $1", [uid])) === 1,
      );
    }

    // The booking page's server finds both kinds of host, each with its own Atoms provider.
    const hosts = async (username: string) =>
      readJson(
        await fetch(`${pipeline.baseUrl}/hosts/${username}`, {
          headers: { authorization: `Bearer ${pipeline.webServerToken}` },
        }),
      );
    expect(await hosts("ruth-mensah")).toMatchObject({
      username: "ruth-mensah",
      name: "Ruth Mensah",
      calProvider: "oauth2",
      calClientId: pipeline.oauth2!.clientId,
    });
    const managed = emulator.fixtures.managedUsers[0]!;
    expect(await hosts(managed.username)).toMatchObject({
      calProvider: "platform",
      calClientId: pipeline.cal!.clientId,
    });
  });
});

describe("the host disconnects from their private link", () => {
  const manageLinkOf = (html: string) => /href="([^"]*\/connect\/cal\/manage\/[^"]+)"/.exec(html)?.[1];

  it("only the newest link works; it shows the connection, and its form disconnects (webhook deleted, tokens forgotten, bookings kept)", async () => {
    const first = manageLinkOf((await connectAccount(pipeline, key, SAMUEL)).html);
    const page = await connectAccount(pipeline, key, SAMUEL);
    const manage = manageLinkOf(page.html);
    expect(first).toBeDefined();
    expect(manage).toBeDefined();
    expect((await fetch(first!)).status).toBe(404);

    const shown = await fetch(manage!);
    expect(shown.status).toBe(200);
    const html = await shown.text();
    expect(html).toContain("samuel-osei");
    expect(html).toContain('<form method="post"');

    const samuel = await connectionOf(SAMUEL);
    const done = await fetch(manage!, { method: "POST" });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain("disconnected");
    expect(pipeline.cal!.emulator.userWebhooks(SAMUEL)).toHaveLength(0);
    expect(await connectionOf(SAMUEL)).toMatchObject({
      status: "disconnected",
      access_token_encrypted: null,
      refresh_token_encrypted: null,
      host_token_hash: null,
    });
    const [audit] = await pipeline.dataSource.query(
      `SELECT payload FROM audit_logs WHERE trigger_event = 'CONNECTION_DISCONNECTED' AND user_id = $1`,
      [samuel.user_id],
    );
    expect(pipeline.protector.cipher.decrypt(audit.payload, "audit_logs.payload")).toContain('"by":"host"');
    // Spent with the connection.
    expect((await fetch(manage!, { method: "POST" })).status).toBe(404);
  });
});

describe("disconnecting", () => {
  it("deletes the subscription at Cal.com, forgets the tokens, keeps bookings and audit history, and refuses later deliveries (410)", async () => {
    const ruth = await connectionOf(RUTH);
    const bookingsBefore = await countRows("SELECT 1 FROM bookings WHERE user_id = $1", [ruth.user_id]);
    expect(bookingsBefore).toBeGreaterThan(0);
    const response = await fetch(`${pipeline.baseUrl}/connections/cal/${ruth.id}/disconnect`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}` },
    });
    expect(response.status).toBe(200);
    expect(await readJson(response)).toMatchObject({ status: "disconnected", webhookRemoved: true });

    expect(pipeline.cal!.emulator.userWebhooks(RUTH)).toHaveLength(0);
    const after = await connectionOf(RUTH);
    expect(after).toMatchObject({
      status: "disconnected",
      access_token_encrypted: null,
      refresh_token_encrypted: null,
      cal_webhook_id: null,
    });
    expect(await countRows("SELECT 1 FROM bookings WHERE user_id = $1", [ruth.user_id])).toBe(bookingsBefore);
    expect(
      await countRows(`SELECT 1 FROM audit_logs WHERE trigger_event = 'CONNECTION_DISCONNECTED' AND user_id = $1`, [
        ruth.user_id,
      ]),
    ).toBe(1);

    const raw = JSON.stringify({ triggerEvent: "PING", createdAt: new Date().toISOString(), payload: {} });
    const secret = await pipeline.oauth2!.connections.webhookSecret(ruth.id);
    const late = await fetch(connectionWebhookUrl(pipeline.baseUrl, ruth.id), {
      method: "POST",
      headers: { "content-type": "application/json", "x-cal-signature-256": signCalBody(raw, secret) },
      body: raw,
    });
    expect(late.status).toBe(410);
    // The host is no longer bookable here.
    const host = await fetch(`${pipeline.baseUrl}/hosts/ruth-mensah`, {
      headers: { authorization: `Bearer ${pipeline.webServerToken}` },
    });
    expect(host.status).toBe(404);
  });

  it("needs an operator", async () => {
    const ruth = await connectionOf(RUTH);
    expect((await fetch(`${pipeline.baseUrl}/connections/cal/${ruth.id}/disconnect`, { method: "POST" })).status).toBe(
      401,
    );
    expect((await fetch(`${pipeline.baseUrl}/connections/cal/links`, { method: "POST" })).status).toBe(401);
    expect((await fetch(`${pipeline.baseUrl}/connections/cal`)).status).toBe(401);
  });
});
