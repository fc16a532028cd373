// The names both sides of Temporal agree on: the api/starters and the worker import these, nothing else.
export const DEFAULT_TASK_QUEUE = "churchhub-booking";

export const WORKFLOW_TYPES = {
  processCalDelivery: "processCalDeliveryWorkflow",
  mintManagedUserToken: "mintManagedUserTokenWorkflow",
  reconcileBookings: "reconcileBookingsWorkflow",
  connectCalAccount: "connectCalAccountWorkflow",
  disconnectCalAccount: "disconnectCalAccountWorkflow",
} as const;

/** The Temporal Schedule that runs the reconciliation. */
export const RECONCILIATION_SCHEDULE_ID = "reconcile-cal-bookings";
/** Polls, more often, only the connected accounts Cal.com gave no webhook (missing scope). */
export const WITHOUT_WEBHOOK_RECONCILIATION_SCHEDULE_ID = "reconcile-cal-without-webhook";
