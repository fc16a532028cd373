// What the api does when a dependency is down at delivery time: acknowledged means recorded somewhere
// durable (the Postgres inbox, else Temporal directly); when neither can record it, 503 + Retry-After.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, Connection } from "@temporalio/client";
import { createApiMetrics, createApp, createReplayService, signCalBody } from "@churchhub/api";
import { createDataSource, type DataSource } from "@churchhub/database";
import { createDeliveryRecorder, createEncryptedInboxCodec, createInboxStore } from "@churchhub/delivery-inbox";
import { createLogger } from "@churchhub/logging";
import { freePort } from "@churchhub/local-stack";
import { deliveries, newBookingFixture } from "@churchhub/test-support/cal-deliveries";
import { readJson, startPipeline, type Pipeline } from "@churchhub/test-support/pipeline";

const logger = createLogger({ level: "silent" });
const SECRET = "durability-test-secret-0123456789";

interface Api {
  url: string;
  close(): Promise<void>;
}

async function apiWith(dataSource: DataSource, client: Client, taskQueue: string): Promise<Api> {
  const app = createApp({
    logger,
    clock: () => new Date(),
    webhookSecrets: () => [SECRET],
    maxWebhookBodyBytes: 512 * 1024,
    recorder: createDeliveryRecorder({
      inbox: createInboxStore({ dataSource, codec: createEncryptedInboxCodec(pipeline.protector) }),
      temporal: { client, taskQueue, startTimeoutMs: 1_000 },
      logger,
    }),
    healthChecks: {},
    webServerTokens: () => [],
    apiKeys: pipeline.apiKeys,
    reader: pipeline.reader,
    codec: pipeline.dataConverter.payloadCodecs![0]!,
    cors: { webOrigins: [], temporalUiOrigins: [] },
    rateLimits: { webhooksPerMinute: 1000, tokensPerMinute: 1000, publicPerMinute: 1000 },
    secureCookies: false,
    metrics: createApiMetrics({ inboxDepth: () => Promise.resolve(0) }),
    replay: createReplayService({ dataSource, reader: pipeline.reader, client, taskQueue, clock: () => new Date() }),
  });
  const server: Server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function post(api: Api, body: unknown): Promise<Response> {
  const raw = JSON.stringify(body);
  return fetch(`${api.url}/webhooks/cal`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-cal-signature-256": signCalBody(raw, SECRET) },
    body: raw,
  });
}

/** A database that is not there: nothing listens on the port. */
async function unreachableDatabase(): Promise<DataSource> {
  const dataSource = createDataSource({ url: `postgres://postgres:x@127.0.0.1:${await freePort()}/none`, poolSize: 1 });
  (dataSource.options as { connectTimeoutMS?: number }).connectTimeoutMS = 500;
  return dataSource;
}

/** A Temporal that is not there. */
async function unreachableTemporal(): Promise<Client> {
  return new Client({ connection: Connection.lazy({ address: `127.0.0.1:${await freePort()}` }) });
}

let pipeline: Pipeline;
beforeAll(async () => {
  pipeline = await startPipeline();
});
afterAll(async () => {
  await pipeline?.stop();
});

describe("with Temporal unreachable", () => {
  it("acknowledges from the inbox, and the relay starts the workflow once Temporal is reachable", async () => {
    const api = await apiWith(pipeline.dataSource, await unreachableTemporal(), pipeline.taskQueue);
    const fixture = newBookingFixture();
    const body = deliveries.created(fixture);
    const response = await post(api, body);
    await api.close();
    expect(response.status).toBe(202);
    const [row] = await pipeline.dataSource.query("SELECT relayed_at FROM webhook_inbox WHERE delivery_id = $1", [
      (await readJson(response.clone())).deliveryId,
    ]);
    expect(row).toBeDefined();

    // The pipeline's relay reaches the real Temporal and drains the row into a workflow.
    await pipeline.processed(response, body);
    const bookings = await pipeline.dataSource.query("SELECT status FROM bookings WHERE uid = $1", [fixture.uid]);
    expect(bookings).toEqual([{ status: "accepted" }]);
  });
});

describe("with an inbox row nobody can open", () => {
  it("sets it aside and keeps relaying the others", async () => {
    await pipeline.dataSource.query(
      `INSERT INTO webhook_inbox (delivery_id, workflow_id, trigger_event, delivery) VALUES ($1, 'cal-x', 'BOOKING_CREATED', 'v1.lost-key.AAAA.AAAA.AAAA')`,
      [`poison-${Date.now()}`],
    );
    const fixture = newBookingFixture();
    const body = deliveries.created(fixture);
    await pipeline.processed(await pipeline.send(body), body);
    expect(await pipeline.reader.findByUid(fixture.uid)).toMatchObject({ status: "accepted" });
    const [poison] = await pipeline.dataSource.query(
      "SELECT relayed_at, relay_attempts, last_relay_error FROM webhook_inbox WHERE delivery_id LIKE 'poison-%' ORDER BY id DESC LIMIT 1",
    );
    expect(poison.relayed_at).toBeNull();
    expect(poison.relay_attempts).toBeGreaterThan(0);
    expect(poison.last_relay_error).toMatch(/cannot be opened/);
  });
});

describe("with Postgres unreachable", () => {
  it("acknowledges by starting the workflow in Temporal directly", async () => {
    const api = await apiWith(await unreachableDatabase(), pipeline.client, pipeline.taskQueue);
    const fixture = newBookingFixture();
    const body = deliveries.created(fixture);
    const response = await post(api, body);
    await api.close();
    expect(response.status).toBe(202);
    // Nothing in the inbox: it went straight to Temporal, and the worker (with its own, working
    // database connection) processed it.
    await pipeline.processed(response, body);
    expect(
      await pipeline.dataSource.query("SELECT count(*)::int AS n FROM bookings WHERE uid = $1", [fixture.uid]),
    ).toEqual([{ n: 1 }]);
  });
});

describe("with both unreachable", () => {
  it("answers 503 with Retry-After and acknowledges nothing", async () => {
    const api = await apiWith(await unreachableDatabase(), await unreachableTemporal(), pipeline.taskQueue);
    const response = await post(api, deliveries.created(newBookingFixture()));
    await api.close();
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("30");
    expect((await readJson(response)).error.code).toBe("service_unavailable");
  });
});
