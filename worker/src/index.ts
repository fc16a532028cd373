export { createBookingWorker, workflowsPath } from "./create-worker.js";
export { buildWorker, type BuiltWorker, type WorkerProcessParts } from "./build-worker.js";
export { createTemporalLogger } from "./temporal-logger.js";
export { ensureReconciliationSchedule } from "./reconciliation-schedule.js";
export { ensurePlatformWebhook, type PlatformWebhookOutcome } from "./platform-webhook.js";
