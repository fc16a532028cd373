// Parsing and normalising Cal.com bodies, without any server: the shapes vary by trigger and version.
import { describe, expect, it } from "vitest";
import { HttpError } from "../http/http-errors.js";
import { parseCalDelivery, readWebhookVersion } from "./parse-cal-delivery.js";

const receivedAt = new Date("2026-11-24T12:00:00.000Z");

function booking(extra: Record<string, unknown> = {}) {
  return {
    uid: "uid-1",
    bookingId: 7,
    type: "talk",
    title: "Talk",
    description: "",
    additionalNotes: "Notes from the booker",
    startTime: "2026-12-01T10:00:00Z",
    endTime: "2026-12-01T10:30:00Z",
    organizer: {
      id: 1,
      name: "Host",
      email: "h@example.org",
      username: "host",
      timeZone: "Europe/Berlin",
      language: { locale: "de" },
    },
    attendees: [
      {
        name: "A",
        email: "a@example.org",
        timeZone: "Asia/Tokyo",
        language: { locale: "ja" },
        phoneNumber: "+15550100",
      },
    ],
    eventTypeId: 3,
    status: "ACCEPTED",
    ...extra,
  };
}

function parse(body: unknown, contentType = "application/json") {
  return parseCalDelivery(Buffer.from(JSON.stringify(body)), contentType, receivedAt);
}

function errorOf(action: () => unknown): HttpError {
  try {
    action();
  } catch (error) {
    if (error instanceof HttpError) return error;
    throw error;
  }
  throw new Error("expected an HttpError");
}

describe("parseCalDelivery", () => {
  it("lower-cases the webhook status to the API’s form", () => {
    expect(
      parse({ triggerEvent: "BOOKING_CREATED", createdAt: "2026-11-24T11:00:00Z", payload: booking() }).booking?.status,
    ).toBe("accepted");
  });

  it("takes the status a trigger implies over a stale status field", () => {
    expect(parse({ triggerEvent: "BOOKING_CANCELLED", payload: booking({ status: "ACCEPTED" }) }).booking?.status).toBe(
      "cancelled",
    );
  });

  it("reads the locale from Cal.com’s {locale} language object and keeps time zones", () => {
    const parsed = parse({ triggerEvent: "BOOKING_CREATED", payload: booking() }).booking!;
    expect(parsed.organizer).toMatchObject({ calUserId: 1, locale: "de", timeZone: "Europe/Berlin" });
    expect(parsed.attendees[0]).toEqual({
      name: "A",
      email: "a@example.org",
      timeZone: "Asia/Tokyo",
      locale: "ja",
      phoneNumber: "+15550100",
    });
  });

  it("falls back to additionalNotes for an empty description, as Cal.com does", () => {
    expect(parse({ triggerEvent: "BOOKING_CREATED", payload: booking() }).booking?.description).toBe(
      "Notes from the booker",
    );
  });

  it("stores times in UTC with milliseconds", () => {
    const parsed = parse({
      triggerEvent: "BOOKING_CREATED",
      payload: booking({ startTime: "2026-12-01T11:00:00+01:00" }),
    }).booking!;
    expect(parsed.startTime).toBe("2026-12-01T10:00:00.000Z");
  });

  it("uses the envelope createdAt as the event time, or the receive time without one", () => {
    expect(
      parse({ triggerEvent: "BOOKING_CREATED", createdAt: "2026-11-24T11:00:00Z", payload: booking() }).occurredAt,
    ).toBe("2026-11-24T11:00:00.000Z");
    expect(parse({ triggerEvent: "BOOKING_CREATED", payload: booking() }).occurredAt).toBe(receivedAt.toISOString());
  });

  it("gives the same delivery id whatever the key order or send time", () => {
    const a = parse({ triggerEvent: "BOOKING_CREATED", createdAt: "2026-11-24T11:00:00Z", payload: booking() });
    const reordered = Object.fromEntries(Object.entries(booking()).reverse());
    const b = parse({ payload: reordered, createdAt: "2026-11-24T11:09:00Z", triggerEvent: "BOOKING_CREATED" });
    expect(b.deliveryId).toBe(a.deliveryId);
  });

  it("gives different delivery ids to different events for the same booking", () => {
    const created = parse({ triggerEvent: "BOOKING_CREATED", payload: booking() });
    const cancelled = parse({ triggerEvent: "BOOKING_CANCELLED", payload: booking({ status: "CANCELLED" }) });
    expect(cancelled.deliveryId).not.toBe(created.deliveryId);
  });

  it("links a reschedule to the booking it replaces", () => {
    const parsed = parse({
      triggerEvent: "BOOKING_RESCHEDULED",
      payload: booking({ uid: "new", rescheduleUid: "old" }),
    });
    expect(parsed.booking?.rescheduledFromUid).toBe("old");
  });

  it("accepts Cal.com’s form-urlencoded content type for template bodies that are JSON", () => {
    expect(parse({ triggerEvent: "PING", payload: {} }, "application/x-www-form-urlencoded").kind).toBe("other");
  });

  it.each([
    ["text/plain", 415],
    ["application/json; charset=latin1", 415],
  ])("refuses content type %s with %i", (contentType, status) => {
    expect(errorOf(() => parse({ triggerEvent: "PING" }, contentType)).status).toBe(status);
  });

  it("refuses bytes that are not UTF-8", () => {
    const error = errorOf(() =>
      parseCalDelivery(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), "application/json", receivedAt),
    );
    expect(error.message).toBe("body: is not valid UTF-8");
  });

  it.each([[[1, 2]], ["text"], [null], [false]])(
    "acknowledges a JSON body that is not an object (a template's output; Cal.com sends false for a broken one) as an unsupported template: %j",
    (body) => {
      const parsed = parse(body);
      expect(parsed).toMatchObject({
        triggerEvent: "UNSUPPORTED_TEMPLATE",
        kind: "other",
        bodyShape: "unsupported_template",
        bookingUid: null,
        booking: null,
        occurredAt: receivedAt.toISOString(),
        rawBody: { contentType: "application/json", body },
      });
    },
  );

  it("acknowledges a form-encoded body that is not JSON (a rendered template) with its raw text, one id per body", () => {
    const text = "Booking Talk with Host on 2026-12-01";
    const first = parseCalDelivery(Buffer.from(text), "application/x-www-form-urlencoded", receivedAt);
    expect(first).toMatchObject({
      triggerEvent: "UNSUPPORTED_TEMPLATE",
      bodyShape: "unsupported_template",
      rawBody: { contentType: "application/x-www-form-urlencoded", body: text },
    });
    expect(parseCalDelivery(Buffer.from(text), "application/x-www-form-urlencoded", receivedAt).deliveryId).toBe(
      first.deliveryId,
    );
    expect(
      parseCalDelivery(Buffer.from(`${text}.`), "application/x-www-form-urlencoded", receivedAt).deliveryId,
    ).not.toBe(first.deliveryId);
  });

  it("acknowledges a JSON object without the envelope's trigger as an unsupported template", () => {
    expect(parse({ title: "Talk", organizer: "Host" })).toMatchObject({ bodyShape: "unsupported_template" });
    expect(parse({ triggerEvent: 7, payload: {} })).toMatchObject({ bodyShape: "unsupported_template" });
  });

  it("still refuses JSON that does not parse under application/json (Cal.com sends non-JSON form-encoded)", () => {
    expect(errorOf(() => parseCalDelivery(Buffer.from("{nope"), "application/json", receivedAt)).message).toBe(
      "body: is not valid JSON",
    );
  });

  it("reads X-Cal-Webhook-Version as a short token, never storing an odd value as sent", () => {
    expect(readWebhookVersion("2021-10-20")).toBe("2021-10-20");
    expect(readWebhookVersion(undefined)).toBeUndefined();
    expect(readWebhookVersion(" ")).toBeUndefined();
    expect(readWebhookVersion("ruth@example.org <script>")).toBe("unrecognised");
  });

  it("refuses a date Postgres could not store, naming the field", () => {
    const error = errorOf(() =>
      parse({ triggerEvent: "BOOKING_CREATED", payload: booking({ endTime: "+275760-09-13T00:00:00.000Z" }) }),
    );
    expect(error.message).toContain("payload.endTime");
  });

  it("acknowledges a booking trigger without a payload (a template's flattened fields) as an unsupported template", () => {
    expect(parse({ triggerEvent: "BOOKING_CREATED", uid: "x", title: "Talk" })).toMatchObject({
      triggerEvent: "UNSUPPORTED_TEMPLATE",
      bodyShape: "unsupported_template",
    });
  });
});
