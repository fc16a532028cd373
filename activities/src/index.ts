export { createActivities, type Activities } from "./create-activities.js";
export { createTokenActivities, type TokenActivities } from "./managed-user-tokens/create-token-activities.js";
export {
  createReconciliationActivities,
  type ReconciliationActivities,
  type ReconciliationPage,
} from "./reconciliation/create-reconciliation-activities.js";
export { apiBookingToDelivery } from "./reconciliation/api-booking-to-delivery.js";
export {
  createConnectionActivities,
  type ConnectionWebhookOutcome,
  type ConnectionActivities,
} from "./cal-connections/create-connection-activities.js";
export { createConnectionTokenKeeper, type ConnectionTokenKeeper } from "./cal-connections/connection-token-keeper.js";
export { NeedsReconnectError } from "./cal-connections/connection-failures.js";
export {
  createQuestionnaireActivities,
  type QuestionnaireActivities,
  type SendReminderOutcome,
} from "./questionnaires/create-questionnaire-activities.js";
export {
  createSensitiveSettingsActivities,
  type SensitiveSettingsActivities,
} from "./sensitive-settings/create-sensitive-settings-activities.js";
export { createHostAccessTokens, type HostAccessTokens } from "./sensitive-settings/host-access-token.js";
export {
  createSensitiveRetentionActivities,
  type SensitiveRetentionActivities,
  type SensitiveRetentionDependencies,
} from "./sensitive-retention/create-sensitive-retention-activities.js";
export {
  PERSONAL_DATA_ERASED,
  type BookingDataEraser,
} from "./sensitive-retention/erase-personal-data.js";
