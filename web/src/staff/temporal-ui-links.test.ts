// Temporal UI links for a booking's processing runs.
import { describe, expect, it } from "vitest";
import { workflowListUrl, workflowUrl } from "./temporal-ui-links";

describe("Temporal UI links", () => {
  it("links one run by its id", () => {
    expect(workflowUrl("http://localhost:8233", "default", "cal-booking_created-abc-0123")).toBe(
      "http://localhost:8233/namespaces/default/workflows/cal-booking_created-abc-0123",
    );
  });

  it("filters the list to the booking's runs, each once", () => {
    const url = new URL(workflowListUrl("http://localhost:8233", "church", ["a-1", "b-2", "a-1"])!);
    expect(url.pathname).toBe("/namespaces/church/workflows");
    expect(url.searchParams.get("query")).toBe('WorkflowId IN ("a-1", "b-2")');
  });

  it("gives no list link when nothing has been processed", () => {
    expect(workflowListUrl("http://localhost:8233", "default", [])).toBeNull();
  });
});
