// One trace per delivery: from the webhook request, through the inbox and the relay's workflow start,
// into the workflow and its activity (a local one: the worker runs it within the workflow task).
import { InMemorySpanExporter } from "@opentelemetry/sdk-trace-base";
import { afterAll, beforeAll, expect, it } from "vitest";
import { deliveries, newBookingFixture } from "@churchhub/test-support/cal-deliveries";
import { startPipeline, type Pipeline } from "@churchhub/test-support/pipeline";

const exporter = new InMemorySpanExporter();
let pipeline: Pipeline;

beforeAll(async () => {
  pipeline = await startPipeline({ spanExporter: exporter });
});
afterAll(async () => {
  await pipeline?.stop();
});

it("links the webhook request, the workflow and its activities in one trace", async () => {
  const body = deliveries.created(newBookingFixture());
  const response = await pipeline.send(body);
  expect(response.status).toBe(202);
  await pipeline.processed(response, body);

  const spans = exporter.getFinishedSpans();
  const request = spans.find((span) => span.name === "POST /webhooks/cal");
  expect(request).toBeDefined();
  const inTrace = spans
    .filter((span) => span.spanContext().traceId === request!.spanContext().traceId)
    .map((span) => span.name);
  expect(inTrace).toEqual(
    expect.arrayContaining([
      "POST /webhooks/cal",
      "StartWorkflow:processCalDeliveryWorkflow",
      "RunWorkflow:processCalDeliveryWorkflow",
      "RunActivity:applyCalDeliveries",
    ]),
  );
});
