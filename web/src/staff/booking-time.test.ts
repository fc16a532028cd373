// Booking times in the viewer's zone, and where a calendar day begins in a zone (the date filters).
import { describe, expect, it } from "vitest";
import { formatInstant, formatInstantRange, knownTimeZone, startOfDayIn } from "./booking-time";

describe("formatInstant / formatInstantRange", () => {
  it("writes the time in the given zone", () => {
    expect(formatInstant("2026-12-01T14:30:00Z", "UTC")).toBe("Tue, 1 Dec 2026, 14:30");
    expect(formatInstant("2026-12-01T14:30:00Z", "America/New_York")).toBe("Tue, 1 Dec 2026, 09:30");
  });

  it("gives the end's time only when it is on the same day in the zone", () => {
    expect(formatInstantRange("2026-12-01T14:30:00Z", "2026-12-01T15:00:00Z", "Europe/London")).toBe(
      "Tue, 1 Dec 2026, 14:30–15:00",
    );
    expect(formatInstantRange("2026-12-01T23:30:00Z", "2026-12-02T00:30:00Z", "UTC")).toBe(
      "Tue, 1 Dec 2026, 23:30 – Wed, 2 Dec 2026, 00:30",
    );
  });
});

describe("knownTimeZone", () => {
  it("keeps a zone the runtime knows and falls back to UTC otherwise", () => {
    expect(knownTimeZone("Europe/Berlin")).toBe("Europe/Berlin");
    expect(knownTimeZone("Mars/Olympus_Mons")).toBe("UTC");
    expect(knownTimeZone(undefined)).toBe("UTC");
  });
});

describe("startOfDayIn", () => {
  it("finds local midnight in winter and summer time", () => {
    expect(startOfDayIn("2026-01-15", "Europe/London").toISOString()).toBe("2026-01-15T00:00:00.000Z");
    expect(startOfDayIn("2026-07-15", "Europe/London").toISOString()).toBe("2026-07-14T23:00:00.000Z");
    expect(startOfDayIn("2026-07-15", "America/Los_Angeles").toISOString()).toBe("2026-07-15T07:00:00.000Z");
    expect(startOfDayIn("2026-07-15", "Asia/Kolkata").toISOString()).toBe("2026-07-14T18:30:00.000Z");
  });

  it("is right on the days the clocks change", () => {
    // Clocks go forward at 01:00 UTC on 29 March 2026 in London: that day began in winter time.
    expect(startOfDayIn("2026-03-29", "Europe/London").toISOString()).toBe("2026-03-29T00:00:00.000Z");
    expect(startOfDayIn("2026-03-30", "Europe/London").toISOString()).toBe("2026-03-29T23:00:00.000Z");
    expect(startOfDayIn("2026-10-25", "Europe/London").toISOString()).toBe("2026-10-24T23:00:00.000Z");
  });
});
