// The Temporal UI links of the reconciliation screen.
import { describe, expect, it } from "vitest";
import { temporalScheduleUrl, temporalWorkflowUrl } from "./temporal-ui-links";

describe("Temporal UI links", () => {
  it("points at a run's history and at a schedule, with each segment encoded", () => {
    expect(
      temporalWorkflowUrl("http://127.0.0.1:8233/", "default", "reconcile-cal-bookings-2026-12-02T08:00:00Z", "r1"),
    ).toBe(
      "http://127.0.0.1:8233/namespaces/default/workflows/reconcile-cal-bookings-2026-12-02T08%3A00%3A00Z/r1/history",
    );
    expect(temporalScheduleUrl("https://temporal.example.org", "church prod", "reconcile-cal-bookings")).toBe(
      "https://temporal.example.org/namespaces/church%20prod/schedules/reconcile-cal-bookings",
    );
  });
});
