// Deliveries as newer Cal.com builds send them: the subscription's payload version in X-Cal-Webhook-Version
// (recorded, not personal), and bodies a payloadTemplate rendered instead of Cal.com's envelope (form-encoded
// text, or JSON without `triggerEvent`/`payload`). Cal.com never retries a non-2xx, so such a body is
// acknowledged, audited as unsupported_template and kept sealed for an operator; signatures still come first.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEncryptedInboxCodec } from "@churchhub/delivery-inbox";
import { createCalClient } from "@churchhub/cal-client";
import { ensurePlatformWebhook } from "@churchhub/worker";
import { emulatorBookings } from "@churchhub/test-support/emulator-bookings";
import { readJson, startPipeline, type Pipeline } from "@churchhub/test-support/pipeline";

let pipeline: Pipeline;

beforeAll(async () => {
  // Managed users' bookings reach /webhooks/cal through the platform webhook our code registers.
  pipeline = await startPipeline({ calEmulator: { platformWebhook: true } });
});
afterAll(async () => {
  await pipeline?.stop();
});

async function waitForAudit<T>(probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const found = await probe();
    if (found) return found;
    if (Date.now() > deadline) throw new Error("no such audit row");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function auditOf(deliveryId: string) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const [row] = await pipeline.dataSource.query(
      "SELECT trigger_event, outcome, webhook_version, booking_uid, payload FROM audit_logs WHERE delivery_id = $1",
      [deliveryId],
    );
    if (row) return row;
    if (Date.now() > deadline) throw new Error("no audit row");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("X-Cal-Webhook-Version", () => {
  it("is recorded with the delivery's audit entry and in its inbox row", async () => {
    const body = { triggerEvent: "PING", createdAt: new Date().toISOString(), payload: { type: "Test" } };
    const response = await pipeline.send(body, { headers: { "x-cal-webhook-version": "2021-10-20" } });
    expect(response.status).toBe(202);
    const { deliveryId } = await readJson(response.clone());
    await pipeline.processed(response, body);
    expect(await auditOf(deliveryId)).toMatchObject({ trigger_event: "PING", webhook_version: "2021-10-20" });
    const [inbox] = await pipeline.dataSource.query("SELECT delivery FROM webhook_inbox WHERE delivery_id = $1", [
      deliveryId,
    ]);
    expect(createEncryptedInboxCodec(pipeline.protector).decode(inbox.delivery)).toMatchObject({
      deliveryId,
      webhookVersion: "2021-10-20",
    });
  });
});

describe("a body a payloadTemplate rendered", () => {
  it("form-encoded text: 202, audited as unsupported_template with the raw text kept sealed", async () => {
    const text = "New booking: Talk with Pastor Anna, 2026-12-01 10:00";
    const response = await pipeline.send(null, {
      rawBody: text,
      contentType: "application/x-www-form-urlencoded",
      headers: { "x-cal-webhook-version": "2021-10-20" },
    });
    expect(response.status).toBe(202);
    const { deliveryId } = await readJson(response);
    const row = await auditOf(deliveryId);
    expect(row).toMatchObject({
      trigger_event: "UNSUPPORTED_TEMPLATE",
      outcome: "unsupported_template",
      webhook_version: "2021-10-20",
      booking_uid: null,
    });
    expect(row.payload).not.toContain("Pastor Anna");
    expect(pipeline.protector.openJson(row.payload, "audit_logs.payload")).toEqual({
      contentType: "application/x-www-form-urlencoded",
      body: text,
    });
  });

  it("JSON without the envelope (flattened fields): 202 and the same audit; a redelivery is one entry", async () => {
    const rendered = { triggerEvent: "BOOKING_CREATED", title: "Talk", attendee: "ama@example.org" };
    const first = await pipeline.send(rendered);
    const again = await pipeline.send(rendered);
    expect([first.status, again.status]).toEqual([202, 202]);
    const [a, b] = [await readJson(first), await readJson(again)];
    expect(b.deliveryId).toBe(a.deliveryId);
    const row = await auditOf(a.deliveryId);
    expect(row).toMatchObject({ trigger_event: "UNSUPPORTED_TEMPLATE", outcome: "unsupported_template" });
    expect(pipeline.protector.openJson(row.payload, "audit_logs.payload")).toEqual({
      contentType: "application/json",
      body: rendered,
    });
    const [count] = await pipeline.dataSource.query(
      "SELECT count(*)::int AS n FROM audit_logs WHERE delivery_id = $1",
      [a.deliveryId],
    );
    expect(count.n).toBe(1);
  });

  it("is still refused (401) when its signature is wrong: verification on the raw bytes comes first", async () => {
    const response = await pipeline.send(null, {
      rawBody: "anything a template renders",
      contentType: "application/x-www-form-urlencoded",
      signature: "0".repeat(64),
    });
    expect(response.status).toBe(401);
  });
});

describe("from the emulator's platform webhook, as Cal.com sends them", () => {
  it("records the version of a standard delivery; a template an operator set is audited as unsupported, and the worker's next start removes it", async () => {
    const { emulator, running } = pipeline.cal!;
    const fixtures = emulator.fixtures;
    const bookings = emulatorBookings(running.url);
    const eventTypeId = fixtures.eventTypes[0]!.id;
    const subscriberUrl = `${pipeline.baseUrl}/webhooks/cal`;

    const uid = await bookings.book(eventTypeId, { name: "Kwame Mensah", email: "kwame@example.org" }, 3);
    const [standard] = (await emulator.settleWebhooks()).filter((delivery) => delivery.subscriberUrl === subscriberUrl);
    expect(standard).toMatchObject({ status: 202 });
    const row = await waitForAudit(
      async () =>
        (
          await pipeline.dataSource.query("SELECT outcome, webhook_version FROM audit_logs WHERE booking_uid = $1", [
            uid,
          ])
        )[0],
    );
    expect(row).toEqual({ outcome: "applied", webhook_version: "2021-10-20" });

    // An operator adds a text template to our subscription in Cal.com.
    const platformHeaders = { "x-cal-secret-key": fixtures.oauthClient.secret, "content-type": "application/json" };
    const base = `${running.url}/oauth-clients/${fixtures.oauthClient.id}/webhooks`;
    const listed = await readJson(await fetch(base, { headers: platformHeaders }));
    const ours = listed.data.find((webhook: { subscriberUrl: string }) => webhook.subscriberUrl === subscriberUrl);
    const patched = await fetch(`${base}/${ours.id}`, {
      method: "PATCH",
      headers: platformHeaders,
      body: JSON.stringify({ payloadTemplate: "Booked: {{title}}" }),
    });
    expect(patched.status).toBe(200);
    // Other test files share this database (their entries are sealed under their own keys): only ours count.
    const templatedFrom = new Date();
    await bookings.book(eventTypeId, { name: "Abena Templated", email: "abena@example.org" }, 4);
    const [templated] = (await emulator.settleWebhooks()).filter(
      (delivery) => delivery.subscriberUrl === subscriberUrl,
    );
    expect(templated).toMatchObject({ status: 202 });
    const templatedAudit = await waitForAudit(async () => {
      const rows: Array<{ outcome: string; webhook_version: string | null; payload: string }> =
        await pipeline.dataSource.query(
          "SELECT outcome, webhook_version, payload FROM audit_logs WHERE trigger_event = 'UNSUPPORTED_TEMPLATE' AND recorded_at >= $1",
          [templatedFrom],
        );
      return rows
        .map((entry) => ({
          ...entry,
          opened: pipeline.protector.openJson<{ body: unknown }>(entry.payload, "audit_logs.payload"),
        }))
        .find((entry) => typeof entry.opened?.body === "string" && entry.opened.body.startsWith("Booked: "));
    });
    expect(templatedAudit).toMatchObject({
      outcome: "unsupported_template",
      webhook_version: "2021-10-20",
      opened: { contentType: "application/x-www-form-urlencoded" },
    });

    // The worker keeps our subscription as we need it: the template goes at its next start.
    const calClient = createCalClient({
      baseUrl: running.url,
      platformClient: { clientId: fixtures.oauthClient.id, secretKey: fixtures.oauthClient.secret },
    });
    expect(await ensurePlatformWebhook(calClient, { subscriberUrl, secret: pipeline.secret })).toBe("updated");
    const after = await readJson(await fetch(`${base}/${ours.id}`, { headers: platformHeaders }));
    expect(after.data.payloadTemplate || null).toBeNull();
    await bookings.book(eventTypeId, { name: "Yaw Standard", email: "yaw@example.org" }, 5);
    const [again] = (await emulator.settleWebhooks()).filter((delivery) => delivery.subscriberUrl === subscriberUrl);
    expect(again).toMatchObject({ status: 202, contentType: "application/json" });
  });
});
