// Experiment, not product code: processCalDeliveryWorkflow as it was before the one-transaction patch
// (three regular activities), kept so the experiment can measure the shape it replaced.
import { proxyActivities } from "@temporalio/workflow";
import type { CalDelivery } from "@churchhub/contracts";
import type { Activities } from "@churchhub/activities";
const { upsertOrganizer, persistBooking, writeAuditLog } = proxyActivities<Activities>({
  startToCloseTimeout: "30 seconds",
  retry: {
    initialInterval: "1 second",
    backoffCoefficient: 2,
    maximumInterval: "1 minute",
    nonRetryableErrorTypes: ["InvalidDelivery"],
  },
});
export async function processCalDeliveryThreeActivitiesWorkflow(delivery: CalDelivery) {
  const userId = await upsertOrganizer(delivery.booking!.organizer);
  const { applied } = await persistBooking({ delivery, userId });
  return writeAuditLog({ delivery, userId, outcome: applied ? "applied" : "superseded", source: delivery.source });
}
