export { createActivities, type Activities, type ActivityDependencies, type WriteAuditLogInput } from './create-activities.js';
export { INVALID_DELIVERY } from './classify-database-error.js';
export type { PersistBookingResult } from './persist-booking.js';
export {
  createTokenActivities,
  type EnsuredToken,
  type TokenActivities,
  type TokenActivityDependencies,
  type TokenOutcome,
} from './managed-user-tokens/create-token-activities.js';
export { CAL_REJECTED, UNKNOWN_MANAGED_USER } from './managed-user-tokens/token-failures.js';
export { createReconciliationActivities, type ReconciliationActivities, type ReconciliationPage } from './reconciliation/create-reconciliation-activities.js';
export { apiBookingToDelivery } from './reconciliation/api-booking-to-delivery.js';
