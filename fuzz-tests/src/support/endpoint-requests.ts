// fast-check arbitraries of requests to the api's other endpoints that take input (bodies, path and
// query parameters), with every kind of credential: none, garbage, the wrong role, the right one.
import { randomBytes } from "node:crypto";
import { brotliCompressSync, gzipSync } from "node:zlib";
import fc from "fast-check";
import { labelled } from "./webhook-requests.js";

export type Credential =
  | "none"
  | "garbage bearer"
  | "operator key"
  | "admin key"
  | "web server token"
  | "admin session cookie";

export interface Credentials {
  operatorKey: string;
  adminKey: string;
  webServerToken: string;
}

export interface EndpointRequest {
  label: string;
  method: string;
  path: string;
  credential: Credential;
  contentType: string | null;
  headers: Record<string, string>;
  body: Buffer | null;
}

const base64 = (text: string) => Buffer.from(text).toString("base64");

/** Bodies that pass (or nearly pass) each endpoint's schema, so fuzzing reaches past validation. */
const plausibleBody: Record<string, fc.Arbitrary<unknown>> = {
  "/tokens/cal/managed-user": fc.record({
    username: fc.oneof(
      fc.constantFrom("pastor-anna-clxsandbox0client-example-org", "ruth-mensah", "nobody-here", "a\u0000b"),
      fc.string({ maxLength: 250 }),
    ),
  }),
  "/codec/encode": fc.record({
    payloads: fc.array(
      fc.record(
        {
          metadata: fc.dictionary(
            fc.constantFrom("encoding", "encryption-key-id", "x"),
            fc.oneof(
              fc.constantFrom(base64("json/plain"), base64("binary/encrypted"), base64("binary/null")),
              fc.base64String({ maxLength: 40 }),
              fc.string({ maxLength: 10 }),
            ),
          ),
          data: fc.oneof(
            fc.base64String({ maxLength: 200 }),
            fc.constant(base64('{"note":"x"}')),
            fc.string({ maxLength: 20 }),
          ),
        },
        { requiredKeys: [] },
      ),
      { maxLength: 5 },
    ),
  }),
  "/operations/replay": fc.oneof(
    fc.record({ deliveryId: fc.oneof(fc.stringMatching(/^[0-9a-f]{64}$/), fc.string({ maxLength: 70 })) }),
    fc.record({
      from: fc.oneof(
        fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
        fc.string({ maxLength: 30 }),
      ),
      to: fc.oneof(
        fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
        fc.string({ maxLength: 30 }),
      ),
    }),
    fc.record({ deliveryId: fc.stringMatching(/^[0-9a-f]{64}$/), from: fc.constant("2026-01-01T00:00:00Z") }),
  ),
  "/admin/api-keys": fc.record(
    {
      name: fc.oneof(
        fc.string({ maxLength: 130 }),
        fc.string({ unit: "binary", maxLength: 20 }),
        fc.constantFrom("", "a\u0000b", "\ud800"),
      ),
      role: fc.oneof(fc.constantFrom("admin", "operator", "owner", ""), fc.jsonValue({ maxDepth: 1 })),
    },
    { requiredKeys: [] },
  ),
};
plausibleBody["/codec/decode"] = plausibleBody["/codec/encode"]!;

export const JSON_ENDPOINTS = Object.keys(plausibleBody);

function nestedArrays(levels: number): string {
  return `${"[".repeat(levels)}${"]".repeat(levels)}`;
}

/** How the body is put on the wire. */
const encodedBody = (
  value: unknown,
): fc.Arbitrary<{ label: string; body: Buffer; contentType: string | null; headers: Record<string, string> }> =>
  fc.oneof(
    {
      weight: 6,
      arbitrary: fc.constant({
        label: "JSON",
        body: Buffer.from(JSON.stringify(value)),
        contentType: "application/json",
        headers: {},
      }),
    },
    fc.jsonValue({ maxDepth: 3 }).map((other) => ({
      label: "any JSON",
      body: Buffer.from(JSON.stringify(other) ?? "null"),
      contentType: "application/json",
      headers: {},
    })),
    fc.nat().map((cut) => {
      const text = JSON.stringify(value);
      return {
        label: "truncated JSON",
        body: Buffer.from(text.slice(0, cut % Math.max(1, text.length))),
        contentType: "application/json",
        headers: {},
      };
    }),
    fc.uint8Array({ maxLength: 300 }).map((bytes) => ({
      label: "random bytes",
      body: Buffer.from(bytes),
      contentType: "application/json",
      headers: {},
    })),
    fc.constantFrom("text/plain", "application/x-www-form-urlencoded", "application/xml", null).map((contentType) => ({
      label: `Content-Type ${contentType}`,
      body: Buffer.from(JSON.stringify(value)),
      contentType,
      headers: {},
    })),
    fc.constantFrom("latin1", "utf-16", "koi8-r", "bogus").map((charset) => ({
      label: `charset ${charset}`,
      body: Buffer.from(JSON.stringify(value), "latin1"),
      contentType: `application/json; charset=${charset}`,
      headers: {},
    })),
    fc.constant({
      label: "gzip",
      body: gzipSync(Buffer.from(JSON.stringify(value))),
      contentType: "application/json",
      headers: { "content-encoding": "gzip" },
    }),
    fc.constant({
      label: "br",
      body: brotliCompressSync(Buffer.from(JSON.stringify(value))),
      contentType: "application/json",
      headers: { "content-encoding": "br" },
    }),
    fc.uint8Array({ minLength: 1, maxLength: 100 }).map((bytes) => ({
      label: "gzip header, garbage inside",
      body: Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0x00]), Buffer.from(bytes)]),
      contentType: "application/json",
      headers: { "content-encoding": "gzip" },
    })),
    fc.uint8Array({ minLength: 1, maxLength: 100 }).map((bytes) => ({
      label: "deflate garbage",
      body: Buffer.from(bytes),
      contentType: "application/json",
      headers: { "content-encoding": "deflate" },
    })),
    fc.constantFrom("compress", "identity, gzip", "x-unknown").map((encoding) => ({
      label: `Content-Encoding ${encoding}`,
      body: Buffer.from(JSON.stringify(value)),
      contentType: "application/json",
      headers: { "content-encoding": encoding },
    })),
    fc.constantFrom(5 * 1024, 5 * 1024 * 1024).map((size) => ({
      label: `${size} bytes`,
      body: Buffer.from(JSON.stringify({ padding: "x".repeat(size) })),
      contentType: "application/json",
      headers: {},
    })),
    fc.constantFrom(100, 1_000, 100_000).map((levels) => ({
      label: `arrays nested ${levels} deep`,
      body: Buffer.from(`{"payloads":${nestedArrays(levels)}}`),
      contentType: "application/json",
      headers: {},
    })),
  );

const credential = fc.constantFrom<Credential>(
  "none",
  "garbage bearer",
  "operator key",
  "admin key",
  "web server token",
  "admin session cookie",
);

/** POSTs with a body to the JSON endpoints. */
export const jsonEndpointRequest: fc.Arbitrary<EndpointRequest> = fc
  .constantFrom(...JSON_ENDPOINTS)
  .chain((path) => fc.record({ path: fc.constant(path), value: plausibleBody[path]! }))
  .chain(({ path, value }) => fc.record({ path: fc.constant(path), encoded: encodedBody(value), credential }))
  .map(({ path, encoded, credential }) =>
    labelled({
      label: `POST ${path}, ${encoded.label} body, ${credential}`,
      method: "POST",
      path,
      credential,
      contentType: encoded.contentType,
      headers: encoded.headers,
      body: encoded.body,
    }),
  );

const oddPathSegment = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.constantFrom(
    "..",
    "%00",
    "%2e%2e%2f",
    "a%20b",
    "%E9",
    "%FF%FE",
    "x".repeat(5000),
    "00000000-0000-4000-8000-000000000000",
    "not-a-uuid",
    "'; DROP TABLE bookings; --",
  ),
  fc.uuid(),
);

/** Path and query parameters, and the form-encoded sign-in. */
export const parameterRequest: fc.Arbitrary<EndpointRequest> = fc
  .record({
    kind: fc.constantFrom("booking", "attendee", "revoke", "host", "session", "refresh"),
    segment: oddPathSegment,
    credential,
  })
  .map(({ kind, segment, credential }) => {
    const encoded = /%[0-9A-Fa-f]{2}/.test(segment) ? segment : encodeURIComponent(segment);
    const request = (
      method: string,
      path: string,
      body: Buffer | null = null,
      contentType: string | null = null,
    ): EndpointRequest =>
      labelled({
        label: `${method} ${path.slice(0, 120)}, ${credential}`,
        method,
        path,
        credential,
        contentType,
        headers: {},
        body,
      });
    switch (kind) {
      case "booking":
        return request("GET", `/admin/bookings/${encoded}`);
      case "attendee":
        return request("GET", `/admin/bookings?attendeeEmail=${encoded}`);
      case "revoke":
        return request("DELETE", `/admin/api-keys/${encoded}`);
      case "host":
        return request("GET", `/hosts/${encoded}`);
      case "session":
        return request("POST", "/auth/session", Buffer.from(`key=${encoded}`), "application/x-www-form-urlencoded");
      default:
        return {
          ...request("GET", "/tokens/cal/refresh"),
          credential: "garbage bearer" as const,
          headers: { authorization: `Bearer ${segment.replace(/[^\x21-\x7e]/g, "") || "x"}` },
        };
    }
  });

export function headersFor(request: EndpointRequest, credentials: Credentials): Record<string, string> {
  const headers: Record<string, string> = {};
  const bearer = (token: string) => (headers.authorization = `Bearer ${token}`);
  switch (request.credential) {
    case "garbage bearer":
      bearer(`chk_${randomBytes(16).toString("base64url")}`);
      break;
    case "operator key":
      bearer(credentials.operatorKey);
      break;
    case "admin key":
      bearer(credentials.adminKey);
      break;
    case "web server token":
      bearer(credentials.webServerToken);
      break;
    case "admin session cookie":
      headers.cookie = `churchhub_operator=${encodeURIComponent(credentials.adminKey)}`;
      break;
  }
  if (request.contentType !== null) headers["content-type"] = request.contentType;
  return { ...headers, ...request.headers };
}
