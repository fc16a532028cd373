// The staff bookings list's filters: read from the page's address (a plain GET form, so it works without
// JavaScript), and turned into the api queries for the upcoming and the past section. Dates are calendar
// days in the viewer's time zone (the form sends it); "to" includes its whole day.
import { startOfDayIn } from "./booking-time";
import type { StaffRole } from "./staff-api";

export const BOOKING_STATUS_LABELS: Record<string, string> = {
  accepted: "Confirmed",
  pending: "Pending",
  awaiting_host: "Awaiting host",
  cancelled: "Cancelled",
  rejected: "Rejected",
  unknown: "Unknown",
};

/** What the form shows, as the person typed it. */
export interface BookingFilterForm {
  status: string;
  from: string;
  to: string;
  host: string;
  email: string;
}

export interface BookingListFilters {
  form: BookingFilterForm;
  status?: string;
  /** Start of the "from" day in the viewer's zone. */
  from?: Date;
  /** Start of the day after "to" in the viewer's zone. */
  to?: Date;
  host?: string;
  attendeeEmail?: string;
  /** Whether anything narrows the list. */
  active: boolean;
}

type SearchParams = Record<string, string | string[] | undefined>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() ?? "";

export function readBookingListFilters(params: SearchParams, role: StaffRole, timeZone: string): BookingListFilters {
  const form: BookingFilterForm = {
    status: first(params.status),
    from: first(params.from),
    to: first(params.to),
    // A host's list is their own: the administrators' filters are not even read for them.
    host: role === "admin" ? first(params.host) : "",
    email: role === "admin" ? first(params.email) : "",
  };
  const filters: BookingListFilters = { form, active: false };
  if (form.status in BOOKING_STATUS_LABELS) filters.status = form.status;
  if (DAY.test(form.from)) filters.from = startOfDayIn(form.from, timeZone);
  if (DAY.test(form.to)) {
    const [year, month, day] = form.to.split("-").map(Number) as [number, number, number];
    const next = new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
    filters.to = startOfDayIn(next, timeZone);
  }
  if (/^\d+$/.test(form.host)) filters.host = form.host;
  if (form.email) filters.attendeeEmail = form.email;
  filters.active = Boolean(filters.status || filters.from || filters.to || filters.host || filters.attendeeEmail);
  return filters;
}

/**
 * The api query (for GET /staff/bookings) of each section: upcoming (starting from now, soonest first)
 * and past (newest first), each within the filters; null when the filters leave a section empty.
 */
export function sectionQueries(
  filters: BookingListFilters,
  now: Date,
  limit = 50,
): { upcoming: string | null; past: string | null } {
  const common = new URLSearchParams({ limit: String(limit) });
  if (filters.status) common.set("status", filters.status);
  if (filters.host) common.set("host", filters.host);
  if (filters.attendeeEmail) common.set("attendeeEmail", filters.attendeeEmail);

  const query = (from: Date | undefined, to: Date | undefined, order: "asc" | "desc") => {
    if (from && to && from >= to) return null;
    const params = new URLSearchParams(common);
    params.set("order", order);
    if (from) params.set("from", from.toISOString());
    if (to) params.set("to", to.toISOString());
    return params.toString();
  };
  const later = (a: Date | undefined, b: Date) => (a && a > b ? a : b);
  const earlier = (a: Date | undefined, b: Date) => (a && a < b ? a : b);
  return {
    upcoming: query(later(filters.from, now), filters.to, "asc"),
    past: query(filters.from, earlier(filters.to, now), "desc"),
  };
}
