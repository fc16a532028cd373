// The relay's cut of a claim into runs: as few as the bound allows, of even size, each booking's
// events together and in event order.
import { describe, expect, it } from "vitest";
import type { CalDelivery } from "@churchhub/contracts";
import { intoRuns } from "./delivery-runs.js";

function row(id: number, bookingUid: string | null, minute: number) {
  const delivery = {
    deliveryId: id.toString(16).padStart(64, "0"),
    triggerEvent: "BOOKING_CREATED",
    bookingUid,
    occurredAt: new Date(Date.UTC(2026, 10, 20, 9, minute)).toISOString(),
  } as CalDelivery;
  return { id: String(id), delivery };
}

describe("intoRuns", () => {
  it("keeps a single delivery a run of its own, and makes no run of nothing", () => {
    const only = row(1, "a", 0);
    expect(intoRuns([only], 25)).toEqual([[only]]);
    expect(intoRuns([], 25)).toEqual([]);
  });

  it("cuts a claim into as few runs as the bound allows, of even size", () => {
    const rows = Array.from({ length: 61 }, (_, index) => row(index, `uid-${index}`, 0));
    expect(intoRuns(rows, 25).map((run) => run.length)).toEqual([21, 21, 19]);
    expect(intoRuns(rows.slice(0, 50), 25).map((run) => run.length)).toEqual([25, 25]);
  });

  it("puts each booking's events next to each other, oldest first, whatever the claim's order", () => {
    const rows = [row(1, "b", 2), row(2, "a", 1), row(3, null, 0), row(4, "b", 1), row(5, "a", 0)];
    expect(intoRuns(rows, 25).map((run) => run.map((entry) => entry.id))).toEqual([["5", "2", "4", "1", "3"]]);
  });
});
