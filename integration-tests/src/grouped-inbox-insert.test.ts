// Group commit of inbox inserts against the real Postgres of the test run: concurrent deliveries share
// statements, each acknowledged one is in the inbox once, redeliveries are still told apart, and a
// failed statement rejects every request of its group and no other.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { Client, Connection } from "@temporalio/client";
import type { CalDelivery } from "@churchhub/contracts";
import { createDataSource, type DataSource } from "@churchhub/database";
import { createLogger } from "@churchhub/logging";
import { freePort } from "@churchhub/local-stack";
import {
  createDeliveryRecorder,
  createGroupedInboxInsert,
  createInboxStore,
  type InboxStore,
} from "@churchhub/delivery-inbox";

function delivery(triggerEvent = "BOOKING_CREATED"): CalDelivery {
  return {
    deliveryId: randomBytes(32).toString("hex"),
    triggerEvent,
    kind: "other",
    occurredAt: new Date().toISOString(),
    receivedAt: new Date().toISOString(),
    bookingUid: randomBytes(8).toString("base64url"),
    booking: null,
    rawBody: {},
  };
}

let dataSource: DataSource;
let store: InboxStore;
beforeAll(async () => {
  dataSource = createDataSource({ url: inject("databaseUrl"), poolSize: 4 });
  await dataSource.initialize();
  // The codec is not what is tested here: plain JSON keeps the rows readable.
  store = createInboxStore({ dataSource, codec: { encode: JSON.stringify, decode: JSON.parse } });
});
afterAll(async () => {
  await dataSource?.destroy();
});

async function rowsFor(deliveries: readonly CalDelivery[]): Promise<Map<string, number>> {
  const rows: Array<{ delivery_id: string; n: number }> = await dataSource.query(
    "SELECT delivery_id, count(*)::int AS n FROM webhook_inbox WHERE delivery_id = ANY($1) GROUP BY delivery_id",
    [deliveries.map((each) => each.deliveryId)],
  );
  return new Map(rows.map((row) => [row.delivery_id, row.n]));
}

/** The store, counting its statements (each is one commit). */
function countingStore(): { inbox: InboxStore; statements: number[] } {
  const statements: number[] = [];
  return {
    statements,
    inbox: {
      ...store,
      insertMany: (deliveries) => {
        statements.push(deliveries.length);
        return store.insertMany(deliveries);
      },
    },
  };
}

describe("recording deliveries through grouped inbox inserts", () => {
  it("records 60 concurrent deliveries in far fewer commits, each in the inbox exactly once", async () => {
    const { inbox, statements } = countingStore();
    // Temporal is not reachable: every delivery must have gone to the inbox to be recorded at all.
    const client = new Client({ connection: Connection.lazy({ address: `127.0.0.1:${await freePort()}` }) });
    const recorder = createDeliveryRecorder({
      inbox,
      temporal: { client, taskQueue: "grouped-insert-test", startTimeoutMs: 500 },
      logger: createLogger({ level: "silent" }),
    });
    const deliveries = Array.from({ length: 60 }, () => delivery());

    const outcomes = await Promise.all(deliveries.map((each) => recorder.record(each)));

    expect(outcomes.every((outcome) => outcome.via === "inbox" && !outcome.duplicate)).toBe(true);
    // The first starts alone (nothing to wait for); the 59 that arrive during its commit share the next.
    expect(statements).toEqual([1, 59]);
    const rows = await rowsFor(deliveries);
    expect(deliveries.filter((each) => rows.get(each.deliveryId) !== 1)).toEqual([]);
  });

  it("tells redeliveries apart by digest, within a group and against rows already there", async () => {
    const grouped = createGroupedInboxInsert({ insertMany: store.insertMany, maxGroupSize: 256 });
    const earlier = delivery();
    await grouped.insert(earlier);
    const [first, fresh] = [delivery(), delivery()];
    // A redelivery of `fresh` in the same group: same event (digest), received a moment later.
    const copy = { ...fresh, receivedAt: new Date(Date.now() + 1_000).toISOString() };

    const outcomes = await Promise.all([first, earlier, fresh, copy].map((each) => grouped.insert(each)));

    expect(outcomes.map((outcome) => outcome.inserted)).toEqual([true, false, true, false]);
    const rows = await rowsFor([first, earlier, fresh]);
    expect([rows.get(first.deliveryId), rows.get(earlier.deliveryId), rows.get(fresh.deliveryId)]).toEqual([1, 1, 1]);
  });

  it("rejects every request of a failed group, and only those; the next group is tried afresh", async () => {
    const grouped = createGroupedInboxInsert({ insertMany: store.insertMany, maxGroupSize: 256 });
    // Postgres refuses a NUL character in text, so the statement carrying this row fails as a whole.
    const [alone, before, unstorable, after] = [delivery(), delivery(), delivery("BOOKING\u0000CREATED"), delivery()];

    const settled = await Promise.allSettled([alone, before, unstorable, after].map((each) => grouped.insert(each)));
    const later = await grouped.insert(delivery()).then(
      () => "committed",
      () => "rejected",
    );

    expect(settled.map((result) => result.status)).toEqual(["fulfilled", "rejected", "rejected", "rejected"]);
    const reasons = settled.slice(1).map((result) => (result as PromiseRejectedResult).reason);
    expect(new Set(reasons).size).toBe(1);
    expect(String(reasons[0])).toMatch(/0x00/);
    expect(later).toBe("committed");
    const rows = await rowsFor([alone, before, after]);
    expect([rows.get(alone.deliveryId), rows.get(before.deliveryId), rows.get(after.deliveryId)]).toEqual([
      1,
      undefined,
      undefined,
    ]);
  });
});
