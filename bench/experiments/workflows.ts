// The workflows the experiment's worker hosts: the product's, and the local-activities variant.
export { processCalDeliveryWorkflow } from '@churchhub/workflows';
export { processCalDeliveryLocalWorkflow } from './local-activities.workflow.js';
