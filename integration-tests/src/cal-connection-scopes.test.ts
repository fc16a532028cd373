// Connecting against Cal.com's two readings of what /v2/webhooks needs from an OAuth token, and both client
// types, end to end against the emulator (which refuses client_secret + code_verifier and enforces scopes):
// - webhooks gated on WEBHOOK_READ/WEBHOOK_WRITE (or closed to OAuth tokens) and we ask only BOOKING_READ
//   PROFILE_READ: the connection
//   stays, marked "missing_scope" (operator endpoint, metric, audit, callback page), and the frequent
//   reconciliation schedule brings its bookings into Postgres anyway;
// - the same Cal.com with the webhook scopes on the client and asked for: the webhook is registered;
// - a public client: PKCE on the authorize request and at the exchange, no secret.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureReconciliationSchedule } from "@churchhub/worker";
import { connectAccount, createConnectLink, openConnectLink, operatorKey } from "@churchhub/test-support/connect-flow";
import { emulatorBookings } from "@churchhub/test-support/emulator-bookings";
import { readJson, startPipeline, type Pipeline } from "@churchhub/test-support/pipeline";

const RUTH = 7101;
const RUTH_EVENT_TYPE = 9101;

async function waitFor<T>(probe: () => Promise<T | undefined | null | false>, what: string): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function connectionRow(pipeline: Pipeline, calUserId: number) {
  const [row] = await pipeline.dataSource.query("SELECT * FROM cal_connections WHERE cal_user_id = $1", [calUserId]);
  return row;
}

async function metricsText(pipeline: Pipeline, key: string): Promise<string> {
  return (await fetch(`${pipeline.baseUrl}/metrics`, { headers: { authorization: `Bearer ${key}` } })).text();
}

// "webhook-scopes": WEBHOOK_READ/WEBHOOK_WRITE gate /v2/webhooks; "unavailable": no OAuth token may use it.
describe.each(["webhook-scopes", "unavailable"] as const)(
  "Cal.com refuses /v2/webhooks to our token (%s)",
  (reading) => {
    let pipeline: Pipeline;
    let key: string;
    let page: { status: number; html: string };

    beforeAll(async () => {
      pipeline = await startPipeline({
        calEmulator: {
          oauth2: true,
          fixtures: (fixtures) => {
            fixtures.webhookScopeReading = reading;
          },
        },
      });
      key = await operatorKey(pipeline);
      page = await connectAccount(pipeline, key, RUTH);
    });
    afterAll(async () => {
      await pipeline?.stop();
    });

    it("connects anyway, and the callback page says which scopes to add to the OAuth client and to reconnect", () => {
      expect(page.status).toBe(200);
      expect(page.html).toContain("Your Cal.com account is connected");
      expect(page.html).toContain("the OAuth client is missing the scopes WEBHOOK_READ and WEBHOOK_WRITE");
      expect(page.html).toContain("connect again with a new connect link");
    });

    it("marks the connection for operators: endpoint, metric and one audit entry; Cal.com holds no webhook of ours", async () => {
      const row = await connectionRow(pipeline, RUTH);
      expect(row).toMatchObject({ status: "connected", webhook_status: "missing_scope", cal_webhook_id: null });
      const listed = await readJson(
        await fetch(`${pipeline.baseUrl}/connections/cal`, { headers: { authorization: `Bearer ${key}` } }),
      );
      expect(listed.connections).toEqual([
        expect.objectContaining({
          id: row.id,
          status: "connected",
          webhookStatus: "missing_scope",
          webhookRegistered: false,
        }),
      ]);
      expect(await metricsText(pipeline, key)).toMatch(/^churchhub_cal_connections_without_webhook 1$/m);
      const audits = await pipeline.dataSource.query(
        "SELECT payload FROM audit_logs WHERE trigger_event = 'CONNECTION_WEBHOOK_REFUSED' AND user_id = $1",
        [row.user_id],
      );
      expect(audits).toHaveLength(1);
      expect(pipeline.protector.openJson(audits[0].payload, "audit_logs.payload")).toMatchObject({
        connectionId: row.id,
        reason: "missing_scope",
        refusedBy: "list webhooks",
      });
      expect(pipeline.cal!.emulator.userWebhooks(RUTH)).toEqual([]);
    });

    it("its bookings reach Postgres through the frequent reconciliation schedule of accounts without a webhook", async () => {
      const uid = await emulatorBookings(pipeline.cal!.running.url).book(RUTH_EVENT_TYPE, {
        name: "Efua Owusu",
        email: "efua@example.org",
      });
      const scheduleId = `reconcile-without-webhook-${randomUUID()}`;
      await ensureReconciliationSchedule(pipeline.client, {
        taskQueue: pipeline.taskQueue,
        scheduleId,
        everyMinutes: 2,
        lookbackMinutes: 10,
        withoutWebhookOnly: true,
      });
      const schedule = pipeline.client.schedule.getHandle(scheduleId);
      try {
        const described = await schedule.describe();
        expect(described.spec.intervals?.[0]?.every).toBe(2 * 60_000);
        expect(described.action).toMatchObject({ args: [{ lookbackMinutes: 10, withoutWebhookOnly: true }] });
        await schedule.trigger();
        const row = await waitFor(
          async () =>
            (await pipeline.dataSource.query("SELECT status, user_id FROM bookings WHERE uid = $1", [uid]))[0],
          "the polled booking",
        );
        expect(row).toMatchObject({ status: "accepted", user_id: (await connectionRow(pipeline, RUTH)).user_id });
        const [audit] = await pipeline.dataSource.query("SELECT source FROM audit_logs WHERE booking_uid = $1", [uid]);
        expect(audit).toEqual({ source: "reconciled" });
      } finally {
        await schedule.delete();
      }
    });
  },
);

describe("the same Cal.com, with WEBHOOK_READ WEBHOOK_WRITE registered on the client and asked for", () => {
  let pipeline: Pipeline;

  beforeAll(async () => {
    pipeline = await startPipeline({
      calEmulator: {
        oauth2: { scopes: ["BOOKING_READ", "PROFILE_READ", "WEBHOOK_READ", "WEBHOOK_WRITE"] },
        fixtures: (fixtures) => {
          fixtures.webhookScopeReading = "webhook-scopes";
          for (const client of fixtures.oauth2Clients) client.scopes.push("WEBHOOK_READ", "WEBHOOK_WRITE");
        },
      },
    });
  });
  afterAll(async () => {
    await pipeline?.stop();
  });

  it("registers the connection's webhook, and nothing is marked", async () => {
    const key = await operatorKey(pipeline);
    const page = await connectAccount(pipeline, key, RUTH);
    expect(page.status).toBe(200);
    expect(page.html).not.toContain("WEBHOOK_READ");
    const row = await connectionRow(pipeline, RUTH);
    expect(row).toMatchObject({ status: "connected", webhook_status: "registered" });
    expect(pipeline.cal!.emulator.userWebhooks(RUTH)).toEqual([expect.objectContaining({ id: row.cal_webhook_id })]);
    expect(await metricsText(pipeline, key)).toMatch(/^churchhub_cal_connections_without_webhook 0$/m);
  });
});

describe("a public OAuth 2.0 client", () => {
  let pipeline: Pipeline;

  beforeAll(async () => {
    pipeline = await startPipeline({ calEmulator: { oauth2: { clientType: "public" } } });
  });
  afterAll(async () => {
    await pipeline?.stop();
  });

  it("sends a PKCE challenge on the authorize request, the verifier (and no secret) at the exchange, and connects", async () => {
    const key = await operatorKey(pipeline);
    const opened = await openConnectLink((await createConnectLink(pipeline, key)).url);
    expect(opened.consent).toMatchObject({
      clientId: "clxsandbox0public",
      codeChallenge: expect.stringMatching(/^[\w-]{43}$/),
      codeChallengeMethod: "S256",
    });
    const page = await connectAccount(pipeline, key, RUTH);
    expect(page.status).toBe(200);
    expect(page.html).toContain("Your Cal.com account is connected");
    expect(await connectionRow(pipeline, RUTH)).toMatchObject({ status: "connected", webhook_status: "registered" });
  });
});
