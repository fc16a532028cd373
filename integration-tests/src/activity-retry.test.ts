// A transient database failure is retried until the delivery is applied: here a real lock held on
// `bookings` makes applyCalDelivery time out (SQLSTATE 55P03) until the test lets go. A short failure is
// retried by the worker itself (a local activity); a long one is handed to a regular activity, which
// Temporal retries without limit.
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { inject } from "vitest";
import type { WorkflowHandle } from "@temporalio/client";
import { deliveries, newBookingFixture } from "@churchhub/test-support/cal-deliveries";
import { startPipeline, type Pipeline } from "@churchhub/test-support/pipeline";

let pipeline: Pipeline;

beforeAll(async () => {
  // A short lock wait so each blocked attempt fails fast instead of hanging for the default.
  pipeline = await startPipeline({ dataSourceExtra: { lock_timeout: 300 } });
});
afterAll(async () => {
  await pipeline?.stop();
});

async function lockBookings(): Promise<pg.Client> {
  const blocker = new pg.Client({ connectionString: inject("databaseUrl") });
  await blocker.connect();
  await blocker.query("BEGIN");
  await blocker.query("LOCK TABLE bookings IN ACCESS EXCLUSIVE MODE");
  return blocker;
}

async function release(blocker: pg.Client): Promise<void> {
  await blocker.query("ROLLBACK");
  await blocker.end();
}

async function sendBlocked(): Promise<{ uid: string; handle: WorkflowHandle }> {
  const fixture = newBookingFixture();
  const body = deliveries.created(fixture);
  const response = await pipeline.send(body);
  expect(response.status).toBe(202);
  return { uid: fixture.uid, handle: await pipeline.workflowFor(response, body) };
}

async function failedLockWaits(): Promise<number> {
  const [row] = await pipeline.dataSource.query(
    "SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO bookings%'",
  );
  return row.n;
}

async function bookingStatus(uid: string): Promise<unknown> {
  return pipeline.dataSource.query("SELECT status FROM bookings WHERE uid = $1", [uid]);
}

it("retries a short failure in the worker and completes without scheduling an activity", async () => {
  const blocker = await lockBookings();
  const { uid, handle } = await sendBlocked();
  // Two attempts (at 0 s and 1 s) meet the lock; the third (about 3 s in) finds it gone.
  const deadline = Date.now() + 20_000;
  let waited = 0;
  while (waited < 2 && Date.now() < deadline) {
    if ((await failedLockWaits()) > 0) {
      waited++;
      while ((await failedLockWaits()) > 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  expect(waited).toBe(2);
  await release(blocker);

  await handle.result();
  const events = (await handle.fetchHistory()).events ?? [];
  expect(events.filter((event) => event.activityTaskScheduledEventAttributes)).toHaveLength(0);
  expect(await bookingStatus(uid)).toEqual([{ status: "accepted" }]);
});

it("hands a long failure to a regular activity that Temporal retries until it completes", async () => {
  const blocker = await lockBookings();
  const { uid, handle } = await sendBlocked();

  // The local attempts give up after about 15 s; wait until the regular activity's third attempt.
  for (;;) {
    const description = await handle.describe();
    const pending = description.raw.pendingActivities?.[0];
    if (pending && (pending.attempt ?? 0) >= 3) {
      expect(pending.activityType?.name).toBe("applyCalDelivery");
      // The failure is stored encrypted ("Encoded failure"); decoding it shows the lock timeout.
      expect(pending.lastFailure?.message).toBe("Encoded failure");
      const [attributes] = await pipeline.dataConverter.payloadCodecs![0]!.decode([
        pending.lastFailure!.encodedAttributes!,
      ]);
      expect(Buffer.from(attributes!.data!).toString("utf8")).toMatch(/lock timeout/i);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await release(blocker);

  await handle.result();
  const history = await handle.fetchHistory();
  const attempts = (history.events ?? [])
    .filter((event) => event.activityTaskStartedEventAttributes)
    .map((event) => event.activityTaskStartedEventAttributes!.attempt ?? 1);
  expect(Math.max(...attempts)).toBeGreaterThanOrEqual(3);
  expect(await bookingStatus(uid)).toEqual([{ status: "accepted" }]);
});
