// Bookings: create (legacy body or 2024-08-13 body, by cal-api-version), list (2024-08-13 `{data:[…], pagination}`,
// or the legacy `{data:{bookings, recurringInfo, nextCursor}}` for a missing or older version), get, cancel,
// reschedule, and the atoms' legacy `GET /v2/bookings/{uid}/reschedule`. Create, cancel and reschedule are
// public, as in Cal.com (no scope); listing needs BOOKING_READ of an OAuth 2.0 token. Sources: apps/api/v2/src/ee/bookings/2024-04-15 and 2024-08-13 controllers;
// docs api-reference/v2/bookings/*; atoms `dist/lib/http.js` and `dist/hooks/*`, `packages/platform/types/bookings/2024-08-13/`.
import { decodeCursor, filterBookings, paginate, paginateByCursor, sortBookings } from "../booking-list.js";
import { badRequest } from "../http/api-error.js";
import { fromBody2024_08_13, fromLegacyBody } from "../booking-requests.js";
import { toBookingOutput, toLegacyBooking } from "../booking-views.js";
import { LEGACY_MESSAGES, MESSAGES_2024_08_13, type BookingService } from "../bookings.js";
import { usesBookings2024_08_13 } from "../http/api-version.js";
import { principalOf, type Authenticator } from "../http/authenticate.js";
import { sendData } from "../http/envelope.js";
import { parseInput } from "../http/parse-input.js";
import type { DeclareRoute } from "../http/route-probes.js";
import type { ScopeGuard } from "../http/scope-guard.js";
import {
  cancelBookingInputSchema,
  createBookingInputSchema,
  legacyCreateBookingInputSchema,
  legacyListBookingsQuerySchema,
  listBookingsQuerySchema,
  rescheduleBookingInputSchema,
} from "../schemas/booking-inputs.schema.js";
import type { Booking, EmulatorState } from "../state.js";

export interface BookingRouteDeps {
  state: () => EmulatorState;
  clock: () => Date;
  auth: Authenticator;
  bookings: BookingService;
  scopes: ScopeGuard;
}

function cursorOffset(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const offset = decodeCursor(cursor);
  if (offset === null) throw badRequest("Invalid cursor");
  return offset;
}

export function declareBookingRoutes(declare: DeclareRoute, deps: BookingRouteDeps): void {
  declare("post", "/bookings", deps.auth.optionalAuth, (request, response) => {
    const state = deps.state();
    if (usesBookings2024_08_13(request)) {
      const input = fromBody2024_08_13(parseInput(createBookingInputSchema, request.body), state);
      return sendData(response, toBookingOutput(deps.bookings.create(input, MESSAGES_2024_08_13), state), 201);
    }
    const input = fromLegacyBody(parseInput(legacyCreateBookingInputSchema, request.body), state);
    sendData(response, toLegacyBooking(deps.bookings.create(input, LEGACY_MESSAGES), state, input.isDryRun), 201);
  });

  declare(
    "get",
    "/bookings",
    deps.auth.requireAuth,
    deps.scopes.requireScopes(["BOOKING_READ"]),
    (request, response) => {
      const state = deps.state();
      const principal = principalOf(response)!;
      // A managed user sees their own bookings; the OAuth client (acting as the platform owner) sees its users'.
      const visible = [...state.bookings.values()].filter((booking: Booking) => {
        const organizer = state.users.get(booking.organizerId);
        return principal.kind === "user"
          ? booking.organizerId === principal.user.id ||
              booking.attendees.some((attendee) => attendee.email === principal.user.email)
          : organizer?.oauthClientId === principal.client.id;
      });
      if (!usesBookings2024_08_13(request)) {
        const legacy = parseInput(legacyListBookingsQuerySchema, request.query);
        const asQuery = { status: legacy.status, take: legacy.limit, skip: legacy.cursor };
        const listed = sortBookings(filterBookings(visible, asQuery, deps.clock()), asQuery);
        const page = listed.slice(legacy.cursor, legacy.cursor + legacy.limit);
        const nextCursor = legacy.cursor + legacy.limit < listed.length ? legacy.cursor + legacy.limit : null;
        return sendData(response, {
          bookings: page.map((booking) => toLegacyBooking(booking, state)),
          recurringInfo: [],
          nextCursor,
        });
      }
      const query = parseInput(listBookingsQuerySchema, request.query);
      const listed = sortBookings(filterBookings(visible, query, deps.clock()), query);
      const { page, pagination } =
        state.bookingsListPagination === "cursor"
          ? paginateByCursor(listed, query.take, cursorOffset(query.cursor))
          : paginate(listed, query.take, query.skip);
      response
        .status(200)
        .json({ status: "success", data: page.map((booking) => toBookingOutput(booking, state)), pagination });
    },
  );

  declare("get", "/bookings/:bookingUid", (request, response) => {
    const booking = deps.bookings.find(String(request.params.bookingUid));
    const state = deps.state();
    sendData(
      response,
      usesBookings2024_08_13(request) ? toBookingOutput(booking, state) : toLegacyBooking(booking, state),
    );
  });

  declare("get", "/bookings/:bookingUid/reschedule", (request, response) => {
    sendData(response, toLegacyBooking(deps.bookings.find(String(request.params.bookingUid)), deps.state()));
  });

  declare("post", "/bookings/:bookingUid/cancel", deps.auth.optionalAuth, (request, response) => {
    const input = parseInput(cancelBookingInputSchema, request.body ?? {});
    const principal = principalOf(response);
    const booking = deps.bookings.cancel(String(request.params.bookingUid), {
      reason: input.cancellationReason,
      cancelledBy: principal?.kind === "user" ? principal.user.email : null,
    });
    if (usesBookings2024_08_13(request)) return sendData(response, toBookingOutput(booking, deps.state()));
    sendData(response, { bookingId: booking.id, bookingUid: booking.uid, onlyRemovedAttendee: false });
  });

  declare("post", "/bookings/:bookingUid/reschedule", deps.auth.optionalAuth, (request, response) => {
    const input = parseInput(rescheduleBookingInputSchema, request.body);
    const principal = principalOf(response);
    const booking = deps.bookings.reschedule(
      String(request.params.bookingUid),
      {
        start: new Date(input.start),
        reason: input.reschedulingReason,
        rescheduledBy: input.rescheduledBy ?? (principal?.kind === "user" ? principal.user.email : undefined),
      },
      MESSAGES_2024_08_13,
    );
    sendData(response, toBookingOutput(booking, deps.state()), 201);
  });
}
