// toConfirmedBooking: the confirmation shows the booked time in the zone the visitor booked in.
import { describe, expect, it } from "vitest";
import { toConfirmedBooking } from "./confirmed-booking";

const context = {
  eventTitle: "A talk",
  hostName: "Pastor Anna",
  lengthInMinutes: 30,
  browserTimeZone: "Europe/London",
};

describe("toConfirmedBooking", () => {
  it("reads the legacy bookings answer (startTime/endTime) and the attendee’s zone", () => {
    const confirmed = toConfirmedBooking(
      {
        uid: "b1",
        startTime: "2026-11-25T10:00:00.000Z",
        endTime: "2026-11-25T10:30:00.000Z",
        attendees: [{ email: "sam@example.org", timeZone: "America/New_York" }],
      },
      context,
    );
    expect(confirmed).toMatchObject({
      uid: "b1",
      eventTitle: "A talk",
      hostName: "Pastor Anna",
      timeZone: "America/New_York",
      attendeeEmail: "sam@example.org",
    });
    expect(confirmed.end.toISOString()).toBe("2026-11-25T10:30:00.000Z");
  });

  it("reads the newer answer (start/end) and falls back to the length and the browser’s zone", () => {
    const confirmed = toConfirmedBooking(
      { uid: "b2", start: "2026-11-25T10:00:00Z", attendees: [{ timeZone: "Not/AZone" }] },
      context,
    );
    expect(confirmed.end.toISOString()).toBe("2026-11-25T10:30:00.000Z");
    expect(confirmed.timeZone).toBe("Europe/London");
  });
});
