// Bad input to POST /webhooks/cal, over HTTP against the real api, worker, Temporal and Postgres:
// thousands of malformed, oversized, wrongly typed, wrongly signed and wrongly encoded requests.
// Every one is refused with the answer the README promises (401 with no detail; 400/413/415 whose
// message names the problem), the server stays up, and a refused request leaves no row anywhere.
// Extreme values the schema lets through are either processed all the way or refused by name.
import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Pipeline } from "@churchhub/test-support/pipeline";
import { startFuzzPipeline } from "./support/fuzz-pipeline.js";
import { countRows, rowsNaming, unprocessedDeliveries, type RowCounts } from "./support/database-traces.js";
import { brokenDelivery, extremeDelivery, serialize, type SignedDelivery } from "./support/delivery-mutations.js";
import { answerOf, chunkedBody, errorOf, expectRefusal, type Answer } from "./support/http-answers.js";
import {
  MAX_BODY_BYTES,
  WEBHOOK_PATHS,
  compressedRequest,
  freshUid,
  labelled,
  oversizedRequest,
  padDelivery,
  signedButUnreadableRequest,
  validSignature,
  wronglySignedRequest,
  TOO_LARGE,
  type WebhookRequest,
} from "./support/webhook-requests.js";
import { deliveries, newBookingFixture } from "@churchhub/test-support/cal-deliveries";

let pipeline: Pipeline;
/** Requests sent per property, for the summary printed at the end. */
const sent = new Map<string, number>();
let current = "";

beforeAll(async () => {
  pipeline = await startFuzzPipeline("webhooks", { maxWebhookBodyBytes: MAX_BODY_BYTES });
});
afterAll(async () => {
  const lines = [...sent].map(([property, count]) => `  ${String(count).padStart(5)}  ${property}`);
  console.log(`[fuzz] webhook requests sent: ${[...sent.values()].reduce((a, b) => a + b, 0)}\n${lines.join("\n")}`);
  await pipeline?.stop();
});

async function send(request: WebhookRequest): Promise<Answer> {
  sent.set(current, (sent.get(current) ?? 0) + 1);
  const headers: Record<string, string> = { ...request.headers };
  if (request.contentType !== null) headers["content-type"] = request.contentType;
  const signature = request.signer.sign(request.body, pipeline.secret);
  if (signature !== null) headers["x-cal-signature-256"] = signature;
  const response = await fetch(`${pipeline.baseUrl}${request.path}`, {
    method: "POST",
    headers,
    body: request.chunked ? chunkedBody(request.body) : request.body,
    duplex: "half",
  } as RequestInit);
  return answerOf(response);
}

const signedJson = (body: Buffer, path: string = WEBHOOK_PATHS[0]): WebhookRequest => ({
  label: "signed JSON",
  path,
  body,
  chunked: false,
  contentType: "application/json",
  headers: {},
  signer: validSignature,
  uid: null,
  expected: { status: 202, code: "", message: "" },
});

async function expectServerUp(): Promise<void> {
  const response = await fetch(`${pipeline.baseUrl}/health`);
  expect(response.status).toBe(200);
}

/**
 * Runs a refusal property: every generated request gets exactly its expected answer, nothing is
 * written (no table grows, no row names a uid we generated), and the server is still healthy.
 */
async function refusalProperty(name: string, requests: fc.Arbitrary<WebhookRequest>, numRuns: number): Promise<void> {
  current = name;
  const uids: string[] = [];
  const before: RowCounts = await countRows(pipeline.dataSource);
  await fc.assert(
    fc.asyncProperty(requests, async (request) => {
      if (request.uid) uids.push(request.uid);
      expectRefusal(
        await send(request),
        request.expected,
        `${request.label} → POST ${request.path} (${request.body.length} bytes)`,
      );
    }),
    { numRuns },
  );
  await expectServerUp();
  expect(await rowsNaming(pipeline.dataSource, uids)).toEqual({ webhook_inbox: 0, audit_logs: 0, bookings: 0 });
  expect(await countRows(pipeline.dataSource)).toEqual(before);
}

it('refuses unsigned and wrongly signed requests with 401 "Unauthorized", whatever the body', async () => {
  await refusalProperty("unsigned or wrongly signed (any body, any content type)", wronglySignedRequest, 800);
});

it("refuses signed bodies that are not UTF-8 JSON sent as application/json, naming the problem (JSON of any other shape is a template: acknowledged)", async () => {
  await refusalProperty("signed, wrong syntax, encoding, charset or content type", signedButUnreadableRequest, 600);
});

it("refuses compressed bodies with 415, before reading them", async () => {
  await refusalProperty("Content-Encoding gzip/deflate/br/…", compressedRequest, 80);
});

it("refuses bodies over the 512 KiB cap with 413 naming the limit, with or without Content-Length", async () => {
  await refusalProperty("oversized (cap + 1 byte … 3 × cap)", oversizedRequest, 60);
});

it("refuses signed booking deliveries with a required field missing or mistyped, naming the field", async () => {
  await refusalProperty(
    "signed, a required field missing or mistyped",
    brokenDelivery.map<WebhookRequest>((broken) =>
      labelled({
        ...signedJson(serialize(broken.delivery)),
        label: broken.label,
        uid: broken.uid,
        expected: { status: 400, code: "bad_request", message: namesOneOf(broken.paths) },
      }),
    ),
    700,
  );
});

/** "payload.organizer.id: …" or "…; payload.organizer.id.x: …": the message starts a clause with the path. */
function namesOneOf(paths: readonly string[]): RegExp {
  const alternatives = paths.map((path) => path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
  return new RegExp(`(^|; )(${alternatives})(\\.[^:;]*)?: \\S`);
}

it("processes every extreme delivery it acknowledges, or refuses it naming the field (never 202 and then lost)", async () => {
  current = "signed, schema-valid but extreme values";
  const acknowledged: Array<{ deliveryId: string; label: string }> = [];
  await fc.assert(
    fc.asyncProperty(extremeDelivery, async (extreme: SignedDelivery) => {
      const body = serialize(extreme.delivery);
      const answer = await send(signedJson(body));
      const context = `${extreme.label}\n  → ${answer.status} ${answer.text.slice(0, 300)}`;
      if (body.length > MAX_BODY_BYTES) return expectRefusal(answer, TOO_LARGE, context);
      if (answer.status === 202) {
        acknowledged.push({ deliveryId: (answer.json as { deliveryId: string }).deliveryId, label: extreme.label });
        return;
      }
      expect(answer.status, context).toBe(400);
      const message = errorOf(answer)?.message ?? "";
      const named =
        namesOneOf(extreme.paths).test(message) ||
        (extreme.label.includes("deeply nested") && /^body: .*nest/.test(message));
      expect(named, `${context}\n  (a 400 must name one of ${extreme.paths.join(", ")})`).toBe(true);
    }),
    { numRuns: 200 },
  );
  await expectServerUp();
  // A workflow that cannot store its event fails (or retries forever): its audit row never appears.
  const lost = await waitForProcessing(
    acknowledged.map((entry) => entry.deliveryId),
    45_000,
  );
  const labels = acknowledged.filter((entry) => lost.includes(entry.deliveryId)).map((entry) => `  - ${entry.label}`);
  expect(labels, `acknowledged with 202 but never processed:\n${labels.join("\n")}`).toEqual([]);
}, 150_000);

it("accepts and processes a valid delivery of exactly the cap, and of one byte less", async () => {
  current = "valid delivery at the cap";
  const deliveryIds: string[] = [];
  for (const size of [MAX_BODY_BYTES, MAX_BODY_BYTES - 1]) {
    const request = signedJson(padDelivery(deliveries.created(newBookingFixture({ uid: freshUid() })), size));
    const answer = await send(request);
    expect(answer.status, answer.text).toBe(202);
    deliveryIds.push((answer.json as { deliveryId: string }).deliveryId);
  }
  expect(await waitForProcessing(deliveryIds, 30_000)).toEqual([]);
});

async function waitForProcessing(deliveryIds: string[], timeoutMs: number): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  let pending = deliveryIds;
  while (pending.length > 0 && Date.now() < deadline) {
    pending = await unprocessedDeliveries(pipeline.dataSource, pending);
    if (pending.length > 0) await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return pending;
}
