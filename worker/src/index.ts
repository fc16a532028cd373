export { createBookingWorker, workflowsPath, type BookingWorkerOptions } from './create-worker.js';
