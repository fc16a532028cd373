// Property: however a booking's events are reordered and duplicated, applying them through the real
// activities against the real Postgres ends in the same rows as applying them in order once.
import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import { inject } from "vitest";
import { createActivities, type Activities } from "@churchhub/activities";
import { parseCalDelivery } from "@churchhub/api";
import type { CalDelivery } from "@churchhub/contracts";
import { createBookingReader, createDataSource, type BookingReader, type DataSource } from "@churchhub/database";
import { deliveries, newBookingFixture, type BookingFixture } from "@churchhub/test-support/cal-deliveries";
import { testProtector } from "@churchhub/test-support/pipeline";

let dataSource: DataSource;
let activities: Activities;
let reader: BookingReader;

beforeAll(async () => {
  dataSource = createDataSource({ url: inject("databaseUrl"), poolSize: 4 });
  await dataSource.initialize();
  const protector = testProtector();
  activities = createActivities({ dataSource, protector });
  reader = createBookingReader({ dataSource, protector });
});
afterAll(async () => {
  await dataSource?.destroy();
});

async function apply(delivery: CalDelivery): Promise<void> {
  await activities.applyCalDeliveries([delivery]);
}

function toDelivery(body: Record<string, unknown>): CalDelivery {
  return parseCalDelivery(Buffer.from(JSON.stringify(body)), "application/json", new Date("2026-11-24T00:00:00Z"));
}

const minute = (n: number) => new Date(Date.UTC(2026, 10, 20, 9, n)).toISOString();

/** A booking's life: maybe requested first, created, then cancelled, or rescheduled (and maybe that cancelled). */
const lifeArbitrary = fc.record({
  requestedFirst: fc.boolean(),
  ending: fc.constantFrom("none", "cancelled", "rejected", "rescheduled", "rescheduled-then-cancelled"),
  sameTimestamp: fc.boolean(),
});

type Life = { requestedFirst: boolean; ending: string; sameTimestamp: boolean };

function eventsOf(life: Life, original: BookingFixture, replacement: BookingFixture): CalDelivery[] {
  let step = 0;
  const at = () => minute(life.sameTimestamp ? 0 : step++);
  const bodies: Record<string, unknown>[] = [];
  if (life.requestedFirst) bodies.push(deliveries.requested(original, at()));
  bodies.push(deliveries.created(original, at()));
  if (life.ending === "cancelled") bodies.push(deliveries.cancelled(original, "Cannot make it", at()));
  if (life.ending === "rejected") bodies.push(deliveries.rejected(original, "Host away", at()));
  if (life.ending.startsWith("rescheduled")) bodies.push(deliveries.rescheduled(replacement, original, at()));
  if (life.ending === "rescheduled-then-cancelled")
    bodies.push(deliveries.cancelled(replacement, "Changed plans", at()));
  return bodies.map(toDelivery);
}

/** Everything the application can read back about these bookings, decrypted. */
async function snapshot(uids: readonly string[]) {
  const bookings = [];
  const audit = [];
  for (const uid of uids) {
    const booking = await reader.findByUid(uid);
    if (booking) bookings.push(booking);
    audit.push(
      ...(await reader.auditTrail(uid)).map((entry) => ({
        deliveryId: entry.deliveryId,
        triggerEvent: entry.triggerEvent,
      })),
    );
  }
  return { bookings, audit };
}

async function forget(uids: readonly string[]): Promise<void> {
  await dataSource.query("DELETE FROM audit_logs WHERE booking_uid = ANY($1)", [[...uids]]);
  await dataSource.query("DELETE FROM bookings WHERE uid = ANY($1)", [[...uids]]);
}

/** What Temporal would do for a transient failure (a deadlock the database broke, say): try again. */
async function retryingTransient(work: () => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const code =
        (error as { code?: string; driverError?: { code?: string } }).driverError?.code ??
        (error as { code?: string }).code;
      if (attempt >= 5 || !code?.startsWith("40")) throw error;
    }
  }
}

it.each([
  { how: "one by one" },
  // Workers process a booking's events in parallel: all of them at once, each in its transaction.
  { how: "concurrently" },
  // The relay's batch under a backlog: all of them in one activity, one transaction.
  { how: "in one batch" },
])(
  "converges to the in-order result under any permutation and duplication of events ($how, 300 runs)",
  async ({ how }) => {
    await fc.assert(
      fc.asyncProperty(
        lifeArbitrary.chain((life) => {
          const original = newBookingFixture();
          const replacement = newBookingFixture({
            organizerId: original.organizerId,
            startTime: "2026-12-12T10:00:00Z",
            endTime: "2026-12-12T10:30:00Z",
          });
          const events = eventsOf(life, original, replacement);
          const indexes = events.map((_, index) => index);
          return fc.record({
            life: fc.constant(life),
            uids: fc.constant([original.uid, replacement.uid]),
            events: fc.constant(events),
            // Every event at least once, some twice, in any order.
            order: fc
              .tuple(
                fc.shuffledSubarray(indexes, { minLength: indexes.length }),
                fc.array(fc.constantFrom(...indexes), { maxLength: 3 }),
              )
              .chain(([all, again]) =>
                fc.shuffledSubarray([...all, ...again], { minLength: all.length + again.length }),
              ),
          });
        }),
        async ({ uids, events, order }) => {
          for (const event of events) await apply(event);
          const inOrder = await snapshot(uids);
          await forget(uids);

          if (how === "concurrently")
            await Promise.all(order.map((index) => retryingTransient(() => apply(events[index]!))));
          else if (how === "in one batch") await activities.applyCalDeliveries(order.map((index) => events[index]!));
          else for (const index of order) await apply(events[index]!);
          const shuffled = await snapshot(uids);
          await forget(uids);

          expect(shuffled).toEqual(inOrder);
          // Every distinct event is audited exactly once.
          expect(shuffled.audit).toHaveLength(events.length);
        },
      ),
      { numRuns: 300 },
    );
  },
  // 300 runs take about a minute on two idle cores, two at a load of 17: load must not fail it.
  300_000,
);
