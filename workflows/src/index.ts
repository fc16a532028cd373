// Every workflow the worker hosts. The exported names are the workflow types in Temporal; each has the
// signature contracts/ promises the code that starts it (checked by workflow-contracts.test.ts).
export { processCalDeliveryWorkflow } from "./process-cal-delivery.workflow.js";
export { mintManagedUserTokenWorkflow } from "./mint-managed-user-token.workflow.js";
export { reconcileBookingsWorkflow } from "./reconcile-bookings.workflow.js";
export { connectCalAccountWorkflow } from "./connect-cal-account.workflow.js";
export { disconnectCalAccountWorkflow } from "./disconnect-cal-account.workflow.js";
export { awaitQuestionnaireBookingWorkflow } from "./await-questionnaire-booking.workflow.js";
export { questionnaireReminderWorkflow } from "./questionnaire-reminder.workflow.js";
export {
  applySensitiveSettingsWorkflow,
  applySensitiveHostDefaultWorkflow,
} from "./apply-sensitive-settings.workflow.js";
export { listHostEventTypesWorkflow, managePrivateLinksWorkflow } from "./host-event-types.workflow.js";
export { expireSensitivePersonalDataWorkflow } from "./expire-sensitive-personal-data.workflow.js";
export { expireUnusedPrivateBookingIntentWorkflow } from "./expire-unused-private-booking-intent.workflow.js";
