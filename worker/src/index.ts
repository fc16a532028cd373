export { createBookingWorker, workflowsPath } from "./create-worker.js";
export { createTemporalLogger } from "./temporal-logger.js";
export { ensureReconciliationSchedule } from "./reconciliation-schedule.js";
