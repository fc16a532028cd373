// processCalDeliveryWorkflow's branches, on a real Temporal server with a mocked activity: the local
// activity first, the regular one when the local attempts run out, and no second try at all for a
// delivery the database refuses as invalid.
import { activityInfo } from "@temporalio/activity";
import { WorkflowFailedError } from "@temporalio/client";
import { ApplicationFailure } from "@temporalio/common";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INVALID_DELIVERY } from "@churchhub/contracts";
import { testDelivery } from "./test-support/deliveries.js";
import {
  startWorkflowTestEnvironment,
  type WorkflowTestEnvironment,
} from "./test-support/workflow-test-environment.js";

let environment: WorkflowTestEnvironment;
beforeAll(async () => {
  environment = await startWorkflowTestEnvironment();
});
afterAll(async () => {
  await environment?.teardown();
});

/** applyCalDelivery as a mock that records how it was run (local or scheduled) and answers per `behaviour`. */
function applyCalDeliveryMock(behaviour: (how: "local" | "regular") => void) {
  const calls: Array<"local" | "regular"> = [];
  return {
    calls,
    activities: {
      async applyCalDelivery() {
        const how = activityInfo().isLocal ? "local" : "regular";
        calls.push(how);
        behaviour(how);
        return { bookingUpdated: true, auditLogId: `audit-${how}` };
      },
    },
  };
}

describe("processCalDeliveryWorkflow", () => {
  it("applies the delivery once, as a local activity, when the database answers", async () => {
    const mock = applyCalDeliveryMock(() => undefined);
    const delivery = testDelivery("uid-local");
    await expect(environment.run("processCalDeliveryWorkflow", [delivery], mock.activities)).resolves.toEqual({
      deliveryId: delivery.deliveryId,
      bookingUid: "uid-local",
      bookingUpdated: true,
      auditLogId: "audit-local",
    });
    expect(mock.calls).toEqual(["local"]);
  });

  it("hands the work to the regular activity after the local activity's five attempts fail", async () => {
    // A short next-retry delay keeps the local attempts' own back-off (about 15 s) out of the test.
    const mock = applyCalDeliveryMock((how) => {
      if (how === "local") throw ApplicationFailure.create({ message: "database away", nextRetryDelay: "10 ms" });
    });
    const result = await environment.run("processCalDeliveryWorkflow", [testDelivery("uid-fallback")], mock.activities);
    expect(result.auditLogId).toBe("audit-regular");
    expect(mock.calls).toEqual(["local", "local", "local", "local", "local", "regular"]);
  });

  it("fails the run at once, without the regular activity, when the delivery is invalid", async () => {
    const mock = applyCalDeliveryMock(() => {
      throw ApplicationFailure.nonRetryable("The delivery cannot be stored (SQLSTATE 22P02)", INVALID_DELIVERY);
    });
    const failure = await environment
      .run("processCalDeliveryWorkflow", [testDelivery("uid-invalid")], mock.activities)
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WorkflowFailedError);
    // The local activity's failure is the run's failure as it was raised (no ActivityFailure around it).
    expect((failure as WorkflowFailedError).cause).toMatchObject({ type: INVALID_DELIVERY, nonRetryable: true });
    expect(mock.calls).toEqual(["local"]);
  });
});
