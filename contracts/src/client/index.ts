// The starting side of the contracts, for code outside workflows (it needs the Temporal client and
// node:crypto, which the workflow sandbox refuses).
export * from "./start-workflow.js";
export * from "./digest-workflow-ids.js";
