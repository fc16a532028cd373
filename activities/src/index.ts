export { createActivities, type Activities, type ActivityDependencies } from "./create-activities.js";
export type { AppliedDelivery } from "./apply-cal-delivery.js";
export type { WriteAuditLogInput } from "./write-audit-entry.js";
export { INVALID_DELIVERY } from "./classify-database-error.js";
export type { PersistBookingResult } from "./persist-booking.js";
export {
  createTokenActivities,
  type EnsuredToken,
  type TokenActivities,
  type TokenActivityDependencies,
  type TokenOutcome,
} from "./managed-user-tokens/create-token-activities.js";
export { CAL_REJECTED, UNKNOWN_MANAGED_USER } from "./managed-user-tokens/token-failures.js";
export {
  createReconciliationActivities,
  type ReconciliationActivities,
  type ReconciliationDependencies,
  type ReconciliationPage,
  type ReconciliationSources,
} from "./reconciliation/create-reconciliation-activities.js";
export { apiBookingToDelivery } from "./reconciliation/api-booking-to-delivery.js";
export {
  createConnectionActivities,
  type CompletedConnection,
  type ConnectionWebhookOutcome,
  type ConnectionAction,
  type ConnectionActivities,
  type ConnectionActivityDependencies,
  type ConnectionAuditInput,
} from "./cal-connections/create-connection-activities.js";
export {
  createConnectionTokenKeeper,
  type ConnectionTokenKeeper,
  type FreshTokenOutcome,
} from "./cal-connections/connection-token-keeper.js";
export {
  AUTHORIZATION_REFUSED,
  CONNECTION_CAL_REJECTED,
  CONNECTION_GONE,
  CONNECTION_NEEDS_RECONNECT,
  ConnectionGoneError,
  NeedsReconnectError,
} from "./cal-connections/connection-failures.js";
