export { createBookingWorker, workflowsPath, type BookingWorkerOptions } from "./create-worker.js";
export { buildWorker, type BuiltWorker, type WorkerProcessParts } from "./build-worker.js";
export { createTemporalLogger } from "./temporal-logger.js";
export { ensureReconciliationSchedule, type ReconciliationScheduleOptions } from "./reconciliation-schedule.js";
