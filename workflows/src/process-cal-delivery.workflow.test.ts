// processCalDeliveryWorkflow's branches, on a real Temporal server with a mocked activity: the local
// activity first, the regular one when the local attempts run out, a batch split into single deliveries
// when it keeps failing, and no second try at all for a delivery the database refuses as invalid.
import { activityInfo } from "@temporalio/activity";
import { WorkflowFailedError } from "@temporalio/client";
import { ApplicationFailure } from "@temporalio/common";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INVALID_DELIVERY, type CalDelivery, type ProcessCalDeliveryResult } from "@churchhub/contracts";
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

function applied(delivery: CalDelivery, how: string): ProcessCalDeliveryResult {
  return {
    deliveryId: delivery.deliveryId,
    bookingUid: delivery.bookingUid,
    outcome: "applied",
    bookingUpdated: true,
    auditLogId: `audit-${how}`,
  };
}

/**
 * applyCalDeliveries as a mock that records each call (local or scheduled, and which bookings) and
 * answers per `behaviour`, which may throw.
 */
function applyCalDeliveriesMock(
  behaviour: (how: "local" | "regular", deliveries: CalDelivery[]) => ProcessCalDeliveryResult[] | undefined,
) {
  const calls: string[] = [];
  return {
    calls,
    activities: {
      async applyCalDeliveries(deliveries: CalDelivery[]) {
        const how = activityInfo().isLocal ? "local" : "regular";
        calls.push(`${how}:${deliveries.map((delivery) => delivery.bookingUid).join("+")}`);
        return behaviour(how, deliveries) ?? deliveries.map((delivery) => applied(delivery, how));
      },
    },
  };
}

/** A short next-retry delay keeps the local attempts' own back-off (about 15 s) out of the tests. */
const databaseAway = () => ApplicationFailure.create({ message: "database away", nextRetryDelay: "10 ms" });

describe("processCalDeliveryWorkflow", () => {
  it("applies the delivery once, as a local activity, when the database answers", async () => {
    const mock = applyCalDeliveriesMock(() => undefined);
    const delivery = testDelivery("uid-local");
    await expect(
      environment.run("processCalDeliveryWorkflow", [{ deliveries: [delivery] }], mock.activities),
    ).resolves.toEqual({ deliveries: [applied(delivery, "local")] });
    expect(mock.calls).toEqual(["local:uid-local"]);
  });

  it("applies a batch in one local activity", async () => {
    const mock = applyCalDeliveriesMock(() => undefined);
    const batch = [testDelivery("uid-a"), testDelivery("uid-b"), testDelivery("uid-c")];
    const result = await environment.run("processCalDeliveryWorkflow", [{ deliveries: batch }], mock.activities);
    expect(result.deliveries.map((entry) => entry.bookingUid)).toEqual(["uid-a", "uid-b", "uid-c"]);
    expect(mock.calls).toEqual(["local:uid-a+uid-b+uid-c"]);
  });

  it("hands the work to the regular activity after the local activity's five attempts fail", async () => {
    const mock = applyCalDeliveriesMock((how) => {
      if (how === "local") throw databaseAway();
      return undefined;
    });
    const result = await environment.run(
      "processCalDeliveryWorkflow",
      [{ deliveries: [testDelivery("uid-fallback")] }],
      mock.activities,
    );
    expect(result.deliveries[0]!.auditLogId).toBe("audit-regular");
    expect(mock.calls).toEqual([...Array(5).fill("local:uid-fallback"), "regular:uid-fallback"]);
  });

  it("fails the run at once, without the regular activity, when the delivery is invalid", async () => {
    const mock = applyCalDeliveriesMock(() => {
      throw ApplicationFailure.nonRetryable("The delivery cannot be stored (SQLSTATE 22P02)", INVALID_DELIVERY);
    });
    const delivery = testDelivery("uid-invalid");
    const failure = await environment
      .run("processCalDeliveryWorkflow", [{ deliveries: [delivery] }], mock.activities)
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WorkflowFailedError);
    expect((failure as WorkflowFailedError).cause).toMatchObject({ type: INVALID_DELIVERY, nonRetryable: true });
    expect((failure as WorkflowFailedError).cause?.message).toContain(delivery.deliveryId);
    expect(mock.calls).toEqual(["local:uid-invalid"]);
  });

  it("keeps the batch's other deliveries when the activity reports one as invalid, and fails the run naming it", async () => {
    const batch = [testDelivery("uid-ok-1"), testDelivery("uid-bad"), testDelivery("uid-ok-2")];
    const mock = applyCalDeliveriesMock((how, deliveries) =>
      deliveries.map((delivery) =>
        delivery.bookingUid === "uid-bad"
          ? { ...applied(delivery, how), outcome: "failed", bookingUpdated: false, auditLogId: null, failure: "22P02" }
          : applied(delivery, how),
      ),
    );
    const failure = await environment
      .run("processCalDeliveryWorkflow", [{ deliveries: batch }], mock.activities)
      .catch((error: unknown) => error);
    expect((failure as WorkflowFailedError).cause).toMatchObject({ type: INVALID_DELIVERY, nonRetryable: true });
    expect((failure as WorkflowFailedError).cause?.message).toMatch(/^1 of 3 deliveries cannot be stored: uid-bad/);
    // One call: the other two were applied in it and are not retried.
    expect(mock.calls).toEqual(["local:uid-ok-1+uid-bad+uid-ok-2"]);
  });

  it("splits a batch that keeps failing: the others are applied while the poisoned delivery retries alone", async () => {
    const batch = [testDelivery("uid-fine-1"), testDelivery("uid-poison"), testDelivery("uid-fine-2")];
    // Something in this delivery's data breaks processing in a way no SQLSTATE classifies (a bug): retryable.
    const mock = applyCalDeliveriesMock((_how, deliveries) => {
      if (deliveries.some((delivery) => delivery.bookingUid === "uid-poison")) throw databaseAway();
      return undefined;
    });
    const seen = await environment.watch(
      "processCalDeliveryWorkflow",
      [{ deliveries: batch }],
      mock.activities,
      async (handle) => {
        const deadline = Date.now() + 30_000;
        while (!mock.calls.includes("regular:uid-poison")) {
          if (Date.now() > deadline)
            throw new Error(`the poisoned delivery never reached the regular activity: ${mock.calls}`);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        return { description: await handle.describe(), calls: [...mock.calls] };
      },
    );
    expect(seen.calls.slice(0, 5)).toEqual(Array(5).fill("local:uid-fine-1+uid-poison+uid-fine-2"));
    expect(seen.calls).toContain("local:uid-fine-1");
    expect(seen.calls).toContain("local:uid-fine-2");
    expect(seen.calls.filter((call) => call.includes("uid-fine"))).toHaveLength(7);
    expect(seen.description.status.name).toBe("RUNNING");
    expect(seen.description.raw.pendingActivities?.map((activity) => activity.activityType?.name)).toEqual([
      "applyCalDeliveries",
    ]);
  });
});
