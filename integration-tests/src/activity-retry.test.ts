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

/** Polls `probe` until it returns something truthy; fails with `what` once `timeoutMs` has passed. */
async function within<T>(
  timeoutMs: number,
  what: string,
  probe: () => Promise<T | undefined | null | false>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`not seen within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function bookingStatus(uid: string): Promise<unknown> {
  return pipeline.dataSource.query("SELECT status FROM bookings WHERE uid = $1", [uid]);
}

it("retries a short failure in the worker and completes without scheduling an activity", async () => {
  const blocker = await lockBookings();
  const { uid, handle } = await sendBlocked();
  // Two attempts (at 0 s and 1 s) meet the lock; the third (about 3 s in) finds it gone.
  try {
    for (const attempt of [1, 2]) {
      await within(
        10_000,
        `local attempt ${attempt} waiting on the locked bookings table`,
        async () => (await failedLockWaits()) > 0,
      );
      await within(
        10_000,
        `local attempt ${attempt} giving up its lock wait`,
        async () => (await failedLockWaits()) === 0,
      );
    }
  } finally {
    await release(blocker);
  }

  await handle.result();
  const events = (await handle.fetchHistory()).events ?? [];
  expect(events.filter((event) => event.activityTaskScheduledEventAttributes)).toHaveLength(0);
  expect(await bookingStatus(uid)).toEqual([{ status: "accepted" }]);
});

it("hands a long failure to a regular activity that Temporal retries until it completes", async () => {
  const blocker = await lockBookings();
  const { uid, handle } = await sendBlocked();

  // The local attempts give up after about 15 s; wait until the regular activity's third attempt.
  try {
    const pending = await within(40_000, "the regular activity's third attempt", async () => {
      const activity = (await handle.describe()).raw.pendingActivities?.[0];
      return activity && (activity.attempt ?? 0) >= 3 ? activity : undefined;
    });
    expect(pending.activityType?.name).toBe("applyCalDeliveries");
    // The failure is stored encrypted ("Encoded failure"); decoding it shows the lock timeout.
    expect(pending.lastFailure?.message).toBe("Encoded failure");
    const [attributes] = await pipeline.dataConverter.payloadCodecs![0]!.decode([
      pending.lastFailure!.encodedAttributes!,
    ]);
    expect(Buffer.from(attributes!.data!).toString("utf8")).toMatch(/lock timeout/i);
  } finally {
    await release(blocker);
  }

  await handle.result();
  const history = await handle.fetchHistory();
  const attempts = (history.events ?? [])
    .filter((event) => event.activityTaskStartedEventAttributes)
    .map((event) => event.activityTaskStartedEventAttributes!.attempt ?? 1);
  expect(Math.max(...attempts)).toBeGreaterThanOrEqual(3);
  expect(await bookingStatus(uid)).toEqual([{ status: "accepted" }]);
});
