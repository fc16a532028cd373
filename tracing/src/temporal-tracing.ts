// Temporal's OpenTelemetry interceptors, wired the same way for every client and worker: clients put
// the active trace into workflow headers; workers continue it in workflows (exported through a sink,
// because workflow code runs in a sandbox) and activities.
import { createRequire } from "node:module";
import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
  OpenTelemetryWorkflowClientInterceptor,
} from "@temporalio/interceptors-opentelemetry";
import type { Tracing } from "./start-tracing.js";

export function tracingClientInterceptors() {
  return { workflow: [new OpenTelemetryWorkflowClientInterceptor()] };
}

export function tracingWorkerOptions(tracing: Tracing) {
  // Only when spans are exported: the workflow interceptors and their sink cost the worker about 7 ms
  // of CPU per delivery (bench/experiments/temporal-throughput.ts, TRACING=1), a quarter of what
  // processing one costs it, for spans that would be dropped.
  if (!tracing.exporting) return {};
  return {
    interceptors: {
      workflowModules: [
        createRequire(import.meta.url).resolve("@temporalio/interceptors-opentelemetry/lib/workflow-interceptors"),
      ],
      activity: [
        (ctx: ConstructorParameters<typeof OpenTelemetryActivityInboundInterceptor>[0]) => ({
          inbound: new OpenTelemetryActivityInboundInterceptor(ctx),
          outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
        }),
      ],
    },
    sinks: { exporter: makeWorkflowExporter(tracing.spanProcessor, tracing.resource) },
  };
}
