// Every workflow the worker hosts. The exported names are the workflow types in Temporal.
export { processCalDeliveryWorkflow } from './process-cal-delivery.workflow.js';
