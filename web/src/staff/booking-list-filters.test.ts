// Reading the bookings list's filters from the address and splitting them into upcoming and past queries.
import { describe, expect, it } from "vitest";
import { readBookingListFilters, sectionQueries } from "./booking-list-filters";

const NOW = new Date("2026-12-02T10:00:00Z");
const parse = (query: string) => Object.fromEntries(new URLSearchParams(query));

describe("readBookingListFilters", () => {
  it("reads every filter for an administrator, days in the viewer's zone, 'to' including its day", () => {
    const filters = readBookingListFilters(
      parse("status=cancelled&from=2026-12-01&to=2026-12-03&host=42&email=Ruth%40example.net"),
      "admin",
      "Europe/Berlin",
    );
    expect(filters).toMatchObject({
      status: "cancelled",
      from: new Date("2026-11-30T23:00:00Z"),
      to: new Date("2026-12-03T23:00:00Z"),
      host: "42",
      attendeeEmail: "Ruth@example.net",
      active: true,
    });
  });

  it("ignores the administrators' filters for a host, and values that are not what the form sends", () => {
    const filters = readBookingListFilters(
      parse("status=archived&from=yesterday&host=42&email=ruth%40example.net"),
      "host",
      "UTC",
    );
    expect(filters).toEqual({
      form: { status: "archived", from: "yesterday", to: "", host: "", email: "" },
      active: false,
    });
  });
});

describe("sectionQueries", () => {
  it("without filters: upcoming from now, soonest first; past until now, newest first", () => {
    const { upcoming, past } = sectionQueries(readBookingListFilters({}, "host", "UTC"), NOW);
    expect(parse(upcoming!)).toEqual({ limit: "50", order: "asc", from: NOW.toISOString() });
    expect(parse(past!)).toEqual({ limit: "50", order: "desc", to: NOW.toISOString() });
  });

  it("keeps a range wholly in the future out of the past section, and passes the other filters to both", () => {
    const filters = readBookingListFilters(parse("from=2026-12-10&to=2026-12-11&status=accepted"), "host", "UTC");
    const { upcoming, past } = sectionQueries(filters, NOW);
    expect(parse(upcoming!)).toEqual({
      limit: "50",
      order: "asc",
      status: "accepted",
      from: "2026-12-10T00:00:00.000Z",
      to: "2026-12-12T00:00:00.000Z",
    });
    expect(past).toBeNull();
  });

  it("keeps a range wholly in the past out of the upcoming section", () => {
    const filters = readBookingListFilters(parse("to=2026-11-30&host=7&email=a%40b.org"), "admin", "UTC");
    const { upcoming, past } = sectionQueries(filters, NOW);
    expect(upcoming).toBeNull();
    expect(parse(past!)).toEqual({
      limit: "50",
      order: "desc",
      host: "7",
      attendeeEmail: "a@b.org",
      to: "2026-12-01T00:00:00.000Z",
    });
  });
});
