// Reconciliation pages through Cal.com's bookings list in either form Cal.com documents: offset
// (take/skip, pagination.hasNextPage) and cursor (pagination.nextCursor, hasMore). The emulator answers in
// the form its fixtures choose; five lost bookings at two per page must all be found in both.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emulatorBookings } from "@churchhub/test-support/emulator-bookings";
import { startPipeline, type Pipeline } from "@churchhub/test-support/pipeline";

describe.each(["offset", "cursor"] as const)("bookings list paged by %s", (form) => {
  let pipeline: Pipeline;
  const uids: string[] = [];

  beforeAll(async () => {
    // No webhook subscriber: every delivery is lost, so only reconciliation can find these bookings.
    pipeline = await startPipeline({
      calEmulator: {
        fixtures: (fixtures) => {
          fixtures.bookingsListPagination = form;
        },
      },
    });
    const cal = emulatorBookings(pipeline.cal!.running.url);
    const eventTypeId = pipeline.cal!.emulator.fixtures.eventTypes[0]!.id;
    for (let slot = 0; slot < 5; slot++)
      uids.push(await cal.book(eventTypeId, { name: `Paged ${slot}`, email: `paged${slot}@example.org` }, slot));
  });
  afterAll(async () => {
    await pipeline?.stop();
  });

  it("finds every lost booking across pages of two", async () => {
    const result = (await pipeline.client.workflow.execute("reconcileBookingsWorkflow", {
      taskQueue: pipeline.taskQueue,
      workflowId: `reconcile-paging-${randomBytes(4).toString("hex")}`,
      args: [{ lookbackMinutes: 60, pageSize: 2 }],
    })) as { examined: number; reconciled: number; unreadable: number };
    expect(result).toMatchObject({ reconciled: uids.length, unreadable: 0 });
    expect(result.examined).toBeGreaterThanOrEqual(uids.length);
    const rows = await pipeline.dataSource.query("SELECT uid FROM bookings WHERE uid = ANY($1)", [uids]);
    expect(rows.map((row: { uid: string }) => row.uid).sort()).toEqual([...uids].sort());
  });
});
