// What both sides of Temporal share, safe to import in workflow code. Starting workflows (the Temporal
// client, digests) is in "@churchhub/contracts/client".
export * from "./workflow-contracts.js";
export * from "./failure-types.js";
export * from "./cal-delivery.js";
export * from "./workflow-ids.js";
export * from "./event-order.js";
export * from "./booking-triggers.js";
export * from "./connection-urls.js";
export * from "./search-attributes.js";
export * from "./questionnaire-workflows.js";
export * from "./sensitive-settings.js";
export * from "./sensitive-retention.js";
