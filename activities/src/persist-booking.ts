// Versioned upsert of one booking. Why versioned upserts and not one entity workflow per booking:
// Cal.com delivers at most once and out of order, and we want any number of workers to process events
// for many bookings in parallel without a long-lived workflow per booking. A row lock plus a version
// (event time, trigger rank, delivery id) makes every interleaving converge on the newest event,
// whichever order the events are applied in, and keeps each event's status change in the history.
import type { EntityManager } from 'typeorm';
import { compareEventVersions, triggerRank, type BookingSnapshot, type CalDelivery, type EventVersion } from '@churchhub/contracts';
import type { StatusChange } from '@churchhub/database';

export interface PersistBookingResult {
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
  return { occurredAt: new Date(delivery.occurredAt), rank: triggerRank(delivery.triggerEvent), deliveryId: delivery.deliveryId };
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

/** Column values a booking event sets, in the order of BOOKING_COLUMNS. */
function bookingValues(booking: BookingSnapshot, delivery: CalDelivery, userId: string): unknown[] {
  return [
    booking.calBookingId,
    userId,
    booking.title,
    booking.description,
    booking.startTime,
    booking.endTime,
    booking.status,
    booking.eventTypeId,
    booking.eventTypeSlug,
    booking.location,
    booking.organizer.timeZone,
    JSON.stringify(booking.attendees),
    booking.responses ? JSON.stringify(booking.responses) : null,
    booking.metadata ? JSON.stringify(booking.metadata) : null,
    JSON.stringify(delivery.rawBody),
    booking.rescheduledFromUid,
    booking.rescheduledBy,
    booking.cancellationReason,
    booking.cancelledBy,
    booking.rejectionReason,
    delivery.occurredAt,
    triggerRank(delivery.triggerEvent),
    delivery.deliveryId,
  ];
}

const BOOKING_COLUMNS = [
  'cal_booking_id',
  'user_id',
  'title',
  'description',
  'start_time',
  'end_time',
  'status',
  'event_type_id',
  'event_type_slug',
  'location',
  'organizer_time_zone',
  'attendees',
  'responses',
  'metadata',
  'payload',
  'rescheduled_from_uid',
  'rescheduled_by',
  'cancellation_reason',
  'cancelled_by',
  'rejection_reason',
  'last_event_at',
  'last_event_rank',
  'last_delivery_id',
];

export async function persistBookingInTransaction(manager: EntityManager, delivery: CalDelivery, userId: string): Promise<PersistBookingResult> {
  const booking = delivery.booking;
  if (!booking) throw new Error('persistBooking needs a booking delivery');
  const change: StatusChange = { status: booking.status, triggerEvent: delivery.triggerEvent, occurredAt: delivery.occurredAt, deliveryId: delivery.deliveryId };
  const values = bookingValues(booking, delivery, userId);

  const placeholders = BOOKING_COLUMNS.map((_, index) => `$${index + 2}`).join(', ');
  const inserted: Array<{ id: string }> = await manager.query(
    `INSERT INTO bookings (uid, ${BOOKING_COLUMNS.join(', ')}, status_history)
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
    // A reschedule of this booking may have arrived before this booking did.
    await manager.query(
      `UPDATE bookings SET rescheduled_to_uid = (
         SELECT uid FROM bookings WHERE rescheduled_from_uid = $1 ORDER BY last_event_at DESC LIMIT 1)
       WHERE id = $2 AND EXISTS (SELECT 1 FROM bookings WHERE rescheduled_from_uid = $1)`,
      [booking.uid, bookingId],
    );
  } else {
    const rows: LockedRow[] = await manager.query(
      'SELECT id, last_event_at, last_event_rank, last_delivery_id, status_history FROM bookings WHERE uid = $1 FOR UPDATE',
      [booking.uid],
    );
    const row = rows[0]!;
    bookingId = row.id;
    const current: EventVersion = { occurredAt: new Date(row.last_event_at), rank: row.last_event_rank, deliveryId: row.last_delivery_id };
    applied = compareEventVersions(versionOf(delivery), current) > 0;
    const history = JSON.stringify(mergeHistory(row.status_history, change));
    if (applied) {
      const assignments = BOOKING_COLUMNS.map((column, index) => `${column} = $${index + 2}`).join(', ');
      await manager.query(
        `UPDATE bookings SET ${assignments}, status_history = $${BOOKING_COLUMNS.length + 2}, updated_at = now() WHERE id = $1`,
        [bookingId, ...values, history],
      );
    } else {
      await manager.query('UPDATE bookings SET status_history = $2 WHERE id = $1', [bookingId, history]);
    }
  }

  if (booking.rescheduledFromUid) await linkReplacedBooking(manager, booking.rescheduledFromUid, booking.uid, delivery);
  if (applied) await persistFormResponse(manager, booking, bookingId);
  return { bookingId, applied };
}

/** The booking a reschedule replaces is cancelled in Cal.com and points at its replacement. */
async function linkReplacedBooking(manager: EntityManager, oldUid: string, newUid: string, delivery: CalDelivery): Promise<void> {
  const rows: LockedRow[] = await manager.query(
    'SELECT id, last_event_at, last_event_rank, last_delivery_id, status_history FROM bookings WHERE uid = $1 FOR UPDATE',
    [oldUid],
  );
  const row = rows[0];
  if (!row) return; // Not seen yet: its own insert will look up its replacement.
  const change: StatusChange = { status: 'cancelled', triggerEvent: delivery.triggerEvent, occurredAt: delivery.occurredAt, deliveryId: delivery.deliveryId };
  const current: EventVersion = { occurredAt: new Date(row.last_event_at), rank: row.last_event_rank, deliveryId: row.last_delivery_id };
  const newer = compareEventVersions(versionOf(delivery), current) > 0;
  await manager.query(
    `UPDATE bookings SET rescheduled_to_uid = $2, status_history = $3,
       status = CASE WHEN $4::boolean THEN 'cancelled' ELSE status END,
       updated_at = now()
     WHERE id = $1`,
    [row.id, newUid, JSON.stringify(mergeHistory(row.status_history, change)), newer],
  );
}

/** The booking's answers, kept per booking form (one form per Cal.com event type). */
async function persistFormResponse(manager: EntityManager, booking: BookingSnapshot, bookingId: string): Promise<void> {
  if (booking.eventTypeId === null || !booking.responses) return;
  const fields = Object.keys(booking.responses).sort();
  const forms: Array<{ id: string }> = await manager.query(
    `INSERT INTO forms (cal_event_type_id, slug, fields) VALUES ($1, $2, $3)
     ON CONFLICT (cal_event_type_id) DO UPDATE SET
       slug = COALESCE(EXCLUDED.slug, forms.slug),
       fields = (SELECT jsonb_agg(DISTINCT value ORDER BY value) FROM jsonb_array_elements_text(forms.fields || EXCLUDED.fields) AS value),
       updated_at = now()
     RETURNING id`,
    [booking.eventTypeId, booking.eventTypeSlug, JSON.stringify(fields)],
  );
  await manager.query(
    `INSERT INTO form_responses (form_id, booking_id, answers) VALUES ($1, $2, $3)
     ON CONFLICT (form_id, booking_id) DO UPDATE SET answers = EXCLUDED.answers, updated_at = now()`,
    [forms[0]!.id, bookingId, JSON.stringify(booking.responses)],
  );
}
