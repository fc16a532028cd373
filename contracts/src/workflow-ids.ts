// Workflow ids are how duplicates collapse and how a person finds a run in the Temporal UI, so they
// say what the run is about and carry no personal data. (Ids built from a digest are in ./client/:
// hashing needs node:crypto, which workflow code cannot import.)
const SAFE = /[^A-Za-z0-9_-]/g;

/** Trigger + booking uid + short digest of the event: every delivery of one event maps to one run. */
export function calDeliveryWorkflowId(delivery: {
  triggerEvent: string;
  bookingUid: string | null;
  deliveryId: string;
}): string {
  const trigger = delivery.triggerEvent.toLowerCase().replace(SAFE, "-").slice(0, 48) || "unknown";
  const subject = (delivery.bookingUid ?? "no-booking").replace(SAFE, "-").slice(0, 64);
  return `cal-${trigger}-${subject}-${delivery.deliveryId.slice(0, 16)}`;
}

/** One run per authorization attempt: a reloaded callback page joins it. */
export function connectCalAccountWorkflowId(attemptId: string): string {
  return `cal-connect-${attemptId}`;
}

/** One run per connection at a time: a second disconnect request joins it. */
export function disconnectCalAccountWorkflowId(connectionId: string): string {
  return `cal-disconnect-${connectionId}`;
}

/** The Temporal Schedule that runs the reconciliation (its runs' ids start with it). */
export const RECONCILIATION_SCHEDULE_ID = "reconcile-cal-bookings";
/** Polls, more often, only the connected accounts Cal.com gave no webhook (missing scope). */
export const WITHOUT_WEBHOOK_RECONCILIATION_SCHEDULE_ID = "reconcile-cal-without-webhook";
