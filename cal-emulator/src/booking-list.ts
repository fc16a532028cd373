// GET /v2/bookings (2024-08-13) filtering, sorting and pagination, pure. Status meanings follow Cal.com's
// bookings list: upcoming/unconfirmed end in the future, past ended, cancelled includes rejected.
// Sources: packages/platform/types/bookings/2024-08-13/inputs/get-bookings.input.ts, apps/api/v2/src/lib/pagination/pagination.ts.
import type { ListBookingsQuery } from "./schemas/booking-inputs.schema.js";
import type { Booking } from "./state.js";

type StatusFilter = NonNullable<ListBookingsQuery["status"]>[number];

function matchesStatus(booking: Booking, status: StatusFilter, now: Date): boolean {
  const live = booking.status !== "cancelled" && booking.status !== "rejected";
  switch (status) {
    case "upcoming":
      return live && booking.end >= now;
    case "unconfirmed":
      return booking.status === "pending" && booking.end >= now;
    case "past":
      return live && booking.end <= now;
    case "cancelled":
      return !live;
    case "recurring":
      return false; // the emulator has no recurring bookings
  }
}

const after = (value: Date, bound: string | undefined) => bound === undefined || value >= new Date(bound);
const before = (value: Date, bound: string | undefined) => bound === undefined || value <= new Date(bound);

export function filterBookings(bookings: Booking[], query: ListBookingsQuery, now: Date): Booking[] {
  return bookings.filter(
    (booking) =>
      (!query.status || query.status.some((status) => matchesStatus(booking, status, now))) &&
      (!query.attendeeEmail || booking.attendees.some((attendee) => attendee.email === query.attendeeEmail)) &&
      (!query.attendeeName || booking.attendees.some((attendee) => attendee.name === query.attendeeName)) &&
      (!query.bookingUid || booking.uid === query.bookingUid) &&
      (query.eventTypeId === undefined || booking.eventTypeId === query.eventTypeId) &&
      (!query.eventTypeIds || query.eventTypeIds.includes(booking.eventTypeId)) &&
      after(booking.start, query.afterStart) &&
      before(booking.end, query.beforeEnd) &&
      after(booking.createdAt, query.afterCreatedAt) &&
      before(booking.createdAt, query.beforeCreatedAt) &&
      after(booking.updatedAt, query.afterUpdatedAt) &&
      before(booking.updatedAt, query.beforeUpdatedAt),
  );
}

export function sortBookings(bookings: Booking[], query: ListBookingsQuery): Booking[] {
  const [key, order] =
    (query.sortStart && (["start", query.sortStart] as const)) ||
    (query.sortEnd && (["end", query.sortEnd] as const)) ||
    (query.sortCreated && (["createdAt", query.sortCreated] as const)) ||
    (query.sortUpdatedAt && (["updatedAt", query.sortUpdatedAt] as const)) ||
    (["start", "asc"] as const);
  const direction = order === "asc" ? 1 : -1;
  return [...bookings].sort((a, b) => direction * (a[key].getTime() - b[key].getTime()) || a.id - b.id);
}

export function paginate<T>(items: T[], take: number, skip: number) {
  const page = items.slice(skip, skip + take);
  return {
    page,
    pagination: {
      totalItems: items.length,
      remainingItems: Math.max(0, items.length - skip - page.length),
      returnedItems: page.length,
      itemsPerPage: take,
      currentPage: Math.floor(skip / take) + 1,
      totalPages: Math.ceil(items.length / take),
      hasNextPage: skip + take < items.length,
      hasPreviousPage: skip > 0,
    },
  };
}

/** The cursor form's opaque cursor: the offset of the next page, base64url-encoded. */
const encodeCursor = (offset: number) => Buffer.from(`offset:${offset}`).toString("base64url");

/** The offset a cursor stands for; null when it is not one this list issued. */
export function decodeCursor(cursor: string): number | null {
  const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  return match ? Number(match[1]) : null;
}

/** The cursor form: `{returnedItems, itemsPerPage, nextCursor, hasMore}`; nextCursor is null on the last page. */
export function paginateByCursor<T>(items: T[], take: number, offset: number) {
  const page = items.slice(offset, offset + take);
  const hasMore = offset + take < items.length;
  return {
    page,
    pagination: {
      returnedItems: page.length,
      itemsPerPage: take,
      nextCursor: hasMore ? encodeCursor(offset + take) : null,
      hasMore,
    },
  };
}
