// Correctly signed deliveries that are wrong in meaning: a required field missing or of the wrong
// type (must be 400 naming the field), and extreme values the schema allows (must be either processed
// all the way to Postgres after the 202, or refused with a 400 naming the field: never acknowledged
// and then lost).
import fc from "fast-check";
import { bookingPayload, envelope, newBookingFixture } from "@churchhub/test-support/cal-deliveries";
import { freshUid, labelled } from "./webhook-requests.js";

type Json = Record<string, unknown>;
export interface Delivery extends Json {
  triggerEvent?: unknown;
  payload?: unknown;
}

export const BOOKING_TRIGGERS = [
  "BOOKING_CREATED",
  "BOOKING_REQUESTED",
  "BOOKING_RESCHEDULED",
  "BOOKING_CANCELLED",
  "BOOKING_REJECTED",
  "BOOKING_PAYMENT_INITIATED",
  "BOOKING_PAID",
] as const;

export interface Change {
  label: string;
  /** The dotted path of the field changed, as the api's messages name it. */
  path: string;
  apply(delivery: Delivery): void;
}

export interface SignedDelivery {
  /** What makes it wrong or extreme; also how fast-check prints it (bodies can be 512 KiB). */
  label: string;
  uid: string;
  delivery: Delivery;
  /** Paths of the fields changed; a 400 must name one of them. */
  paths: string[];
}

function bookingDelivery(trigger: string): { uid: string; delivery: Delivery } {
  const uid = freshUid();
  return { uid, delivery: envelope(trigger, bookingPayload(newBookingFixture({ uid }))) as Delivery };
}

/** Sets (or, for `undefined`, deletes) the field at a dotted path; creates nothing on the way. */
function setAt(root: Json, path: string, value: unknown): void {
  const keys = path.split(".");
  let node: unknown = root;
  for (const key of keys.slice(0, -1)) node = (node as Json)[key];
  const last = keys[keys.length - 1]!;
  if (value === undefined) delete (node as Json)[last];
  else (node as Json)[last] = value;
}

const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 30 }),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
);

const isObject = (value: unknown) => value !== null && typeof value === "object" && !Array.isArray(value);

function isAcceptedDate(value: unknown): boolean {
  if (typeof value !== "string") return false;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return false;
  const year = new Date(time).getUTCFullYear();
  return year >= 1900 && year <= 9999;
}

const badDate = fc.oneof(
  anyValue.filter((value) => !isAcceptedDate(value)),
  fc.string({ maxLength: 40 }).filter((value) => !isAcceptedDate(value)),
  fc.constantFrom(
    "1899-12-31T23:59:59Z",
    "+010000-01-01T00:00:00Z",
    "0000-01-01T00:00:00Z",
    "-000001-01-01T00:00:00Z",
    "2026-13-01T00:00:00Z",
    "2026-02-30T25:00:00Z",
    "tomorrow",
    "",
  ),
);

const change = (path: string, label: string, value: fc.Arbitrary<unknown>): fc.Arbitrary<Change> =>
  value.map((v) => ({
    label: `${path} ${label}: ${preview(v)}`,
    path,
    apply: (delivery: Delivery) => setAt(delivery, path, v),
  }));
const missing = (path: string): fc.Arbitrary<Change> =>
  fc.constant({ label: `${path} missing`, path, apply: (delivery: Delivery) => setAt(delivery, path, undefined) });

function preview(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    return "a value too deeply nested to print";
  }
  return text.length > 60 ? `${text.slice(0, 60)}… (${text.length} chars)` : text;
}

const notNonEmptyString = anyValue.filter((value) => typeof value !== "string" || value === "");
const notInteger = anyValue.filter((value) => !(typeof value === "number" && Number.isInteger(value)));

/** One required field of a booking delivery made missing or wrong. */
// A body without a string trigger, or a booking trigger without a payload object, is not refused: it is
// what a payloadTemplate renders, acknowledged and audited as an unsupported template (parse-cal-delivery.ts).
const brokenField: fc.Arbitrary<Change> = fc.oneof(
  change("triggerEvent", "an empty string", fc.constant("")),
  change("triggerEvent", "over 100 characters", fc.string({ minLength: 101, maxLength: 400 })),
  change("createdAt", "not a date-time", badDate),
  missing("payload.uid"),
  change("payload.uid", "not a non-empty string", notNonEmptyString),
  change(
    "payload.uid",
    "over 200 characters",
    fc.string({ unit: fc.constantFrom("a", "b", "7", "-"), minLength: 201, maxLength: 3_000 }),
  ),
  missing("payload.startTime"),
  change("payload.startTime", "not a date-time", badDate),
  missing("payload.endTime"),
  change("payload.endTime", "not a date-time", badDate),
  missing("payload.organizer"),
  change(
    "payload.organizer",
    "not an object",
    anyValue.filter((value) => !isObject(value)),
  ),
  missing("payload.organizer.id"),
  change("payload.organizer.id", "not an integer", notInteger),
  missing("payload.attendees"),
  change(
    "payload.attendees",
    "not an array",
    anyValue.filter((value) => !Array.isArray(value)),
  ),
  fc
    .tuple(
      fc.array(fc.constant({ name: "Ok", email: "ok@example.org" }), { maxLength: 3 }),
      anyValue.filter((value) => !isObject(value)),
    )
    .map(([good, wrong]) => ({
      label: `payload.attendees with a non-object ${preview(wrong)}`,
      path: "payload.attendees",
      apply: (delivery: Delivery) => setAt(delivery, "payload.attendees", [...good, wrong]),
    })),
  change(
    "payload.bookingId",
    "not an integer or null",
    notInteger.filter((value) => value !== null),
  ),
  change(
    "payload.eventTypeId",
    "not an integer or null",
    notInteger.filter((value) => value !== null),
  ),
  change(
    "payload.type",
    "not a string or null",
    anyValue.filter((value) => value !== null && typeof value !== "string"),
  ),
  ...["payload.organizer.id", "payload.bookingId", "payload.eventTypeId"].map((path) =>
    change(path, "beyond 32 bits", fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 2 ** 32, 2 ** 53 - 1, -(2 ** 53) + 1)),
  ),
  fc
    .tuple(
      fc.constantFrom(
        "triggerEvent",
        "payload.uid",
        "payload.type",
        "payload.organizer.username",
        "payload.organizer.timeZone",
        "payload.title",
        "payload.attendees.0.name",
      ),
      fc.constantFrom("\u0000", "a\u0000b", "Europe/London\u0000"),
    )
    .chain(([path, value]) => change(path, "with a NUL character", fc.constant(value))),
  fc.integer({ min: 65, max: 5_000 }).map((levels) => ({
    label: `payload.responses nested ${levels} levels`,
    path: "payload.responses",
    apply: (delivery: Delivery) => setAt(delivery, "payload.responses", `__nested_${levels}__`),
  })),
  fc
    .constantFrom<[unknown, unknown]>([undefined, undefined], [null, null], [undefined, null], [null, undefined])
    .map(([eventTypeId, type]) => ({
      label: `payload.eventTypeId ${preview(eventTypeId)} and payload.type ${preview(type)}`,
      path: "payload.eventTypeId",
      apply: (delivery: Delivery) => {
        setAt(delivery, "payload.eventTypeId", eventTypeId);
        setAt(delivery, "payload.type", type);
      },
    })),
);

const KNOWN_KEYS = new Set([
  "triggerEvent",
  "createdAt",
  "payload",
  "uid",
  "bookingUid",
  "__proto__",
  "constructor",
  "prototype",
]);
/** Unknown fields Cal.com might add some day: kept, never a reason to refuse. */
const unknownFields = fc.dictionary(
  fc.string({ minLength: 1, maxLength: 12 }).filter((key) => !KNOWN_KEYS.has(key)),
  fc.jsonValue({ maxDepth: 3 }),
  { maxKeys: 3 },
);

/** A booking delivery, signed, with one required field broken (and some harmless unknown fields). */
export const brokenDelivery: fc.Arbitrary<SignedDelivery> = fc
  .record({
    trigger: fc.constantFrom(...BOOKING_TRIGGERS),
    broken: brokenField,
    extraTop: unknownFields,
    extraPayload: unknownFields,
  })
  .map(({ trigger, broken, extraTop, extraPayload }) => {
    const { uid, delivery } = bookingDelivery(trigger);
    Object.assign(
      delivery.payload as Json,
      Object.fromEntries(Object.entries(extraPayload).filter(([key]) => !(key in (delivery.payload as Json)))),
    );
    Object.assign(delivery, extraTop);
    broken.apply(delivery);
    return labelled({ label: `${trigger}: ${broken.label}`, uid, delivery, paths: [broken.path] });
  });

// ------------------------------------------------------------------------------------ extreme values

const SAFE_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_".split("");
const longSafeString = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...SAFE_CHARS), minLength: min, maxLength: max });
/** Strings a schema that asks only for "a string" lets through. */
const oddString = fc.oneof(
  longSafeString(201, 2000),
  longSafeString(2700, 8000),
  fc.string({ unit: "binary", minLength: 1, maxLength: 40 }),
  fc.constantFrom("a\u0000b", "\u0000", "\ud800", "x\udfffy", "\u202e\u2066", "👩‍👩‍👧‍👦", " ", "\n"),
);
const hugeText = fc.oneof(
  fc.integer({ min: 10_000, max: 100_000 }).map((length) => "é".repeat(length)),
  oddString,
);
const extremeInteger = fc.constantFrom(
  0,
  -1,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31),
  -(2 ** 31) - 1,
  2 ** 53 - 1,
  -(2 ** 53) + 1,
  4_294_967_296,
);
const extremeDate = fc.constantFrom(
  "1900-01-01T00:00:00Z",
  "9999-12-31T23:59:59.999Z",
  "1900-01-01T00:00:00-14:00",
  "2026-12-10",
  "2026-12-10T14:00:00+14:00",
  "Thu, 10 Dec 2026 14:00:00 GMT",
  "2026-12-10T14:00:00.123456789Z",
);

/**
 * Nesting deeper than JSON.stringify can walk is written as text: the value holds a placeholder that
 * `serialize` replaces with `levels` alternating arrays and objects.
 */
const NESTED_PLACEHOLDER = /"__nested_(\d+)__"/g;
function nestedText(levels: number): string {
  const open: string[] = [];
  for (let level = 0; level < levels; level++) open.push(level % 2 === 0 ? "[" : '{"level":');
  const close = open.map((opener) => (opener === "[" ? "]" : "}")).reverse();
  return `${open.join("")}"bottom"${close.join("")}`;
}

/** The delivery's JSON bytes, with deep nesting expanded. */
export function serialize(delivery: Delivery): Buffer {
  return Buffer.from(
    JSON.stringify(delivery).replace(NESTED_PLACEHOLDER, (_match, levels: string) => nestedText(Number(levels))),
  );
}

const depth = fc.oneof(fc.integer({ min: 1, max: 64 }), fc.constantFrom(100, 1_000, 10_000, 60_000));
const nestedChange = (path: string): fc.Arbitrary<Change> =>
  depth.map((levels) => ({
    label: `${path} deeply nested (${levels} levels)`,
    path,
    apply: (delivery: Delivery) => setAt(delivery, path, `__nested_${levels}__`),
  }));

/** Values of fields the schema accepts (it asks for little), chosen to break what comes after it. */
const extremeField: fc.Arbitrary<Change> = fc.oneof(
  change("payload.uid", "unusual", oddString),
  change("payload.organizer.id", "extreme", extremeInteger),
  change("payload.bookingId", "extreme", extremeInteger),
  change("payload.eventTypeId", "extreme", extremeInteger),
  change("payload.type", "unusual", oddString),
  change("payload.organizer.username", "unusual", oddString),
  change("payload.organizer.timeZone", "unusual", oddString),
  change("payload.organizer.name", "unusual", hugeText),
  change("payload.organizer.email", "unusual", oddString),
  change(
    "payload.organizer.language",
    "unusual",
    fc.oneof(
      oddString,
      oddString.map((locale) => ({ locale })),
    ),
  ),
  change("payload.rescheduleUid", "unusual", oddString),
  change("payload.title", "unusual", hugeText),
  change("payload.description", "unusual", hugeText),
  change("payload.location", "unusual", fc.oneof(hugeText, fc.jsonValue({ maxDepth: 3 }))),
  change("payload.status", "unusual", fc.oneof(oddString, anyValue)),
  change("payload.cancellationReason", "unusual", hugeText),
  change("payload.startTime", "extreme", extremeDate),
  change("payload.endTime", "extreme", extremeDate),
  change("createdAt", "extreme", extremeDate),
  change(
    "payload.attendees",
    "many",
    fc
      .integer({ min: 100, max: 5_000 })
      .map((count) =>
        Array.from({ length: count }, (_, index) => ({ name: `Guest ${index}`, email: `guest${index}@example.org` })),
      ),
  ),
  change(
    "payload.attendees",
    "unusual emails",
    fc.array(
      oddString.map((email) => ({ email, name: email })),
      { minLength: 1, maxLength: 3 },
    ),
  ),
  nestedChange("payload.responses"),
  nestedChange("payload.metadata"),
  nestedChange("nesting"),
  fc.constant<Change>({
    label: "payload.rescheduleUid is the booking itself",
    path: "payload.rescheduleUid",
    apply: (delivery) => setAt(delivery, "payload.rescheduleUid", (delivery.payload as Json).uid),
  }),
  fc.constant<Change>({
    label: "payload.endTime before payload.startTime",
    path: "payload.endTime",
    apply: (delivery) => {
      const payload = delivery.payload as Json;
      [payload.startTime, payload.endTime] = [payload.endTime, payload.startTime];
    },
  }),
  change(
    "payload.customInputs",
    "odd keys",
    fc.dictionary(oddString, fc.jsonValue({ maxDepth: 2 }), { minKeys: 1, maxKeys: 3 }),
  ),
);

/** Non-booking triggers with unusual names and booking references. */
const extremeOtherTrigger: fc.Arbitrary<SignedDelivery> = fc
  .record({
    trigger: fc.oneof(
      fc.constantFrom("PING", "MEETING_ENDED", "FORM_SUBMITTED", "BOOKING_NO_SHOW_UPDATED"),
      oddString.filter((text) => text.length <= 100),
    ),
    reference: fc.oneof(oddString, fc.constant(undefined)),
  })
  .map(({ trigger, reference }) => {
    const uid = freshUid();
    const delivery: Delivery = envelope(trigger, { bookingUid: reference ?? uid, note: "x" }) as Delivery;
    return labelled({
      label: `other trigger ${preview(trigger)} naming booking ${preview(reference ?? uid)}`,
      uid,
      delivery,
      paths: ["triggerEvent", "payload.bookingUid"],
    });
  });

/** Signed deliveries the schema accepts, with one or two extreme values. */
export const extremeDelivery: fc.Arbitrary<SignedDelivery> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .record({
        trigger: fc.constantFrom(...BOOKING_TRIGGERS),
        changes: fc.array(extremeField, { minLength: 1, maxLength: 2 }),
      })
      .map(({ trigger, changes }) => {
        const { delivery } = bookingDelivery(trigger);
        for (const one of changes) one.apply(delivery);
        return labelled({
          label: `${trigger}: ${changes.map((one) => one.label).join("; ")}`,
          uid: (delivery.payload as Json).uid as string,
          delivery,
          paths: changes.map((one) => one.path),
        });
      }),
  },
  { weight: 1, arbitrary: extremeOtherTrigger },
);
