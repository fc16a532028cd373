// Slots: legacy `GET /v2/slots/available` (what the Booker calls), 2024-09-04 `GET /v2/slots`,
// `POST /v2/slots/reserve` (201, data = uid, `uid` cookie) and `DELETE /v2/slots/selected-slot`. The legacy
// routes answer versions up to 2024-08-13 (and a missing header); GET /v2/slots only 2024-09-04 (api-version.ts).
// Sources: apps/api/v2/src/modules/slots/slots-2024-04-15/controllers/slots.controller.ts,
// slots-output.service.ts; docs api-reference/v2/slots/get-available-time-slots-for-an-event-type.
import type { Request } from "express";
import { badRequest, notFound } from "../http/api-error.js";
import { createBookingUid } from "../booking-uid.js";
import { bookableSlotStarts } from "../bookable-slots.js";
import { requireSlotsController } from "../http/api-version.js";
import { readCookie } from "../http/cookies.js";
import { sendData, sendSuccessWithoutData } from "../http/envelope.js";
import { parseInput } from "../http/parse-input.js";
import type { DeclareRoute } from "../http/route-probes.js";
import { legacySlotsQuerySchema, reserveSlotInputSchema, slotsQuerySchema } from "../schemas/slots.schema.js";
import { groupByDate } from "../slots.js";
import type { EmulatorState, EventType } from "../state.js";
import { addDays, formatInstantInZone, zonedTimeToInstant } from "../time-zone.js";

/** Cal.com holds a reserved slot for MINUTES_TO_BOOK, 5 by default. */
const RESERVATION_MINUTES = 5;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function findEventType(
  state: EmulatorState,
  id: number | undefined,
  slug: string | undefined,
  username: string | undefined,
): EventType {
  if (id !== undefined) {
    const eventType = state.eventTypes.get(id);
    if (!eventType) throw notFound(`Event type with id=${id} not found`);
    return eventType;
  }
  const owner = [...state.users.values()].find((user) => user.username === username);
  const eventType =
    owner &&
    [...state.eventTypes.values()].find((candidate) => candidate.ownerId === owner.id && candidate.slug === slug);
  if (!eventType) throw notFound(`Event type with slug ${slug ?? ""} and username ${username ?? ""} not found`);
  return eventType;
}

function legacyQueryOf(request: Request): Record<string, unknown> {
  const query = request.query as Record<string, unknown>;
  return { ...query, usernameList: query["usernameList[]"] ?? query.usernameList };
}

export function declareSlotRoutes(
  declare: DeclareRoute,
  deps: { state: () => EmulatorState; clock: () => Date },
): void {
  declare("get", "/slots/available", (request, response) => {
    requireSlotsController(request, "2024-04-15");
    const query = parseInput(legacySlotsQuerySchema, legacyQueryOf(request));
    const state = deps.state();
    const eventType = findEventType(
      state,
      query.eventTypeId || undefined,
      query.eventTypeSlug,
      query.usernameList?.[0],
    );
    const rangeStart = new Date(query.startTime);
    const rangeEnd = new Date(query.endTime);
    if (rangeEnd < rangeStart)
      throw badRequest("Invalid time range given - check the 'startTime' and 'endTime' query parameters.");
    const length = query.duration ?? eventType.lengthInMinutes;
    const starts = bookableSlotStarts(state, eventType, {
      rangeStart,
      rangeEnd,
      now: deps.clock(),
      lengthMinutes: length,
      ignoreBookingUid: query.rescheduleUid,
      ownReservationUid: readCookie(request, "uid"),
      includeReservations: true,
    });
    const zone = query.timeZone ?? "UTC";
    // Without timeZone the times are UTC ISO strings; with one, Luxon's toISO() in that zone.
    const print = (instant: Date) =>
      query.timeZone ? formatInstantInZone(instant, query.timeZone) : instant.toISOString();
    const slots =
      query.slotFormat === "range"
        ? groupByDate(starts, zone, (start) => ({
            startTime: print(start),
            endTime: print(new Date(start.getTime() + length * 60_000)),
          }))
        : groupByDate(starts, zone, (start) => ({ time: print(start) }));
    sendData(response, { slots });
  });

  declare("get", "/slots", (request, response) => {
    requireSlotsController(request, "2024-09-04");
    const query = parseInput(slotsQuerySchema, request.query);
    const state = deps.state();
    const eventType = findEventType(state, query.eventTypeId, query.eventTypeSlug, query.username);
    // A bare date means the whole day in the requested time zone.
    const rangeStart = DATE_ONLY.test(query.start)
      ? zonedTimeToInstant(query.start, "00:00", query.timeZone)
      : new Date(query.start);
    const rangeEnd = DATE_ONLY.test(query.end)
      ? zonedTimeToInstant(addDays(query.end, 1), "00:00", query.timeZone)
      : new Date(query.end);
    if (rangeEnd < rangeStart)
      throw badRequest("Invalid time range given - check the 'start' and 'end' query parameters.");
    const length = query.duration ?? eventType.lengthInMinutes;
    const starts = bookableSlotStarts(state, eventType, {
      rangeStart,
      rangeEnd,
      now: deps.clock(),
      lengthMinutes: length,
      ignoreBookingUid: query.bookingUidToReschedule,
      includeReservations: true,
    });
    const print = (instant: Date) => formatInstantInZone(instant, query.timeZone);
    const data =
      query.format === "range"
        ? groupByDate(starts, query.timeZone, (start) => ({
            start: print(start),
            end: print(new Date(start.getTime() + length * 60_000)),
          }))
        : groupByDate(starts, query.timeZone, (start) => ({ start: print(start) }));
    sendData(response, data);
  });

  declare("post", "/slots/reserve", (request, response) => {
    requireSlotsController(request, "2024-04-15");
    const input = parseInput(reserveSlotInputSchema, request.body);
    const state = deps.state();
    findEventType(state, input.eventTypeId, undefined, undefined);
    const uid = readCookie(request, "uid") ?? createBookingUid();
    state.reservations.set(uid, {
      uid,
      eventTypeId: input.eventTypeId,
      start: new Date(input.slotUtcStartDate),
      end: new Date(input.slotUtcEndDate),
      releaseAt: new Date(deps.clock().getTime() + RESERVATION_MINUTES * 60_000),
    });
    response.cookie("uid", uid);
    sendData(response, uid, 201);
  });

  declare("delete", "/slots/selected-slot", (request, response) => {
    requireSlotsController(request, "2024-04-15");
    const uid = readCookie(request, "uid") ?? (typeof request.query.uid === "string" ? request.query.uid : undefined);
    if (uid) deps.state().reservations.delete(uid);
    sendSuccessWithoutData(response);
  });
}
