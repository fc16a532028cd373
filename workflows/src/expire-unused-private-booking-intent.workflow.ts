// A private booking's intent holds what the person chose to leave us before they have booked. If no
// booking comes by its expiry (they closed the page), it must not stay: this run sleeps in Temporal until
// then and deletes it, unless a booking was linked meanwhile (then it is that booking's personal data,
// erased with it). A durable timer rather than a sweep: the deletion happens even on a day nobody else
// books privately. Only the intent's id and a date pass through its history.
import { proxyActivities, sleep } from "@temporalio/workflow";
import type {
  ExpireUnusedPrivateBookingIntentInput,
  ExpireUnusedPrivateBookingIntentResult,
} from "@churchhub/contracts";
// Types only: activity code never enters the workflow sandbox.
import type { SensitiveRetentionActivities } from "@churchhub/activities";

// The deletion must happen however long the database is away: retried without limit, backing off.
const { deleteUnusedPrivateBookingIntent } = proxyActivities<SensitiveRetentionActivities>({
  startToCloseTimeout: "30 seconds",
  retry: { initialInterval: "1 second", backoffCoefficient: 2, maximumInterval: "5 minutes" },
});

export async function expireUnusedPrivateBookingIntentWorkflow(
  input: ExpireUnusedPrivateBookingIntentInput,
): Promise<ExpireUnusedPrivateBookingIntentResult> {
  const remaining = Date.parse(input.expiresAt) - Date.now();
  if (remaining > 0) await sleep(remaining);
  const deleted = await deleteUnusedPrivateBookingIntent(input.intentId);
  return { outcome: deleted ? "deleted" : "booked" };
}
