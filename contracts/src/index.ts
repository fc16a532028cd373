export * from "./task-queue.js";
export * from "./cal-delivery.js";
export * from "./workflow-ids.js";
export * from "./event-order.js";
export * from "./booking-triggers.js";
export * from "./connection-urls.js";
export * from "./search-attributes.js";
