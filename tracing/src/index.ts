export {
  currentTraceparent,
  startTracing,
  tracer,
  withTraceparent,
  type Tracing,
  type TracingOptions,
} from "./start-tracing.js";
export { tracingClientInterceptors, tracingWorkerOptions } from "./temporal-tracing.js";
