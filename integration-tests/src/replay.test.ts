// Replay: an operator re-drives an audited event (or a time range of them) after a fix; each becomes
// a new processing run visible in Temporal, and the booking row is rewritten from the event it reflects.
import { afterAll, beforeAll, expect, it } from "vitest";
import { deliveries, newBookingFixture } from "@churchhub/test-support/cal-deliveries";
import { readJson, startPipeline, type Pipeline } from "@churchhub/test-support/pipeline";

let pipeline: Pipeline;
let operatorKey: string;

beforeAll(async () => {
  pipeline = await startPipeline();
  operatorKey = (await pipeline.apiKeys.create({ name: "On-call operator", role: "operator" })).key;
});
afterAll(async () => {
  await pipeline?.stop();
});

function replay(body: unknown, key = operatorKey) {
  return fetch(`${pipeline.baseUrl}/operations/replay`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
    body: JSON.stringify(body),
  });
}

it("re-drives one audited event and rewrites the booking row it reflects (e.g. after a bug fix)", async () => {
  const fixture = newBookingFixture();
  const body = deliveries.created(fixture, "2026-11-20T09:00:00.000Z");
  const response = await pipeline.send(body);
  const { deliveryId } = await readJson(response.clone());
  await pipeline.processed(response, body);
  // Simulate the damage a bug did: the row lost its title.
  await pipeline.dataSource.query("UPDATE bookings SET title = NULL WHERE uid = $1", [fixture.uid]);

  const replayed = await replay({ deliveryId });
  expect(replayed.status).toBe(202);
  const result = await readJson(replayed);
  expect(result.started).toHaveLength(1);
  const handle = pipeline.client.workflow.getHandle(result.started[0].workflowId);
  expect((await handle.result()).deliveries).toEqual([expect.objectContaining({ deliveryId, bookingUpdated: true })]);
  expect((await handle.describe()).memo).toMatchObject({ requestedBy: "On-call operator" });
  expect((await pipeline.reader.findByUid(fixture.uid))!.title).toBe("Pastoral care between Dana Host and Sam Lee");
  // The audit trail still holds the event once.
  expect(await pipeline.reader.auditTrail(fixture.uid)).toHaveLength(1);
});

it("re-drives every event in a time range, and an older event stays superseded", async () => {
  const fixture = newBookingFixture();
  for (const body of [
    deliveries.created(fixture, "2031-01-01T09:00:00.000Z"),
    deliveries.cancelled(fixture, "Moved away", "2031-01-01T10:00:00.000Z"),
  ]) {
    await pipeline.processed(await pipeline.send(body), body);
  }
  const response = await replay({ from: "2031-01-01T00:00:00Z", to: "2031-01-02T00:00:00Z" });
  expect(response.status).toBe(202);
  const result = await readJson(response);
  expect(result.started).toHaveLength(2);
  for (const run of result.started) await pipeline.client.workflow.getHandle(run.workflowId).result();
  expect(await pipeline.reader.findByUid(fixture.uid)).toMatchObject({
    status: "cancelled",
    cancellationReason: "Moved away",
  });
});

it("names the problem in a bad request and finds no unknown event", async () => {
  const bad = await replay({ from: "2031-01-02T00:00:00Z", to: "2031-01-01T00:00:00Z" });
  expect(bad.status).toBe(400);
  expect((await readJson(bad)).error.message).toContain("from must be before to");
  expect((await replay({ deliveryId: "f".repeat(64) })).status).toBe(404);
  expect((await replay({ deliveryId: "nope" })).status).toBe(400);
});

it("is for operators only", async () => {
  expect((await fetch(`${pipeline.baseUrl}/operations/replay`, { method: "POST" })).status).toBe(401);
});
