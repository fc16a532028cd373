export { createBookingWorker, workflowsPath, type BookingWorkerOptions } from "./create-worker.js";
export { createTemporalLogger } from "./temporal-logger.js";
export { ensureReconciliationSchedule, type ReconciliationScheduleOptions } from "./reconciliation-schedule.js";
export { ensurePlatformWebhook, type PlatformWebhookOutcome } from "./platform-webhook.js";
