// Experiment, not product code: the one-transaction activity as a regular (scheduled) activity, to
// separate what one transaction saves from what running it locally saves.
import { proxyActivities } from "@temporalio/workflow";
import { INVALID_DELIVERY, type CalDelivery } from "@churchhub/contracts";
import type { Activities } from "@churchhub/activities";
const { applyCalDeliveries } = proxyActivities<Activities>({
  startToCloseTimeout: "30 seconds",
  retry: {
    initialInterval: "1 second",
    backoffCoefficient: 2,
    maximumInterval: "1 minute",
    nonRetryableErrorTypes: [INVALID_DELIVERY],
  },
});
export async function processCalDeliveryOneActivityWorkflow(delivery: CalDelivery) {
  return applyCalDeliveries([delivery]);
}
