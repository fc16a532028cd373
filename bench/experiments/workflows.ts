// The workflows the experiment's worker hosts: the product's, and the shapes it is compared with.
export { processCalDeliveryWorkflow } from "@churchhub/workflows";
export { processCalDeliveryLocalWorkflow } from "./local-activities.workflow.js";
export { processCalDeliveryThreeActivitiesWorkflow } from "./three-activities.workflow.js";
export { processCalDeliveryOneActivityWorkflow } from "./one-activity.workflow.js";
export { processCalDeliveryUnpatchedWorkflow } from "./one-local-unpatched.workflow.js";
