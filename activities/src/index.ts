export { createActivities, type Activities } from "./create-activities.js";
export { INVALID_DELIVERY } from "./classify-database-error.js";
export {
  createTokenActivities,
  type EnsuredToken,
  type TokenActivities,
} from "./managed-user-tokens/create-token-activities.js";
export { CAL_REJECTED, UNKNOWN_MANAGED_USER } from "./managed-user-tokens/token-failures.js";
export {
  createReconciliationActivities,
  type ReconciliationActivities,
} from "./reconciliation/create-reconciliation-activities.js";
export { apiBookingToDelivery } from "./reconciliation/api-booking-to-delivery.js";
export {
  createConnectionActivities,
  type CompletedConnection,
  type ConnectionActivities,
} from "./cal-connections/create-connection-activities.js";
export { createConnectionTokenKeeper, type ConnectionTokenKeeper } from "./cal-connections/connection-token-keeper.js";
export {
  AUTHORIZATION_REFUSED,
  CONNECTION_CAL_REJECTED,
  CONNECTION_GONE,
  CONNECTION_NEEDS_RECONNECT,
  NeedsReconnectError,
} from "./cal-connections/connection-failures.js";
