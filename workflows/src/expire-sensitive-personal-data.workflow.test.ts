// expireSensitivePersonalDataWorkflow (and the expiry of unused private booking intents) on Temporal's
// time-skipping test server, with mocked activities:
// the erasure waits for the deadline (weeks pass in moments), a reschedule moves it, a request to be
// forgotten erases at once, a booking that is not sensitive is left alone. Erasure times are read from
// the server's own clock (when it scheduled the activity), so "not before the deadline" is checked exactly.
import { Context } from "@temporalio/activity";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  SENSITIVE_RETENTION_FORGET_SIGNAL,
  SENSITIVE_RETENTION_MOVED_SIGNAL,
  type PersonalDataErasure,
  type SensitiveRetentionState,
} from "@churchhub/contracts";
import {
  startTimeSkippingEnvironment,
  type TimeSkippingEnvironment,
} from "./test-support/time-skipping-environment.js";

const DAY = 86_400_000;
let skipping: TimeSkippingEnvironment;

beforeAll(async () => {
  skipping = await startTimeSkippingEnvironment();
}, 300_000);
afterAll(async () => {
  await skipping?.teardown();
});

/** Activities whose deadline the test sets; each erasure records the server time it was scheduled at. */
function retentionMock(initial: SensitiveRetentionState) {
  let state = initial;
  const reads: number[] = [];
  const erasures: Array<{ reason: string; at: number }> = [];
  return {
    reads,
    erasures,
    set(next: SensitiveRetentionState) {
      state = next;
    },
    activities: {
      async readSensitiveRetention() {
        reads.push(Context.current().info.currentAttemptScheduledTimestampMs);
        return state;
      },
      async eraseSensitivePersonalData(input: { bookingUid: string; reason: "expired" | "forgotten" }) {
        const at = Context.current().info.currentAttemptScheduledTimestampMs;
        erasures.push({ reason: input.reason, at });
        return {
          bookingUid: input.bookingUid,
          reason: input.reason,
          erasedAt: new Date(at).toISOString(),
          notesDestroyed: 1,
          bookingFound: true,
        } satisfies PersonalDataErasure;
      },
    },
  };
}

async function until(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("the workflow did not get there");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const now = () => skipping.environment.currentTimeMs();

describe("expireSensitivePersonalDataWorkflow", () => {
  it("erases when the retention ends, weeks later, and not before", async () => {
    const eraseAt = (await now()) + 35 * DAY;
    const mock = retentionMock({ sensitive: true, eraseAt: new Date(eraseAt).toISOString() });
    const result = await skipping.withWorkflow(
      "expireSensitivePersonalDataWorkflow",
      [{ bookingUid: "retention-1" }],
      mock.activities,
      async (handle) => {
        return handle.result();
      },
    );
    expect(result).toMatchObject({ outcome: "erased", erasure: { reason: "expired", bookingUid: "retention-1" } });
    expect(mock.erasures).toHaveLength(1);
    expect(mock.erasures[0]!.at).toBeGreaterThanOrEqual(eraseAt);
    expect(mock.erasures[0]!.at - eraseAt).toBeLessThan(DAY);
  });

  it("moves the erasure when the booking is rescheduled", async () => {
    const first = (await now()) + 10 * DAY;
    const moved = first + 20 * DAY;
    const mock = retentionMock({ sensitive: true, eraseAt: new Date(first).toISOString() });
    await skipping.withWorkflow(
      "expireSensitivePersonalDataWorkflow",
      [{ bookingUid: "retention-2" }],
      mock.activities,
      async (handle) => {
        await until(() => mock.reads.length === 1);
        mock.set({ sensitive: true, eraseAt: new Date(moved).toISOString() });
        await handle.signal(SENSITIVE_RETENTION_MOVED_SIGNAL);
        return handle.result();
      },
    );
    expect(mock.reads).toHaveLength(3); // at the start, after the move, when the moved timer fired
    expect(mock.erasures).toHaveLength(1);
    expect(mock.erasures[0]!.at).toBeGreaterThanOrEqual(moved);
  });

  it("erases at once when an administrator asks to forget the person", async () => {
    const started = await now();
    const mock = retentionMock({ sensitive: true, eraseAt: new Date(started + 30 * DAY).toISOString() });
    const result = await skipping.withWorkflow(
      "expireSensitivePersonalDataWorkflow",
      [{ bookingUid: "retention-3" }],
      mock.activities,
      async (handle) => {
        await until(() => mock.reads.length === 1);
        await handle.signal(SENSITIVE_RETENTION_FORGET_SIGNAL);
        return handle.result();
      },
    );
    expect(result).toMatchObject({ outcome: "erased", erasure: { reason: "forgotten" } });
    expect(mock.erasures).toHaveLength(1);
    expect(mock.erasures[0]!.at - started).toBeLessThan(DAY);
  });

  it("erases at once when the deadline has already passed", async () => {
    const mock = retentionMock({ sensitive: true, eraseAt: new Date((await now()) - DAY).toISOString() });
    const result = await skipping.withWorkflow(
      "expireSensitivePersonalDataWorkflow",
      [{ bookingUid: "retention-4" }],
      mock.activities,
      (handle) => handle.result(),
    );
    expect(result).toMatchObject({ outcome: "erased", erasure: { reason: "expired" } });
  });

  it("leaves a booking alone that is not (or no longer) sensitive", async () => {
    const mock = retentionMock({ sensitive: false, eraseAt: new Date((await now()) + DAY).toISOString() });
    const result = await skipping.withWorkflow(
      "expireSensitivePersonalDataWorkflow",
      [{ bookingUid: "retention-5" }],
      mock.activities,
      (handle) => handle.result(),
    );
    expect(result).toEqual({ outcome: "not_sensitive", bookingUid: "retention-5" });
    expect(mock.erasures).toEqual([]);
  });
});

describe("expireUnusedPrivateBookingIntentWorkflow", () => {
  /** The deletion activity, answering as the database would: `booked` when a booking is linked. */
  function intentMock(booked: boolean) {
    const deletions: Array<{ intentId: string; at: number }> = [];
    return {
      deletions,
      activities: {
        async deleteUnusedPrivateBookingIntent(intentId: string) {
          deletions.push({ intentId, at: Context.current().info.currentAttemptScheduledTimestampMs });
          return !booked;
        },
      },
    };
  }

  it("deletes an intent nobody booked with when it expires, a day later, and not before", async () => {
    const expiresAt = (await now()) + DAY;
    const mock = intentMock(false);
    const result = await skipping.withWorkflow(
      "expireUnusedPrivateBookingIntentWorkflow",
      [{ intentId: "intent-1", expiresAt: new Date(expiresAt).toISOString() }],
      mock.activities,
      (handle) => handle.result(),
    );
    expect(result).toEqual({ outcome: "deleted" });
    expect(mock.deletions).toHaveLength(1);
    expect(mock.deletions[0]!.intentId).toBe("intent-1");
    expect(mock.deletions[0]!.at).toBeGreaterThanOrEqual(expiresAt);
  });

  it("keeps an intent a booking was linked to (erased later with that booking)", async () => {
    const mock = intentMock(true);
    const result = await skipping.withWorkflow(
      "expireUnusedPrivateBookingIntentWorkflow",
      [{ intentId: "intent-2", expiresAt: new Date((await now()) + DAY).toISOString() }],
      mock.activities,
      (handle) => handle.result(),
    );
    expect(result).toEqual({ outcome: "booked" });
    expect(mock.deletions).toHaveLength(1);
  });
});
