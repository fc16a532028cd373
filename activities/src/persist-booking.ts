// Versioned upsert of one booking. Why versioned upserts and not one entity workflow per booking:
// Cal.com delivers at most once and out of order, and we want any number of workers to process events
// for many bookings in parallel without a long-lived workflow per booking. A row lock plus a version
// (event time, trigger rank, delivery id) makes every interleaving converge on the newest event,
// whichever order the events are applied in, and keeps each event's status change in the history.
import type { EntityManager } from "typeorm";
import {
  compareEventVersions,
  triggerRank,
  type BookingSnapshot,
  type CalDelivery,
  type EventVersion,
} from "@churchhub/contracts";
import type { StatusChange } from "@churchhub/database";
import type { PersonalDataProtector } from "@churchhub/field-encryption";

interface PersistBookingResult {
  bookingId: string;
  /** True when this event is now what the row reflects (it was the newest so far). */
  applied: boolean;
}

interface LockedRow {
  id: string;
  last_event_at: Date;
  last_event_rank: number;
  last_delivery_id: string;
  status_history: StatusChange[];
}

function versionOf(delivery: CalDelivery): EventVersion {
  return {
    occurredAt: new Date(delivery.occurredAt),
    rank: triggerRank(delivery.triggerEvent),
    deliveryId: delivery.deliveryId,
  };
}

function mergeHistory(history: StatusChange[], change: StatusChange): StatusChange[] {
  if (history.some((entry) => entry.deliveryId === change.deliveryId)) return history;
  const version = (entry: StatusChange): EventVersion => ({
    occurredAt: new Date(entry.occurredAt),
    rank: triggerRank(entry.triggerEvent),
    deliveryId: entry.deliveryId,
  });
  return [...history, change].sort((a, b) => compareEventVersions(version(a), version(b)));
}

/**
 * A booking's status is that of the newest entry in its history. Deriving it (rather than taking the
 * last applied event's) makes it independent of arrival order, including cancellations that reach a
 * booking through its replacement's reschedule event.
 */
function statusOf(history: StatusChange[]): StatusChange["status"] {
  return history[history.length - 1]!.status;
}

/** Column values a booking event sets, in the order of BOOKING_COLUMNS; personal data sealed. */
function bookingValues(
  protector: PersonalDataProtector,
  booking: BookingSnapshot,
  delivery: CalDelivery,
  userId: string,
): unknown[] {
  const text = (value: string | null, column: string) => protector.sealText(value, `bookings.${column}`);
  const json = (value: unknown, column: string) => protector.sealJson(value, `bookings.${column}`);
  return [
    booking.calBookingId,
    userId,
    text(booking.title, "title"),
    text(booking.description, "description"),
    booking.startTime,
    booking.endTime,
    booking.status,
    booking.eventTypeId,
    booking.eventTypeSlug,
    text(booking.location, "location"),
    booking.organizer.timeZone,
    json(booking.attendees, "attendees"),
    booking.attendees.flatMap((attendee) => (attendee.email ? [protector.emailIndex(attendee.email)] : [])),
    json(booking.responses, "responses"),
    json(booking.metadata, "metadata"),
    json(delivery.rawBody, "payload"),
    booking.rescheduledFromUid,
    text(booking.rescheduledBy, "rescheduled_by"),
    text(booking.cancellationReason, "cancellation_reason"),
    text(booking.cancelledBy, "cancelled_by"),
    text(booking.rejectionReason, "rejection_reason"),
    delivery.occurredAt,
    triggerRank(delivery.triggerEvent),
    delivery.deliveryId,
  ];
}

const BOOKING_COLUMNS = [
  "cal_booking_id",
  "user_id",
  "title",
  "description",
  "start_time",
  "end_time",
  "status",
  "event_type_id",
  "event_type_slug",
  "location",
  "organizer_time_zone",
  "attendees",
  "attendee_email_index",
  "responses",
  "metadata",
  "payload",
  "rescheduled_from_uid",
  "rescheduled_by",
  "cancellation_reason",
  "cancelled_by",
  "rejection_reason",
  "last_event_at",
  "last_event_rank",
  "last_delivery_id",
];

/**
 * Facts that, once known, stay true whichever event comes later: a cancellation's payload does not
 * repeat which booking this one replaced, so it must not erase it.
 */
const STICKY_COLUMNS = new Set(["rescheduled_from_uid"]);

export async function persistBookingInTransaction(
  manager: EntityManager,
  protector: PersonalDataProtector,
  delivery: CalDelivery,
  userId: string,
): Promise<PersistBookingResult> {
  const booking = delivery.booking;
  if (!booking) throw new Error("persistBooking needs a booking delivery");
  // A booking and its replacement may be processed at the same moment in two transactions, each
  // inserting its row without seeing the other's: then neither would link them. Both take the lock of
  // the replaced booking's uid (the replacement knows it; the original is it), in a fixed order.
  const lockKeys = [
    ...new Set([booking.uid, booking.rescheduledFromUid].filter((uid): uid is string => uid !== null)),
  ].sort();
  for (const key of lockKeys) await manager.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`booking:${key}`]);

  const change: StatusChange = {
    status: booking.status,
    triggerEvent: delivery.triggerEvent,
    occurredAt: delivery.occurredAt,
    deliveryId: delivery.deliveryId,
  };
  const values = bookingValues(protector, booking, delivery, userId);

  const placeholders = BOOKING_COLUMNS.map((_, index) => `$${index + 2}`).join(", ");
  const inserted: Array<{ id: string }> = await manager.query(
    `INSERT INTO bookings (uid, ${BOOKING_COLUMNS.join(", ")}, status_history)
     VALUES ($1, ${placeholders}, $${BOOKING_COLUMNS.length + 2})
     ON CONFLICT (uid) DO NOTHING
     RETURNING id`,
    [booking.uid, ...values, JSON.stringify([change])],
  );

  let bookingId: string;
  let applied: boolean;
  if (inserted[0]) {
    bookingId = inserted[0].id;
    applied = true;
    // A reschedule of this booking may have arrived before this booking did: apply it now, exactly as
    // it would have been applied had this booking been here first.
    const replacements: Array<{ uid: string; status_history: StatusChange[] }> = await manager.query(
      "SELECT uid, status_history FROM bookings WHERE rescheduled_from_uid = $1 ORDER BY last_event_at DESC",
      [booking.uid],
    );
    for (const replacement of replacements) {
      const rescheduled = replacement.status_history.find((entry) => entry.triggerEvent === "BOOKING_RESCHEDULED");
      if (rescheduled)
        await linkReplacedBooking(manager, booking.uid, replacement.uid, { ...rescheduled, status: "cancelled" });
    }
  } else {
    const rows: LockedRow[] = await manager.query(
      "SELECT id, last_event_at, last_event_rank, last_delivery_id, status_history FROM bookings WHERE uid = $1 FOR UPDATE",
      [booking.uid],
    );
    const row = rows[0]!;
    bookingId = row.id;
    const current: EventVersion = {
      occurredAt: new Date(row.last_event_at),
      rank: row.last_event_rank,
      deliveryId: row.last_delivery_id,
    };
    const comparison = compareEventVersions(versionOf(delivery), current);
    // A replay (an operator re-driving an event after a fix) re-applies the event the row reflects.
    applied = comparison > 0 || (comparison === 0 && delivery.source === "replay");
    const merged = mergeHistory(row.status_history, change);
    const history = JSON.stringify(merged);
    if (applied) {
      const assignments = BOOKING_COLUMNS.map((column, index) =>
        STICKY_COLUMNS.has(column)
          ? `${column} = COALESCE($${index + 2}, bookings.${column})`
          : `${column} = $${index + 2}`,
      ).join(", ");
      await manager.query(
        `UPDATE bookings SET ${assignments}, status_history = $${BOOKING_COLUMNS.length + 2}, updated_at = now() WHERE id = $1`,
        [
          bookingId,
          ...values.map((value, index) => (BOOKING_COLUMNS[index] === "status" ? statusOf(merged) : value)),
          history,
        ],
      );
    } else {
      // An older event still contributes facts that never change, such as which booking this replaced.
      await manager.query(
        "UPDATE bookings SET status_history = $2, status = $3, rescheduled_from_uid = COALESCE(rescheduled_from_uid, $4) WHERE id = $1",
        [bookingId, history, statusOf(merged), booking.rescheduledFromUid],
      );
    }
  }

  if (booking.rescheduledFromUid) {
    await linkReplacedBooking(manager, booking.rescheduledFromUid, booking.uid, {
      status: "cancelled",
      triggerEvent: delivery.triggerEvent,
      occurredAt: delivery.occurredAt,
      deliveryId: delivery.deliveryId,
    });
  }
  return { bookingId, applied };
}

/**
 * The booking a reschedule replaces is cancelled in Cal.com and points at its replacement. `change` is
 * the reschedule event as seen from the old booking: one more entry in its status history.
 */
async function linkReplacedBooking(
  manager: EntityManager,
  oldUid: string,
  newUid: string,
  change: StatusChange,
): Promise<void> {
  const rows: LockedRow[] = await manager.query(
    "SELECT id, last_event_at, last_event_rank, last_delivery_id, status_history FROM bookings WHERE uid = $1 FOR UPDATE",
    [oldUid],
  );
  const row = rows[0];
  if (!row) return; // Not seen yet: its own insert will look up its replacement.
  const merged = mergeHistory(row.status_history, change);
  await manager.query(
    "UPDATE bookings SET rescheduled_to_uid = $2, status_history = $3, status = $4, updated_at = now() WHERE id = $1",
    [row.id, newUid, JSON.stringify(merged), statusOf(merged)],
  );
}
