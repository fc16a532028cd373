// The workflows the experiment's worker hosts: the product's, and the shape it is compared with.
export { processCalDeliveryWorkflow } from "@churchhub/workflows";
export { processCalDeliveryOneActivityWorkflow } from "./one-activity.workflow.js";
