// What operators see: Prometheus metrics of deliveries (by trigger and outcome), acknowledgement
// latency, inbox depth and token cache hits; readiness of the api's dependencies.
import { afterAll, beforeAll, expect, it } from "vitest";
import { deliveries, newBookingFixture } from "@churchhub/test-support/cal-deliveries";
import { readJson, startPipeline, type Pipeline } from "@churchhub/test-support/pipeline";

let pipeline: Pipeline;
let operatorKey: string;

beforeAll(async () => {
  pipeline = await startPipeline({ calEmulator: {} });
  operatorKey = (await pipeline.apiKeys.create({ name: "Prometheus", role: "operator" })).key;
});
afterAll(async () => {
  await pipeline?.stop();
});

async function scrape(): Promise<string> {
  const response = await fetch(`${pipeline.baseUrl}/metrics`, { headers: { authorization: `Bearer ${operatorKey}` } });
  expect(response.status).toBe(200);
  return response.text();
}

function value(metrics: string, series: string): number {
  const line = metrics.split("\n").find((candidate) => candidate.startsWith(`${series} `));
  return line ? Number(line.split(" ")[1]) : 0;
}

it("counts deliveries by trigger and outcome and times their acknowledgement", async () => {
  const fixture = newBookingFixture();
  const body = deliveries.created(fixture);
  await pipeline.processed(await pipeline.send(body), body);
  await pipeline.send(body);
  await pipeline.send(body, { signature: "0".repeat(64) });
  await pipeline.send({ triggerEvent: "BOOKING_CREATED", payload: {} });

  const metrics = await scrape();
  expect(
    value(metrics, 'churchhub_webhook_deliveries_total{trigger="BOOKING_CREATED",outcome="accepted"}'),
  ).toBeGreaterThanOrEqual(1);
  expect(
    value(metrics, 'churchhub_webhook_deliveries_total{trigger="BOOKING_CREATED",outcome="duplicate"}'),
  ).toBeGreaterThanOrEqual(1);
  expect(
    value(metrics, 'churchhub_webhook_deliveries_total{trigger="UNKNOWN",outcome="bad_signature"}'),
  ).toBeGreaterThanOrEqual(1);
  expect(
    value(metrics, 'churchhub_webhook_deliveries_total{trigger="UNKNOWN",outcome="invalid"}'),
  ).toBeGreaterThanOrEqual(1);
  expect(value(metrics, 'churchhub_webhook_ack_seconds_count{outcome="accepted"}')).toBeGreaterThanOrEqual(1);
  expect(metrics).toMatch(/^churchhub_inbox_pending \d+/m);
});

it("counts token cache hits apart from mints", async () => {
  const username = pipeline.cal!.emulator.fixtures.managedUsers[1]!.username;
  for (let attempt = 0; attempt < 2; attempt++) {
    await fetch(`${pipeline.baseUrl}/tokens/cal/managed-user`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${pipeline.webServerToken}` },
      body: JSON.stringify({ username }),
    });
  }
  const metrics = await scrape();
  expect(value(metrics, 'churchhub_token_requests_total{source="workflow"}')).toBeGreaterThanOrEqual(1);
  expect(value(metrics, 'churchhub_token_requests_total{source="cache"}')).toBeGreaterThanOrEqual(1);
});

it("keeps metrics behind an operator key", async () => {
  expect((await fetch(`${pipeline.baseUrl}/metrics`)).status).toBe(401);
});

it("reports readiness of the database and Temporal", async () => {
  const response = await fetch(`${pipeline.baseUrl}/ready`);
  expect(response.status).toBe(200);
  expect(await readJson(response)).toEqual({ status: "ok", api: "up", database: "up", temporal: "up" });
});

it("carries the request id from the webhook response into the workflow memo", async () => {
  const fixture = newBookingFixture();
  const body = deliveries.created(fixture);
  const response = await pipeline.send(body, { headers: { "x-request-id": "req-test-0123456789" } });
  expect(response.headers.get("x-request-id")).toBe("req-test-0123456789");
  const handle = await pipeline.workflowFor(response, body);
  const { deliveryId } = await readJson(response.clone());
  const memo = (await handle.describe()).memo as { summary: string; requestIds: Record<string, string> };
  expect(memo.requestIds[deliveryId.slice(0, 16)]).toBe("req-test-0123456789");
  expect(memo.summary).toMatch(/from webhook ×\d+$/);
  const generated = await pipeline.send(deliveries.ping(), { headers: { "x-request-id": "bad id with spaces" } });
  expect(generated.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
});
