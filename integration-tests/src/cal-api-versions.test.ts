// Every call our Cal.com client makes names the API version whose shape it reads: Cal.com routes by
// `cal-api-version`, and a missing header gets the oldest handler with other shapes. A recording proxy
// sits between the client and the emulator and keeps each request's method, path and version header.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CAL_API_VERSIONS, createCalClient, type CalClient } from "@churchhub/cal-client";
import { createCalEmulator, type CalEmulator, type RunningCalEmulator } from "@churchhub/cal-emulator";

const RUTH = 7101;

interface Recorded {
  method: string;
  path: string;
  version: string | undefined;
}

let emulator: CalEmulator;
let running: RunningCalEmulator;
let proxy: Server;
let client: CalClient;
const recorded: Recorded[] = [];

beforeAll(async () => {
  emulator = createCalEmulator();
  running = await emulator.listen(0, "127.0.0.1");
  proxy = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const url = new URL(request.url!, "http://proxy");
    recorded.push({
      method: request.method!,
      path: url.pathname,
      version: request.headers["cal-api-version"] as string | undefined,
    });
    const headers = Object.fromEntries(
      Object.entries(request.headers).filter(
        (entry): entry is [string, string] => typeof entry[1] === "string" && entry[0] !== "host",
      ),
    );
    const answer = await fetch(`${running.origin}${request.url}`, {
      method: request.method,
      headers,
      ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
    });
    response.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/json" });
    response.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  const fixtures = emulator.fixtures;
  client = createCalClient({
    baseUrl: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/v2`,
    platformClient: { clientId: fixtures.oauthClient.id, secretKey: fixtures.oauthClient.secret },
  });
});

afterAll(async () => {
  proxy?.closeAllConnections();
  await new Promise<void>((resolve) => (proxy ? proxy.close(() => resolve()) : resolve()));
  await running?.close();
});

describe("cal-api-version on every versioned call", () => {
  it("bookings 2024-08-13, event types 2024-06-14, /v2/me and /v2/webhooks named too; Platform calls unversioned", async () => {
    const now = new Date();
    await client.listBookingsUpdatedBetween({
      after: new Date(now.getTime() - 3_600_000),
      before: now,
      take: 10,
      position: { skip: 0 },
    });
    await client.listPublicEventTypes("ruth-mensah");
    const { access_token: accessToken } = emulator.issueOAuth2Tokens({ userId: RUTH });
    await client.getMe(accessToken);
    await client.listBookingsUpdatedBetween(
      { after: new Date(now.getTime() - 3_600_000), before: now, take: 10, position: { skip: 0 } },
      { accessToken },
    );
    const webhook = await client.createWebhook(accessToken, {
      subscriberUrl: "https://church.example/webhooks/cal/connections/versions",
      triggers: ["BOOKING_CREATED"],
      active: true,
      secret: "a-secret-of-sufficient-length",
    });
    await client.listWebhooks(accessToken);
    await client.updateWebhook(accessToken, webhook.id, { active: false });
    await client.deleteWebhook(accessToken, webhook.id);
    await client.listManagedUsers({ limit: 5, offset: 0 });

    const seen = recorded.map(({ method, path, version }) => `${method} ${path} ${version ?? "(none)"}`);
    expect(seen).toEqual([
      `GET /v2/bookings ${CAL_API_VERSIONS.bookings}`,
      `GET /v2/event-types ${CAL_API_VERSIONS.eventTypes}`,
      `GET /v2/me ${CAL_API_VERSIONS.me}`,
      `GET /v2/bookings ${CAL_API_VERSIONS.bookings}`,
      `POST /v2/webhooks ${CAL_API_VERSIONS.webhooks}`,
      `GET /v2/webhooks ${CAL_API_VERSIONS.webhooks}`,
      `PATCH /v2/webhooks/${webhook.id} ${CAL_API_VERSIONS.webhooks}`,
      `DELETE /v2/webhooks/${webhook.id} ${CAL_API_VERSIONS.webhooks}`,
      `GET /v2/oauth-clients/${emulator.fixtures.oauthClient.id}/users (none)`,
    ]);
    expect(CAL_API_VERSIONS).toMatchObject({ bookings: "2024-08-13", eventTypes: "2024-06-14" });
  });
});
