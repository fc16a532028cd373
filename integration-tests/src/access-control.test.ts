// Least privilege: every non-public endpoint answers 401 without credentials and 403 with the wrong
// role; the codec server decodes only for admins; public endpoints are rate limited with Retry-After.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Payload } from "@temporalio/common";
import { deliveries, newBookingFixture } from "@churchhub/test-support/cal-deliveries";
import { readJson, startPipeline, type Pipeline } from "@churchhub/test-support/pipeline";

let pipeline: Pipeline;
let adminKey: string;
let operatorKey: string;

beforeAll(async () => {
  pipeline = await startPipeline({ calEmulator: { oauth2: true } });
  adminKey = (await pipeline.apiKeys.create({ name: "Admin for tests", role: "admin" })).key;
  operatorKey = (await pipeline.apiKeys.create({ name: "Operator for tests", role: "operator" })).key;
});
afterAll(async () => {
  await pipeline?.stop();
});

const samplePayloads = {
  payloads: [
    {
      metadata: { encoding: Buffer.from("json/plain").toString("base64") },
      data: Buffer.from('{"note":"private"}').toString("base64"),
    },
  ],
};

function call(
  method: string,
  path: string,
  options: { key?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  return fetch(`${pipeline.baseUrl}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
}

const ADMIN_ONLY: Array<[string, string, unknown?]> = [
  ["POST", "/codec/decode", samplePayloads],
  ["GET", "/admin/bookings/some-uid"],
  ["GET", "/admin/bookings?attendeeEmail=a@example.org"],
  ["GET", "/admin/api-keys"],
  ["POST", "/admin/api-keys", { name: "x", role: "operator" }],
  ["DELETE", "/admin/api-keys/00000000-0000-4000-8000-000000000000"],
];
const OPERATOR: Array<[string, string, unknown?]> = [
  ["POST", "/codec/encode", samplePayloads],
  ["POST", "/auth/session"],
  ["POST", "/connections/cal/links", {}],
  ["GET", "/connections/cal"],
  ["GET", "/connections/cal/00000000-0000-4000-8000-000000000000"],
  ["POST", "/connections/cal/00000000-0000-4000-8000-000000000000/disconnect"],
];

describe("without credentials", () => {
  it.each([
    ...ADMIN_ONLY,
    ...OPERATOR,
    ["POST", "/tokens/cal/managed-user", { username: "x" }],
    ["GET", "/hosts/someone"],
  ])("%s %s → 401", async (method, path, body) => {
    const response = await call(method, path, { body });
    expect(response.status).toBe(401);
    expect(await readJson(response)).toEqual({ error: { code: "unauthorized", message: "Unauthorized" } });
  });

  it.each([...ADMIN_ONLY, ...OPERATOR])("%s %s with an unknown or revoked key → 401", async (method, path, body) => {
    const revoked = await pipeline.apiKeys.create({ name: "Soon revoked", role: "admin" });
    await pipeline.apiKeys.revoke(revoked.id);
    expect((await call(method, path, { body, key: revoked.key })).status).toBe(401);
    expect((await call(method, path, { body, key: "chk_not-a-real-key" })).status).toBe(401);
  });
});

describe("with the operator role", () => {
  it.each(ADMIN_ONLY)("%s %s → 403", async (method, path, body) => {
    const response = await call(method, path, { body, key: operatorKey });
    expect(response.status).toBe(403);
    expect((await readJson(response)).error.message).toBe("This needs the admin role");
  });

  it("may encode but the codec never decodes for it", async () => {
    expect((await call("POST", "/codec/encode", { body: samplePayloads, key: operatorKey })).status).toBe(200);
    expect((await call("POST", "/codec/decode", { body: samplePayloads, key: operatorKey })).status).toBe(403);
  });

  it("the web server’s token is not an operator key, and an operator key is not the web server’s token", async () => {
    expect((await call("POST", "/codec/encode", { body: samplePayloads, key: pipeline.webServerToken })).status).toBe(
      401,
    );
    expect((await call("GET", "/hosts/someone", { key: operatorKey })).status).toBe(401);
  });
});

describe("the codec server", () => {
  it("round-trips payloads for an admin: encode makes ciphertext, decode gives the original back", async () => {
    const encoded = await readJson(await call("POST", "/codec/encode", { body: samplePayloads, key: adminKey }));
    expect(Buffer.from(encoded.payloads[0].metadata.encoding, "base64").toString()).toBe("binary/encrypted");
    expect(Buffer.from(encoded.payloads[0].data, "base64").toString()).not.toContain("private");
    // The Temporal UI appends ?preserveStorageRefs=true.
    const decoded = await readJson(
      await call("POST", "/codec/decode?preserveStorageRefs=true", { body: encoded, key: adminKey }),
    );
    expect(decoded).toEqual(samplePayloads);
  });

  it("decodes what the workers encrypted", async () => {
    const [sealed] = (await pipeline.dataConverter.payloadCodecs![0]!.encode([
      {
        metadata: { encoding: new Uint8Array(Buffer.from("json/plain")) },
        data: new Uint8Array(Buffer.from('"hello"')),
      },
    ])) as [Payload];
    const body = {
      payloads: [
        {
          metadata: Object.fromEntries(
            Object.entries(sealed.metadata!).map(([k, v]) => [k, Buffer.from(v!).toString("base64")]),
          ),
          data: Buffer.from(sealed.data!).toString("base64"),
        },
      ],
    };
    const decoded = await readJson(await call("POST", "/codec/decode", { body, key: adminKey }));
    expect(Buffer.from(decoded.payloads[0].data, "base64").toString()).toBe('"hello"');
  });

  it("answers 400 naming the problem for a malformed body", async () => {
    const response = await call("POST", "/codec/decode", {
      body: { payloads: [{ data: "not base64!" }] },
      key: adminKey,
    });
    expect(response.status).toBe(400);
    expect((await readJson(response)).error.message).toContain("payloads.0.data");
  });

  it("allows CORS (with credentials) only from the configured Temporal UI origin", async () => {
    const preflight = (origin: string) =>
      fetch(`${pipeline.baseUrl}/codec/decode`, {
        method: "OPTIONS",
        headers: {
          origin,
          "access-control-request-method": "POST",
          "access-control-request-headers": "content-type,x-namespace",
        },
      });
    const allowed = await preflight("http://temporal-ui.test");
    expect(allowed.headers.get("access-control-allow-origin")).toBe("http://temporal-ui.test");
    expect(allowed.headers.get("access-control-allow-credentials")).toBe("true");
    const denied = await preflight("http://evil.test");
    expect(denied.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("accepts the session cookie the sign-in endpoint sets, scoped to the codec path", async () => {
    const session = await call("POST", "/auth/session", { key: adminKey });
    expect(session.status).toBe(200);
    const cookie = session.headers.get("set-cookie")!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/codec/);
    const encoded = await readJson(
      await call("POST", "/codec/encode", { body: samplePayloads, headers: { cookie: cookie.split(";")[0]! } }),
    );
    const decoded = await call("POST", "/codec/decode", { body: encoded, headers: { cookie: cookie.split(";")[0]! } });
    expect(decoded.status).toBe(200);
  });
});

describe("admins", () => {
  it("read a booking back decrypted, with its audit trail, and find it by attendee email", async () => {
    const fixture = newBookingFixture();
    const body = deliveries.created(fixture);
    await pipeline.processed(await pipeline.send(body), body);
    const response = await call("GET", `/admin/bookings/${fixture.uid}`, { key: adminKey });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const { booking, auditTrail } = await readJson(response);
    expect(booking.attendees[0]).toMatchObject({ name: "Sam Lee", email: "sam@example.org" });
    expect(auditTrail).toHaveLength(1);
    const byEmail = await readJson(
      await call("GET", "/admin/bookings?attendeeEmail=sam@example.org", { key: adminKey }),
    );
    expect(byEmail.bookings.map((entry: { uid: string }) => entry.uid)).toContain(fixture.uid);
  });

  it("create API keys that work at once and are stored only as hashes", async () => {
    const created = await call("POST", "/admin/api-keys", {
      key: adminKey,
      body: { name: "New operator", role: "operator" },
    });
    expect(created.status).toBe(201);
    const { id, key } = await readJson(created);
    expect((await call("POST", "/codec/encode", { body: samplePayloads, key })).status).toBe(200);
    const [row] = await pipeline.dataSource.query("SELECT * FROM api_keys WHERE id = $1", [id]);
    expect(JSON.stringify(row)).not.toContain(key);
    expect((await call("DELETE", `/admin/api-keys/${id}`, { key: adminKey })).status).toBe(204);
    expect((await call("POST", "/codec/encode", { body: samplePayloads, key })).status).toBe(401);
  });
});

describe("hardening", () => {
  it("sends security headers", async () => {
    const response = await call("GET", "/health");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-powered-by")).toBeNull();
  });

  it("rate limits public endpoints with 429 and Retry-After", async () => {
    const limited = await startPipeline({
      rateLimits: { webhooksPerMinute: 2, tokensPerMinute: 2, publicPerMinute: 2 },
    });
    try {
      const statuses = [];
      for (let attempt = 0; attempt < 3; attempt++) statuses.push((await fetch(`${limited.baseUrl}/health`)).status);
      expect(statuses).toEqual([200, 200, 429]);
      const last = await fetch(`${limited.baseUrl}/health`);
      expect(Number(last.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await readJson(last)).error.code).toBe("rate_limited");
      const webhooks = [];
      for (let attempt = 0; attempt < 3; attempt++) webhooks.push((await limited.send(deliveries.ping())).status);
      expect(webhooks).toEqual([202, 202, 429]);
    } finally {
      await limited.stop();
    }
  });
});
