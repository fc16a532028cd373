// fast-check arbitraries of requests to the webhook receiver, each carrying the answer the README
// promises for it (the oracle), so a property only has to compare. Signatures are computed at send
// time, when the pipeline's secret is known.
import { randomBytes } from "node:crypto";
import { gzipSync, deflateSync, brotliCompressSync } from "node:zlib";
import fc from "fast-check";
import { badSigner, printableHeaderValue, validSignature, type Signer } from "./webhook-signatures.js";
import { deliveries, newBookingFixture } from "@churchhub/test-support/cal-deliveries";

export { validSignature, type Signer } from "./webhook-signatures.js";

export const MAX_BODY_BYTES = 512 * 1024;
export const WEBHOOK_PATHS = [
  "/webhooks/cal",
  "/webhooks/cal/booking.created",
  "/webhooks/cal/booking.updated",
] as const;

export interface Expected {
  status: number;
  code: string;
  /** Exact message, or a pattern the message must match (it names the problem). */
  message: string | RegExp;
}

export interface WebhookRequest {
  label: string;
  path: string;
  body: Buffer;
  /** Send without Content-Length (chunked), so the size cap must hold while streaming. */
  chunked: boolean;
  contentType: string | null;
  headers: Record<string, string>;
  signer: Signer;
  /** The booking uid the body names, when it names one we generated. */
  uid: string | null;
  expected: Expected;
}

export const UNAUTHORIZED: Expected = { status: 401, code: "unauthorized", message: "Unauthorized" };
export const TOO_LARGE: Expected = {
  status: 413,
  code: "payload_too_large",
  message: new RegExp(`body: exceeds the ${MAX_BODY_BYTES}-byte limit`),
};

/** A fresh booking uid in Cal.com's alphabet, prefixed so rows it leaves are recognisable. */
export const freshUid = () => `fuzz${randomBytes(9).toString("base64url")}`;

/** fast-check prints a counterexample by its label, not its body (which can be 512 KiB). */
export function labelled<T extends { label: string }>(value: T): T {
  return Object.assign(value, { [fc.toStringMethod]: () => value.label });
}

// ---------------------------------------------------------------------------------------------- bodies

const validDelivery = (uid: string) => deliveries.created(newBookingFixture({ uid }));

/** A JSON value of any shape, including large strings and arrays. */
const anyJson = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", minLength: 1000, maxLength: 20_000 }) },
  { weight: 1, arbitrary: fc.array(fc.integer(), { minLength: 1000, maxLength: 20_000 }) },
);

/** Some bytes with at least one invalid UTF-8 sequence among them. */
const invalidUtf8 = fc
  .tuple(
    fc.uint8Array({ maxLength: 200 }),
    fc.constantFrom(
      [0xff],
      [0xfe],
      [0xc0, 0x80],
      [0xed, 0xa0, 0x80],
      [0xe2, 0x28, 0xa1],
      [0xf8, 0x88, 0x80, 0x80, 0x80],
      [0xc3],
    ),
    fc.uint8Array({ maxLength: 200 }),
  )
  .map(([before, bad, after]) =>
    Buffer.concat([
      Buffer.from(JSON.stringify({ triggerEvent: "PING" }).slice(0, 1)),
      Buffer.from(before),
      Buffer.from(bad),
      Buffer.from(after),
    ]),
  )
  .filter((bytes) => {
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      return false;
    } catch {
      return true;
    }
  });

/** JSON text made invalid: truncated, a byte inserted, or plain text. */
const malformedJsonText = fc
  .oneof(
    fc.tuple(fc.string({ maxLength: 400 }), fc.nat()).map(([extra, cut]) => {
      const text = JSON.stringify({ ...validDelivery(freshUid()), extra });
      return text.slice(0, cut % text.length);
    }),
    fc
      .tuple(
        fc.nat(),
        fc.constantFrom("{", "}", "[", "]", ",", ":", '"', "'", "\\", "NaN", "undefined", "//", "/*", "\u0000"),
      )
      .map(([at, insert]) => {
        const text = JSON.stringify(validDelivery(freshUid()));
        const index = at % text.length;
        return `${text.slice(0, index)}${insert}${text.slice(index)}`;
      }),
    fc.string({ unit: "binary", maxLength: 300 }),
    fc.constantFrom(
      '{"triggerEvent":"PING",}',
      "{'triggerEvent':'PING'}",
      '{"triggerEvent":NaN}',
      '{"a":1}{"b":2}',
      '{"triggerEvent":"PING"} trailing',
      "\u00a0",
      "null null",
    ),
  )
  .filter((text) => text.trim() !== "" && !parses(text));

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Bodies for the unsigned property: anything, valid deliveries included. */
export const anyBody: fc.Arbitrary<{ label: string; body: Buffer; uid: string | null }> = fc.oneof(
  fc.constant(null).map(() => {
    const uid = freshUid();
    return { label: "a valid booking delivery", body: Buffer.from(JSON.stringify(validDelivery(uid))), uid };
  }),
  anyJson.map((value) => ({ label: "any JSON value", body: Buffer.from(JSON.stringify(value)), uid: null })),
  malformedJsonText.map((text) => ({ label: "malformed JSON", body: Buffer.from(text), uid: null })),
  invalidUtf8.map((body) => ({ label: "invalid UTF-8", body, uid: null })),
  fc.uint8Array({ maxLength: 2000 }).map((bytes) => ({ label: "random bytes", body: Buffer.from(bytes), uid: null })),
  fc.constant({ label: "empty body", body: Buffer.alloc(0), uid: null }),
  fc
    .integer({ min: 1, max: MAX_BODY_BYTES })
    .map((size) => ({ label: `${size} bytes of padding`, body: Buffer.alloc(size, 0x20), uid: null })),
);

const anyContentType = fc.oneof(
  fc.constantFrom<string | null>(
    "application/json",
    "application/json; charset=utf-8",
    "application/x-www-form-urlencoded",
    "text/plain",
    "application/xml",
    "multipart/form-data; boundary=x",
    "application/octet-stream",
    null,
  ),
  printableHeaderValue,
);

/** Unsigned or wrongly signed requests: every one must be 401 "Unauthorized" and leave no trace. */
export const wronglySignedRequest: fc.Arbitrary<WebhookRequest> = fc
  .record({
    body: anyBody,
    signer: badSigner,
    contentType: anyContentType,
    path: fc.constantFrom(...WEBHOOK_PATHS),
    chunked: fc.boolean(),
  })
  .map(({ body, signer, contentType, path, chunked }) => ({
    label: `${body.label}, ${signer.label}, Content-Type ${contentType}${chunked ? ", chunked" : ""}`,
    path,
    body: body.body,
    chunked,
    contentType,
    headers: {},
    signer,
    uid: body.uid,
    expected: UNAUTHORIZED,
  }))
  .map(labelled);

// ------------------------------------------------------------- correctly signed, wrong media or syntax

const anySigner = fc.oneof(fc.constant(validSignature), badSigner);

function utf16(text: string, endianness: "le" | "be", bom: boolean): Buffer {
  const le = Buffer.from(text, "utf16le");
  const bytes = endianness === "le" ? le : Buffer.from(le).swap16();
  return bom ? Buffer.concat([Buffer.from(endianness === "le" ? [0xff, 0xfe] : [0xfe, 0xff]), bytes]) : bytes;
}

/** A delivery with non-ASCII text, so that encodings other than UTF-8 produce different bytes. */
function accentedDelivery(uid: string): Record<string, unknown> {
  const delivery = validDelivery(uid) as { payload: Record<string, unknown> };
  delivery.payload.title = "Pastoral care — Zoë Müller, café après-midi";
  return delivery;
}

type SignedSyntaxCase = {
  label: string;
  body: Buffer;
  contentType: string | null;
  headers?: Record<string, string>;
  uid: string | null;
  expected: Expected;
};

const bad = (message: RegExp): Expected => ({ status: 400, code: "bad_request", message });
const unsupported = (message: RegExp): Expected => ({ status: 415, code: "unsupported_media_type", message });

/** Signed bodies that are not a UTF-8 JSON object sent as application/json, with the answer for each. */
const signedSyntaxCase: fc.Arbitrary<SignedSyntaxCase> = fc.oneof(
  malformedJsonText.map((text) => ({
    label: "malformed JSON",
    body: Buffer.from(text),
    contentType: "application/json",
    uid: null,
    expected: bad(/^body: is not valid JSON$/),
  })),
  fc.constantFrom("", " ", "\n\t  \r\n").map((text) => ({
    label: "empty body",
    body: Buffer.from(text),
    contentType: "application/json",
    uid: null,
    expected: bad(/^body: is empty$/),
  })),
  invalidUtf8.map((body) => ({
    label: "invalid UTF-8",
    body,
    contentType: "application/json",
    uid: null,
    expected: bad(/^body: is not valid UTF-8$/),
  })),
  fc.tuple(fc.constantFrom<"le" | "be">("le", "be"), fc.boolean()).map(([endianness, bom]) => {
    const uid = freshUid();
    // Without a BOM, UTF-16 of ASCII is valid UTF-8 full of NULs: not JSON. With one, not UTF-8.
    return {
      label: `UTF-16${endianness.toUpperCase()}${bom ? " with BOM" : ""}, no charset`,
      body: utf16(JSON.stringify(accentedDelivery(uid)), endianness, bom),
      contentType: "application/json",
      uid,
      expected: bad(/^body: is not valid (UTF-8|JSON)$/),
    };
  }),
  fc.tuple(fc.constantFrom("utf-16", "utf-16le", "UTF-16BE", "ucs-2"), fc.boolean()).map(([charset, bom]) => {
    const uid = freshUid();
    return {
      label: `UTF-16 labelled charset=${charset}`,
      body: utf16(JSON.stringify(accentedDelivery(uid)), charset.toLowerCase().endsWith("be") ? "be" : "le", bom),
      contentType: `application/json; charset=${charset}`,
      uid,
      expected: unsupported(new RegExp(`^charset ${charset.toLowerCase()} is not supported: send UTF-8$`)),
    };
  }),
  fc.constantFrom("latin1", "ISO-8859-1", "windows-1252", '"iso-8859-15"', "us-ascii").map((charset) => {
    const uid = freshUid();
    return {
      label: `latin1 bytes labelled charset=${charset}`,
      body: Buffer.from(JSON.stringify(accentedDelivery(uid)), "latin1"),
      contentType: `application/json;charset=${charset}`,
      uid,
      expected: unsupported(
        new RegExp(`^charset ${charset.toLowerCase().replace(/"/g, "")} is not supported: send UTF-8$`),
      ),
    };
  }),
  fc.constant(null).map(() => {
    const uid = freshUid();
    return {
      label: "latin1 bytes labelled as UTF-8",
      body: Buffer.from(JSON.stringify(accentedDelivery(uid)), "latin1"),
      contentType: "application/json; charset=utf-8",
      uid,
      expected: bad(/^body: is not valid UTF-8$/),
    };
  }),
  fc
    .constantFrom(
      "text/plain",
      "application/xml",
      "text/json",
      "multipart/form-data; boundary=abc",
      "application/octet-stream",
      "application/jsonx",
      "application/json-patch+json",
      "image/png",
      "*/*",
      "application/problem+json",
    )
    .map((contentType) => {
      const uid = freshUid();
      const mediaType = contentType.split(";")[0]!.trim().toLowerCase();
      return {
        label: `Content-Type ${contentType}`,
        body: Buffer.from(JSON.stringify(validDelivery(uid))),
        contentType,
        uid,
        expected: unsupported(
          new RegExp(`^Content-Type ${escapeRegExp(mediaType)} is not supported: send application/json$`),
        ),
      };
    }),
  fc.constant(null).map(() => {
    const uid = freshUid();
    return {
      label: "no Content-Type",
      body: Buffer.from(JSON.stringify(validDelivery(uid))),
      contentType: null,
      uid,
      expected: unsupported(/^Content-Type is required: application\/json$/),
    };
  }),
);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Signed requests whose bytes or media type are wrong. The signature is valid, so the answer names
 * the problem; with a bad signature (a quarter of them) the answer is 401 whatever the body.
 */
export const signedButUnreadableRequest: fc.Arbitrary<WebhookRequest> = fc
  .record({
    kase: signedSyntaxCase,
    signer: fc.oneof({ weight: 3, arbitrary: fc.constant(validSignature) }, { weight: 1, arbitrary: badSigner }),
    path: fc.constantFrom(...WEBHOOK_PATHS),
  })
  .map(({ kase, signer, path }) => ({
    label: `${kase.label}, ${signer.label}`,
    path,
    body: kase.body,
    chunked: false,
    contentType: kase.contentType,
    headers: kase.headers ?? {},
    signer,
    uid: kase.uid,
    expected: signer === validSignature ? kase.expected : UNAUTHORIZED,
  }))
  .map(labelled);

/**
 * Compressed bodies (Content-Encoding gzip, deflate, br, or a made-up one): refused before the body
 * is read, signed or not, because the signature is over the bytes Cal.com sends uncompressed.
 */
export const compressedRequest: fc.Arbitrary<WebhookRequest> = fc
  .record({
    encoding: fc.constantFrom("gzip", "deflate", "br", "x-gzip", "GZIP", "compress", "gzip, identity"),
    signer: anySigner,
    path: fc.constantFrom(...WEBHOOK_PATHS),
  })
  .map(({ encoding, signer, path }) => {
    const uid = freshUid();
    const plain = Buffer.from(JSON.stringify(validDelivery(uid)));
    const first = encoding.toLowerCase().split(",")[0]!.trim();
    const body =
      first === "gzip" || first === "x-gzip"
        ? gzipSync(plain)
        : first === "deflate"
          ? deflateSync(plain)
          : first === "br"
            ? brotliCompressSync(plain)
            : plain;
    return {
      label: `Content-Encoding ${encoding}, ${signer.label}`,
      path,
      body,
      chunked: false,
      contentType: "application/json",
      headers: { "content-encoding": encoding },
      signer,
      uid,
      expected: unsupported(/^Content-Encoding .+ is not supported: send the body uncompressed$/),
    };
  })
  .map(labelled);

/** Bodies just over the cap, signed or not, with or without Content-Length: 413 naming the limit. */
export const oversizedRequest: fc.Arbitrary<WebhookRequest> = fc
  .record({
    over: fc.oneof(
      fc.integer({ min: 1, max: 16 }),
      fc.integer({ min: 17, max: 64 * 1024 }),
      fc.constantFrom(MAX_BODY_BYTES, 3 * MAX_BODY_BYTES),
    ),
    signer: anySigner,
    chunked: fc.boolean(),
    path: fc.constantFrom(...WEBHOOK_PATHS),
  })
  .map(({ over, signer, chunked, path }) => {
    const uid = freshUid();
    return {
      label: `valid delivery padded to the cap + ${over} bytes, ${signer.label}${chunked ? ", chunked" : ""}`,
      path,
      body: padDelivery(validDelivery(uid), MAX_BODY_BYTES + over),
      chunked,
      contentType: "application/json",
      headers: {},
      signer,
      uid,
      expected: TOO_LARGE,
    };
  })
  .map(labelled);

/** A delivery serialised to exactly `size` bytes, padded in an unknown top-level field. */
export function padDelivery(delivery: Record<string, unknown>, size: number): Buffer {
  const base = Buffer.byteLength(JSON.stringify({ ...delivery, padding: "" }));
  if (size < base) throw new Error(`cannot pad a ${base}-byte delivery to ${size} bytes`);
  const body = Buffer.from(JSON.stringify({ ...delivery, padding: "x".repeat(size - base) }));
  if (body.length !== size) throw new Error("padding miscounted");
  return body;
}
