// Experiment, not product code: processCalDeliveryWorkflow's three steps as local activities (run in the
// worker within one workflow task), to measure what that shape would cost Temporal per event.
import { proxyLocalActivities } from "@temporalio/workflow";
import type { CalDelivery } from "@churchhub/contracts";
import type { Activities } from "@churchhub/activities";
const { upsertOrganizer, persistBooking, writeAuditLog } = proxyLocalActivities<Activities>({
  startToCloseTimeout: "30 seconds",
  retry: {
    initialInterval: "1 second",
    backoffCoefficient: 2,
    maximumInterval: "1 minute",
    nonRetryableErrorTypes: ["InvalidDelivery"],
  },
});
export async function processCalDeliveryLocalWorkflow(delivery: CalDelivery) {
  const userId = await upsertOrganizer(delivery.booking!.organizer);
  const { applied } = await persistBooking({ delivery, userId });
  return writeAuditLog({ delivery, userId, outcome: applied ? "applied" : "superseded", source: delivery.source });
}
