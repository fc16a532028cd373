// Under a backlog the relay starts one run for many deliveries: fewer workflows than deliveries, each
// booking's events applied in event order in one transaction, every delivery still recognisable on its
// own (its audit entry, its dedupe, its run found by its id), and one delivery the database refuses
// kept apart from the others. The backlog is made the way the inbox sees one: rows committed at once,
// before the relay's next pass.
import { execFileSync } from "node:child_process";
import { WorkflowFailedError } from "@temporalio/client";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { parseCalDelivery } from "@churchhub/api";
import {
  DELIVERY_SEARCH_ATTRIBUTE_KEYS,
  INVALID_DELIVERY,
  MAX_DELIVERIES_PER_RUN,
  type CalDelivery,
} from "@churchhub/contracts";
import type { WorkflowResult } from "@churchhub/contracts/client";
import { createEncryptedInboxCodec, createInboxStore, type InboxStore } from "@churchhub/delivery-inbox";
import { deliveries, newBookingFixture } from "@churchhub/test-support/cal-deliveries";
import { startPipeline, type Pipeline } from "@churchhub/test-support/pipeline";
import { waitUntil } from "@churchhub/test-support/wait-until";

let pipeline: Pipeline;
let inbox: InboxStore;

beforeAll(async () => {
  pipeline = await startPipeline();
  inbox = createInboxStore({ dataSource: pipeline.dataSource, codec: createEncryptedInboxCodec(pipeline.protector) });
});
afterAll(async () => {
  await pipeline?.stop();
});

const minute = (n: number) => new Date(Date.UTC(2026, 10, 20, 9, n)).toISOString();

function toDelivery(body: unknown): CalDelivery {
  return parseCalDelivery(Buffer.from(JSON.stringify(body)), "application/json", new Date());
}

/** Commits the deliveries to the inbox in one statement, so the relay finds them all waiting at once. */
async function backlogOf(batch: CalDelivery[]): Promise<void> {
  expect(await inbox.insertMany(batch)).toEqual(batch.map(() => true));
  await inbox.notifyRelay();
}

/** The runs that list any of these deliveries (by the CalDeliveryIds search attribute), once all are listed. */
async function runsOf(batch: CalDelivery[]) {
  const ids = batch.map((delivery) => delivery.deliveryId);
  const query = `CalDeliveryIds IN (${ids.map((id) => JSON.stringify(id)).join(", ")})`;
  return waitUntil(`runs listing all ${ids.length} deliveries`, async () => {
    const runs = [];
    for await (const run of pipeline.client.workflow.list({ query })) runs.push(run);
    const listed = new Set(
      runs.flatMap((run) => run.typedSearchAttributes.get(DELIVERY_SEARCH_ATTRIBUTE_KEYS.deliveryIds) ?? []),
    );
    return ids.every((id) => listed.has(id)) ? runs : undefined;
  });
}

async function auditCount(deliveryIds: string[]): Promise<number> {
  const [row] = await pipeline.dataSource.query(
    "SELECT count(*)::int AS n FROM audit_logs WHERE delivery_id = ANY($1::text[])",
    [deliveryIds],
  );
  return row.n;
}

function temporalCli(args: string[]): string {
  return execFileSync(inject("temporalCliPath"), [...args, "--address", inject("temporalAddress")], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}

describe("a backlog in the inbox", () => {
  it("is processed in fewer runs than deliveries, each booking's events in event order, each event once", async () => {
    const fixtures = Array.from({ length: 40 }, () => newBookingFixture());
    const created = fixtures.map((fixture) => toDelivery(deliveries.created(fixture, minute(0))));
    const cancelled = fixtures.map((fixture) => toDelivery(deliveries.cancelled(fixture, "Cannot make it", minute(1))));
    const onlyCreated = Array.from({ length: 10 }, () =>
      toDelivery(deliveries.created(newBookingFixture(), minute(0))),
    );
    // Newest first, so the order the rows were inserted in is the wrong one.
    const batch = [...cancelled, ...onlyCreated, ...created];
    await backlogOf(batch);

    const runs = await runsOf(batch);
    expect(runs.length).toBeLessThan(batch.length);
    expect(runs.length).toBeGreaterThanOrEqual(Math.ceil(batch.length / MAX_DELIVERIES_PER_RUN));
    const results = await Promise.all(
      runs.map(
        async (run) =>
          (await pipeline.client.workflow
            .getHandle(run.workflowId, run.runId)
            .result()) as WorkflowResult<"processCalDeliveryWorkflow">,
      ),
    );
    const applied = results.flatMap((result) => result.deliveries);
    expect(applied.map((entry) => entry.deliveryId).sort()).toEqual(batch.map((entry) => entry.deliveryId).sort());
    let bothInOneRun = 0;
    for (const result of results) {
      for (const fixture of fixtures) {
        const order = result.deliveries
          .filter((entry) => entry.bookingUid === fixture.uid)
          .map((entry) => entry.outcome);
        if (order.length < 2) continue;
        // The creation first (applied), then the cancellation (applied over it); the other way round the
        // creation would have been superseded.
        expect(order).toEqual(["applied", "applied"]);
        bothInOneRun++;
      }
    }
    expect(bothInOneRun).toBeGreaterThan(fixtures.length / 2);
    for (const run of runs) {
      const description = await pipeline.client.workflow.getHandle(run.workflowId, run.runId).describe();
      expect(description.memo?.summary).toMatch(/^\d+ deliveries: /);
      expect(description.typedSearchAttributes.get(DELIVERY_SEARCH_ATTRIBUTE_KEYS.outcome)).toBe("applied");
    }
    for (const fixture of fixtures)
      expect(await pipeline.reader.findByUid(fixture.uid)).toMatchObject({ status: "cancelled" });
    expect(await auditCount(batch.map((entry) => entry.deliveryId))).toBe(batch.length);
  });

  it("applies a redelivery of an already processed event again without a second audit entry or status change", async () => {
    const fixture = newBookingFixture();
    const first = toDelivery(deliveries.created(fixture, minute(0)));
    await backlogOf([first]);
    await waitUntil("the first delivery's audit entry", async () => (await auditCount([first.deliveryId])) === 1);
    // The inbox digest refuses the same event while its row is kept; past retention the row is gone and the
    // event comes through again, now in a batch with others.
    expect(await inbox.insertMany([first])).toEqual([false]);
    await pipeline.dataSource.query("DELETE FROM webhook_inbox WHERE delivery_id = $1", [first.deliveryId]);
    const others = Array.from({ length: 5 }, () => toDelivery(deliveries.created(newBookingFixture(), minute(0))));
    const batch = [first, ...others];
    await backlogOf(batch);
    const runs = await runsOf(batch);
    for (const run of runs) await pipeline.client.workflow.getHandle(run.workflowId, run.runId).result();
    expect(await auditCount([first.deliveryId])).toBe(1);
    expect((await pipeline.reader.findByUid(fixture.uid))!.statusHistory).toHaveLength(1);
    expect(await auditCount(others.map((entry) => entry.deliveryId))).toBe(others.length);
  });

  it("keeps the others of a batch when the database refuses one, and lists the run as failed", async () => {
    const fixtures = Array.from({ length: 6 }, () => newBookingFixture());
    const good = fixtures.map((fixture) => toDelivery(deliveries.created(fixture, minute(0))));
    // Its uid sorts first ("-" before letters and digits), so every other delivery is applied after its rollback.
    const poisonFixture = newBookingFixture({ uid: `-poison-${Date.now()}` });
    const poison = toDelivery(deliveries.created(poisonFixture, minute(0)));
    // A start time Postgres refuses (SQLSTATE 22008: there is no 30 February).
    poison.booking = { ...poison.booking!, startTime: "2026-02-30T10:00:00Z" };
    const batch = [...good, poison];
    await backlogOf(batch);

    const runs = await runsOf(batch);
    expect(runs).toHaveLength(1);
    const failure = await pipeline.client.workflow
      .getHandle(runs[0]!.workflowId, runs[0]!.runId)
      .result()
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WorkflowFailedError);
    expect((failure as WorkflowFailedError).cause).toMatchObject({ type: INVALID_DELIVERY, nonRetryable: true });
    expect((failure as WorkflowFailedError).cause?.message).toBe(
      `1 of ${batch.length} deliveries cannot be stored: ${poison.deliveryId} (The delivery cannot be stored (SQLSTATE 22008))`,
    );
    for (const fixture of fixtures)
      expect(await pipeline.reader.findByUid(fixture.uid)).toMatchObject({ status: "accepted" });
    expect(await auditCount(good.map((entry) => entry.deliveryId))).toBe(good.length);
    expect(await pipeline.reader.findByUid(poisonFixture.uid)).toBeFalsy();

    // What an operator types: the failed runs, and a booking's processing, without decoding any payload.
    const failed = await waitUntil("the failed run listed by its outcome", async () => {
      const listed = JSON.parse(
        temporalCli([
          "workflow",
          "list",
          "--query",
          `DeliveryOutcome = "failed" AND CalBookingUids = "${poisonFixture.uid}"`,
          "--output",
          "json",
        ]),
      ) as Array<{ execution: { workflowId: string } }>;
      return listed.length > 0 ? listed : undefined;
    });
    expect(failed.map((entry) => entry.execution.workflowId)).toEqual([runs[0]!.workflowId]);
    const byBooking = JSON.parse(
      temporalCli(["workflow", "list", "--query", `CalBookingUids = "${fixtures[0]!.uid}"`, "--output", "json"]),
    ) as Array<{ execution: { workflowId: string } }>;
    expect(byBooking.map((entry) => entry.execution.workflowId)).toEqual([runs[0]!.workflowId]);
  });
});
