// Missed-event recovery: with Cal.com's webhooks deliberately dropped, the reconciliation workflow
// finds the bookings made, cancelled and rescheduled at the emulator, processes them through the
// normal workflow (audited "reconciled"), finds nothing to do the second time, and runs on a Schedule.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RECONCILIATION_SCHEDULE_ID } from "@churchhub/contracts";
import { startAndAwaitWorkflow } from "@churchhub/contracts/client";
import { createCalClient } from "@churchhub/cal-client";
import { ensurePlatformWebhook, ensureReconciliationSchedule } from "@churchhub/worker";
import { emulatorBookings } from "@churchhub/test-support/emulator-bookings";
import { startPipeline, type Pipeline } from "@churchhub/test-support/pipeline";

let pipeline: Pipeline;
let cal: ReturnType<typeof emulatorBookings>;
let eventTypeId: number;

beforeAll(async () => {
  // No webhook subscriber: every delivery Cal.com would make is lost.
  pipeline = await startPipeline({ calEmulator: {} });
  cal = emulatorBookings(pipeline.cal!.running.url);
  eventTypeId = pipeline.cal!.emulator.fixtures.eventTypes[0]!.id;
});
afterAll(async () => {
  await pipeline?.client.schedule
    .getHandle(RECONCILIATION_SCHEDULE_ID)
    .delete()
    .catch(() => undefined);
  await pipeline?.stop();
});

function reconcile() {
  return startAndAwaitWorkflow(
    pipeline.client,
    "reconcileBookingsWorkflow",
    {
      taskQueue: pipeline.taskQueue,
      workflowId: `reconcile-test-${randomBytes(4).toString("hex")}`,
      args: [{ lookbackMinutes: 60, pageSize: 2 }],
    },
    60_000,
  );
}

describe("reconciliation", () => {
  let kept: string;
  let cancelled: string;
  let original: string;
  let replacement: string;

  beforeAll(async () => {
    kept = await cal.book(eventTypeId, { name: "Ruth Kept", email: "ruth@example.org" }, 0);
    cancelled = await cal.book(eventTypeId, { name: "Naomi Cancelled", email: "naomi@example.org" }, 1);
    await cal.cancel(cancelled, "Feeling better");
    original = await cal.book(eventTypeId, { name: "Boaz Moved", email: "boaz@example.org" }, 2);
    replacement = await cal.reschedule(original, (await cal.freeSlots(eventTypeId))[5]!);
    expect(pipeline.cal!.emulator.webhookDeliveries()).toEqual([]);
  });

  it("recovers every booking whose webhook was lost, through the same processing, audited as reconciled", async () => {
    const result = await reconcile();
    expect(result.reconciled).toBe(4);
    expect(result.unreadable).toBe(0);

    expect(await pipeline.reader.findByUid(kept)).toMatchObject({ status: "accepted" });
    expect(await pipeline.reader.findByUid(cancelled)).toMatchObject({
      status: "cancelled",
      cancellationReason: "Feeling better",
    });
    expect(await pipeline.reader.findByUid(original)).toMatchObject({
      status: "cancelled",
      rescheduledToUid: replacement,
    });
    expect(await pipeline.reader.findByUid(replacement)).toMatchObject({
      status: "accepted",
      rescheduledFromUid: original,
    });
    const kinds = await pipeline.dataSource.query(
      "SELECT DISTINCT source FROM audit_logs WHERE booking_uid = ANY($1)",
      [[kept, cancelled, original, replacement]],
    );
    expect(kinds).toEqual([{ source: "reconciled" }]);
    expect((await pipeline.reader.findByUid(kept))!.attendees[0]).toMatchObject({
      name: "Ruth Kept",
      email: "ruth@example.org",
    });
  });

  it("changes nothing when run again", async () => {
    const [before] = await pipeline.dataSource.query("SELECT count(*)::int AS n FROM audit_logs");
    const result = await reconcile();
    expect(result.reconciled).toBe(0);
    expect(result.examined).toBeGreaterThanOrEqual(4);
    const [after] = await pipeline.dataSource.query("SELECT count(*)::int AS n FROM audit_logs");
    expect(after.n).toBe(before.n);
  });

  it("is safe beside live webhooks: a booking delivered and reconciled at once ends as one row", async () => {
    // Our platform webhook, registered the way the worker does at start.
    const fixtures = pipeline.cal!.emulator.fixtures;
    const calClient = createCalClient({
      baseUrl: pipeline.cal!.running.url,
      platformClient: { clientId: fixtures.oauthClient.id, secretKey: fixtures.oauthClient.secret },
    });
    const wanted = { subscriberUrl: `${pipeline.baseUrl}/webhooks/cal`, secret: pipeline.secret };
    expect(await ensurePlatformWebhook(calClient, wanted)).toBe("created");
    expect(await ensurePlatformWebhook(calClient, wanted)).toBe("unchanged");
    const live = await cal.book(eventTypeId, { name: "Live One", email: "live@example.org" }, 7);
    await Promise.all([reconcile(), pipeline.cal!.emulator.settleWebhooks()]);
    for (let attempt = 0; !(await pipeline.reader.findByUid(live)) && attempt < 200; attempt++)
      await new Promise((resolve) => setTimeout(resolve, 25));
    const [rows] = await pipeline.dataSource.query("SELECT count(*)::int AS n FROM bookings WHERE uid = $1", [live]);
    expect(rows.n).toBe(1);
    expect(await pipeline.reader.findByUid(live)).toMatchObject({ status: "accepted" });
  });
});

describe("the reconciliation schedule", () => {
  it("is created once and updated in place by every later worker start, and its runs reconcile", async () => {
    const options = { taskQueue: pipeline.taskQueue, everyMinutes: 15, lookbackMinutes: 60 };
    expect(await ensureReconciliationSchedule(pipeline.client, options)).toBe("created");
    expect(await ensureReconciliationSchedule(pipeline.client, { ...options, everyMinutes: 10 })).toBe("updated");

    const handle = pipeline.client.schedule.getHandle(RECONCILIATION_SCHEDULE_ID);
    const described = await handle.describe();
    expect(described.action).toMatchObject({
      type: "startWorkflow",
      workflowType: "reconcileBookingsWorkflow",
      taskQueue: pipeline.taskQueue,
    });
    expect(described.spec.intervals?.[0]?.every).toBe(10 * 60_000);

    await handle.trigger();
    let runs: string[] = [];
    for (let attempt = 0; runs.length === 0 && attempt < 200; attempt++) {
      runs = (await handle.describe()).info.recentActions.map((action) => action.action.workflow.workflowId);
      if (runs.length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const result = await pipeline.client.workflow.getHandle(runs[0]!).result();
    expect(result).toMatchObject({ reconciled: 0 });
  });
});
