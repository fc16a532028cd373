// The names both sides of Temporal agree on: the api/starters and the worker import these, nothing else.

export const WORKFLOW_TYPES = {
  processCalDelivery: "processCalDeliveryWorkflow",
  mintManagedUserToken: "mintManagedUserTokenWorkflow",
  reconcileBookings: "reconcileBookingsWorkflow",
  connectCalAccount: "connectCalAccountWorkflow",
  disconnectCalAccount: "disconnectCalAccountWorkflow",
} as const;

/** The Temporal Schedule that runs the reconciliation. */
export const RECONCILIATION_SCHEDULE_ID = "reconcile-cal-bookings";
