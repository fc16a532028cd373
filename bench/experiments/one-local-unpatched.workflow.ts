// Experiment, not product code: the product's one-transaction local activity without the patch call,
// to measure what patched() costs per run (a marker and an upsert of the TemporalChangeVersion search
// attribute, i.e. one more visibility write).
import { proxyLocalActivities } from "@temporalio/workflow";
import type { CalDelivery } from "@churchhub/contracts";
import type { Activities } from "@churchhub/activities";
const { applyCalDelivery } = proxyLocalActivities<Activities>({
  startToCloseTimeout: "30 seconds",
  retry: {
    initialInterval: "1 second",
    backoffCoefficient: 2,
    maximumInterval: "8 seconds",
    maximumAttempts: 5,
    nonRetryableErrorTypes: ["InvalidDelivery"],
  },
});
export async function processCalDeliveryUnpatchedWorkflow(delivery: CalDelivery) {
  return applyCalDelivery(delivery);
}
