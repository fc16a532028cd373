// Tracing for a process: one tracer provider (async-local context, W3C trace context), exporting over
// OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT is set; the api and the relay carry the trace context
// through the inbox into the workflow's headers, and the worker continues it in workflows and
// activities (see temporal-tracing.ts). Without an exporter nothing is installed at all.
import { context, propagation, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { Resource } from "@opentelemetry/resources";
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  NoopSpanProcessor,
  SimpleSpanProcessor,
  type SpanExporter,
  type SpanProcessor,
} from "@opentelemetry/sdk-trace-base";

export interface Tracing {
  resource: Resource;
  spanProcessor: SpanProcessor;
  /** Whether spans go anywhere (an OTLP endpoint or an exporter of the caller's). */
  exporting: boolean;
  shutdown(): Promise<void>;
}

let installed: Tracing | undefined;

interface TracingOptions {
  serviceName: string;
  /** OTLP/HTTP endpoint (e.g. http://collector:4318); spans are exported to `<endpoint>/v1/traces`. */
  otlpEndpoint?: string;
  /** An exporter of your own (tests: an in-memory one); exported synchronously. */
  exporter?: SpanExporter;
}

/** Installs tracing once per process (the provider and context manager are global). */
export function startTracing(options: TracingOptions): Tracing {
  if (installed) return installed;
  const resource = new Resource({ "service.name": options.serviceName });
  if (!options.exporter && !options.otlpEndpoint) {
    // Nothing would read the spans: OpenTelemetry's API stays the no-op it is by default (no span, no
    // async context per request, no traceparent in the inbox). The provider's own code was ~2% of the
    // api's busy CPU samples at 300 deliveries/s, before the async context's bookkeeping on every
    // promise (bench/experiments/api-ack-profile.ts).
    installed = { resource, spanProcessor: new NoopSpanProcessor(), exporting: false, shutdown: async () => {} };
    return installed;
  }
  const spanProcessor: SpanProcessor = options.exporter
    ? new SimpleSpanProcessor(options.exporter)
    : new BatchSpanProcessor(new OTLPTraceExporter({ url: `${options.otlpEndpoint!.replace(/\/+$/, "")}/v1/traces` }));
  const provider = new BasicTracerProvider({ resource, spanProcessors: [spanProcessor] });
  provider.register({
    contextManager: new AsyncLocalStorageContextManager().enable(),
    propagator: new W3CTraceContextPropagator(),
  });
  installed = { resource, spanProcessor, exporting: true, shutdown: () => provider.shutdown() };
  return installed;
}

export const tracer = () => trace.getTracer("churchhub-booking");

/** The W3C traceparent of the active span, to carry the trace across the inbox. */
export function currentTraceparent(): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent;
}

/** Runs `work` inside the trace a traceparent names (or as is, without one). */
export function withTraceparent<T>(traceparent: string | undefined, work: () => T): T {
  if (!traceparent) return work();
  return context.with(propagation.extract(context.active(), { traceparent }), work);
}
