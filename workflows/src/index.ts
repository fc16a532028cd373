// Every workflow the worker hosts. The exported names are the workflow types in Temporal.
export { processCalDeliveryWorkflow } from "./process-cal-delivery.workflow.js";
export { mintManagedUserTokenWorkflow, type MintManagedUserTokenInput } from "./mint-managed-user-token.workflow.js";
export {
  reconcileBookingsWorkflow,
  type ReconcileBookingsInput,
  type ReconcileBookingsResult,
} from "./reconcile-bookings.workflow.js";
export { connectCalAccountWorkflow, type ConnectCalAccountResult } from "./connect-cal-account.workflow.js";
export {
  disconnectCalAccountWorkflow,
  type DisconnectCalAccountInput,
  type DisconnectCalAccountResult,
} from "./disconnect-cal-account.workflow.js";
