// From verified raw bytes to a CalDelivery: decode, parse JSON, validate the envelope and (for booking
// triggers) the booking, normalise, and digest the event's identity. Pure: no I/O, no clock.
// A well-formed body that is not Cal.com's standard envelope is what a subscription's payloadTemplate
// renders (we never set one; an operator may): Cal.com sends it form-encoded when it is not JSON, and
// never retries a non-2xx, so refusing it would lose the event. It is acknowledged as an
// "unsupported template", its raw body kept (sealed) in the audit trail for an operator.
import { createHash } from "node:crypto";
import type { CalDelivery } from "@churchhub/contracts";
import { badRequest, unsupportedMediaType } from "../http/http-errors.js";
import { describeIssues } from "../http/validate-request.js";
import { BOOKING_TRIGGERS, calBookingPayloadSchema, calWebhookEnvelopeSchema } from "./cal-webhook.schema.js";
import { normalizeBooking } from "./normalize-booking.js";
import { stableJson } from "./stable-json.js";

const bookingTriggers = new Set<string>(BOOKING_TRIGGERS);

// Cal.com sends application/json; when a webhook's payloadTemplate renders to something that is not
// JSON it switches to application/x-www-form-urlencoded with the raw text as the body.
const ACCEPTED_MEDIA_TYPES = new Set(["application/json", "application/x-www-form-urlencoded"]);

/** Not a Cal.com trigger: the audit entry of a templated body. */
export const UNSUPPORTED_TEMPLATE_TRIGGER = "UNSUPPORTED_TEMPLATE";

type MediaType = "application/json" | "application/x-www-form-urlencoded";

function checkMediaType(contentType: string | undefined): MediaType {
  if (!contentType) throw unsupportedMediaType("Content-Type is required: application/json");
  const [mediaType, ...parameters] = contentType.split(";").map((part) => part.trim().toLowerCase());
  if (!mediaType || !ACCEPTED_MEDIA_TYPES.has(mediaType))
    throw unsupportedMediaType(`Content-Type ${mediaType} is not supported: send application/json`);
  const charset = parameters
    .find((parameter) => parameter.startsWith("charset="))
    ?.slice("charset=".length)
    .replace(/"/g, "");
  if (charset && charset !== "utf-8" && charset !== "utf8")
    throw unsupportedMediaType(`charset ${charset} is not supported: send UTF-8`);
  return mediaType as MediaType;
}

function decodeText(rawBody: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(rawBody);
  } catch {
    throw badRequest("body: is not valid UTF-8");
  }
  if (text.trim() === "") throw badRequest("body: is empty");
  return text;
}

/** JSON, or (only for a form-encoded body: a rendered template that is not JSON) undefined. */
function decodeJson(text: string, mediaType: MediaType): unknown {
  try {
    return JSON.parse(text);
  } catch {
    if (mediaType === "application/x-www-form-urlencoded") return undefined;
    throw badRequest("body: is not valid JSON");
  }
}

// Found by the fuzzer (fuzz-tests/), both acknowledged and then lost (or a 500) before this check:
// - a signed body nested tens of thousands of levels deep (well within the size cap) parses fine, then
//   overflowed the stack in stableJson and answered 500. Cal.com's payloads are a handful of levels
//   deep; past this limit a body is refused before any recursive code (digest, audit serialisation,
//   the workflow's payload converter) sees it.
// - a U+0000 in a string that reaches a plain text column (organizer time zone, username, locale,
//   uid, trigger) was acknowledged with 202, then Postgres refused it (SQLSTATE 22021: text cannot hold
//   NUL) and the workflow failed. Cal.com stores its data in Postgres too, so it never sends one.
const MAX_JSON_DEPTH = 64;

/** Refuses what Postgres or our recursive code cannot take, naming where (iterative: cannot overflow). */
function checkStorable(json: unknown): void {
  const stack: Array<{ value: unknown; depth: number; path: string[] }> = [{ value: json, depth: 0, path: [] }];
  const where = (path: string[]) => path.map(String).join(".") || "body";
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop()!;
    if (typeof value === "string" && value.includes("\u0000"))
      throw badRequest(`${where(path)}: must not contain the NUL character (U+0000)`);
    if (value === null || typeof value !== "object") continue;
    if (depth >= MAX_JSON_DEPTH)
      throw badRequest(`${where(path.slice(0, 3))}: is nested more than ${MAX_JSON_DEPTH} levels deep`);
    for (const [key, child] of Object.entries(value)) {
      if (key.includes("\u0000")) throw badRequest(`${where(path)}: has a key with the NUL character (U+0000)`);
      stack.push({ value: child, depth: depth + 1, path: [...path, key] });
    }
  }
}

/** The identity of an event: its trigger and content, without the envelope's send time. */
function deliveryDigest(body: Record<string, unknown>): string {
  const { createdAt: _sendTime, ...identity } = body;
  return createHash("sha256").update(stableJson(identity)).digest("hex");
}

function unsupportedTemplate(rawBody: Buffer, mediaType: MediaType, body: unknown, receivedAt: Date): CalDelivery {
  return {
    deliveryId: createHash("sha256").update("unsupported-template\u0000").update(rawBody).digest("hex"),
    triggerEvent: UNSUPPORTED_TEMPLATE_TRIGGER,
    kind: "other",
    occurredAt: receivedAt.toISOString(),
    receivedAt: receivedAt.toISOString(),
    bookingUid: null,
    booking: null,
    rawBody: { contentType: mediaType, body },
    bodyShape: "unsupported_template",
  };
}

/**
 * Cal.com's `X-Cal-Webhook-Version` (newer builds; today always 2021-10-20, cal-emulator/README.md), kept as a short
 * token: anything else is recorded as "unrecognised" rather than stored as sent.
 */
export function readWebhookVersion(header: string | undefined): string | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  return /^[0-9A-Za-z._-]{1,32}$/.test(value) ? value : "unrecognised";
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

export function parseCalDelivery(rawBody: Buffer, contentType: string | undefined, receivedAt: Date): CalDelivery {
  const mediaType = checkMediaType(contentType);
  const text = decodeText(rawBody);
  const json = decodeJson(text, mediaType);
  if (json === undefined) return unsupportedTemplate(rawBody, mediaType, text, receivedAt);
  checkStorable(json);
  // No envelope (no object, no trigger, or a booking trigger without its payload): a rendered template.
  if (
    !isObject(json) ||
    typeof json.triggerEvent !== "string" ||
    (bookingTriggers.has(json.triggerEvent) && !isObject(json.payload))
  )
    return unsupportedTemplate(rawBody, mediaType, json, receivedAt);

  const envelope = calWebhookEnvelopeSchema.safeParse(json);
  if (!envelope.success) throw badRequest(describeIssues(envelope.error, ""));
  const body = envelope.data;
  const triggerEvent = body.triggerEvent;
  const occurredAt = body.createdAt ? new Date(body.createdAt).toISOString() : receivedAt.toISOString();
  const deliveryId = deliveryDigest(json as Record<string, unknown>);

  if (bookingTriggers.has(triggerEvent)) {
    const payload = calBookingPayloadSchema.safeParse(body.payload);
    if (!payload.success) throw badRequest(describeIssues(payload.error, "payload"));
    const booking = normalizeBooking(payload.data, triggerEvent);
    return {
      deliveryId,
      triggerEvent,
      kind: "booking",
      occurredAt,
      receivedAt: receivedAt.toISOString(),
      bookingUid: booking.uid,
      booking,
      rawBody: json,
    };
  }

  // Not a booking (meetings, recordings, forms, out-of-office, no-show updates, PING, unknown triggers):
  // acknowledged and audited with the raw body, linked to a booking when the body names one.
  return {
    deliveryId,
    triggerEvent,
    kind: "other",
    occurredAt,
    receivedAt: receivedAt.toISOString(),
    bookingUid: findBookingUid(body),
    booking: null,
    rawBody: json,
  };
}

function findBookingUid(body: Record<string, unknown>): string | null {
  const payload =
    body.payload !== null && typeof body.payload === "object" ? (body.payload as Record<string, unknown>) : undefined;
  for (const candidate of [payload?.bookingUid, payload?.uid, body.uid]) {
    if (typeof candidate === "string" && candidate.length > 0 && candidate.length <= 200) return candidate;
  }
  return null;
}
