// Bad input to the api's other endpoints that take input (tokens, codec, replay, admin API keys,
// sign-in; path and query parameters), authorised and not: never a 5xx, every refusal a JSON error
// whose message says what is wrong (401 says only "Unauthorized", by design), and the server stays up.
import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Pipeline } from "@churchhub/test-support/pipeline";
import { startFuzzPipeline } from "./support/fuzz-pipeline.js";
import {
  headersFor,
  jsonEndpointRequest,
  parameterRequest,
  type Credentials,
  type EndpointRequest,
} from "./support/endpoint-requests.js";
import { answerOf, expectWellFormedClientError } from "./support/http-answers.js";

let pipeline: Pipeline;
let credentials: Credentials;
const sent = new Map<string, number>();

beforeAll(async () => {
  pipeline = await startFuzzPipeline("endpoints", { calEmulator: {} });
  credentials = {
    operatorKey: (await pipeline.apiKeys.create({ name: "Fuzz operator", role: "operator" })).key,
    adminKey: (await pipeline.apiKeys.create({ name: "Fuzz admin", role: "admin" })).key,
    webServerToken: pipeline.webServerToken,
  };
});
afterAll(async () => {
  console.log(
    `[fuzz] other endpoints, requests sent:\n${[...sent].map(([property, count]) => `  ${String(count).padStart(5)}  ${property}`).join("\n")}`,
  );
  await pipeline?.stop();
});

async function expectNoServerError(property: string, request: EndpointRequest): Promise<void> {
  sent.set(property, (sent.get(property) ?? 0) + 1);
  const response = await fetch(`${pipeline.baseUrl}${request.path}`, {
    method: request.method,
    headers: headersFor(request, credentials),
    body: request.body ?? undefined,
  });
  const answer = await answerOf(response);
  const context = `${request.label}\n  → ${answer.status} ${answer.text.slice(0, 300)}`;
  expect(answer.status, context).toBeLessThan(500);
  if (answer.status >= 400) expectWellFormedClientError(answer, context);
}

it("answers bodies of every shape to the JSON endpoints without a 5xx, naming what is wrong", async () => {
  const property = "POST tokens, codec, replay, admin/api-keys: any body, any credential";
  await fc.assert(
    fc.asyncProperty(jsonEndpointRequest, (request) => expectNoServerError(property, request)),
    { numRuns: 800 },
  );
  expect((await fetch(`${pipeline.baseUrl}/health`)).status).toBe(200);
  // 800 requests, each checked against the OpenAPI document: ~20 s on idle cores, more on a busy machine.
}, 180_000);

it("answers odd path and query parameters and sign-in forms without a 5xx", async () => {
  const property = "path/query parameters, sign-in form, refresh token: any value, any credential";
  await fc.assert(
    fc.asyncProperty(parameterRequest, (request) => expectNoServerError(property, request)),
    { numRuns: 400 },
  );
  expect((await fetch(`${pipeline.baseUrl}/health`)).status).toBe(200);
});
