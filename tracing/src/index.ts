export { currentTraceparent, startTracing, tracer, withTraceparent, type Tracing } from "./start-tracing.js";
export { tracingClientInterceptors, tracingWorkerOptions } from "./temporal-tracing.js";
