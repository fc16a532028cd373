// Reads bookings, their audit trail and form answers back through the application, opening the
// encrypted columns. A value that fails to decrypt (tampered, wrong key) throws: never shown as-is.
import type { DataSource } from "typeorm";
import type { PersonalDataProtector } from "@churchhub/field-encryption";

interface DecryptedBooking {
  uid: string;
  calBookingId: number | null;
  status: string;
  statusHistory: unknown[];
  title: string | null;
  description: string | null;
  location: string | null;
  startTime: Date;
  endTime: Date;
  organizerTimeZone: string | null;
  eventTypeId: number | null;
  eventTypeSlug: string | null;
  attendees: Array<Record<string, unknown>>;
  responses: Record<string, unknown> | null;
  metadata: Record<string, unknown> | null;
  payload: unknown;
  rescheduledFromUid: string | null;
  rescheduledToUid: string | null;
  rescheduledBy: string | null;
  cancellationReason: string | null;
  cancelledBy: string | null;
  rejectionReason: string | null;
  lastDeliveryId: string;
  organizer: {
    calUserId: number;
    username: string | null;
    name: string | null;
    email: string | null;
    timeZone: string | null;
  } | null;
}

interface DecryptedAuditEntry {
  deliveryId: string;
  triggerEvent: string;
  outcome: string;
  source: string;
  occurredAt: Date;
  payload: unknown;
}

export function createBookingReader(deps: { dataSource: DataSource; protector: PersonalDataProtector }) {
  const { dataSource, protector } = deps;
  const text = (value: string | null, column: string) => protector.openText(value, `bookings.${column}`);
  const json = <T>(value: string | null, column: string) => protector.openJson<T>(value, `bookings.${column}`);

  // biome-ignore lint/suspicious/noExplicitAny: rows of a raw query are untyped until mapped here
  async function toBooking(row: Record<string, any>): Promise<DecryptedBooking> {
    return {
      uid: row.uid,
      calBookingId: row.cal_booking_id,
      status: row.status,
      statusHistory: row.status_history,
      title: text(row.title, "title"),
      description: text(row.description, "description"),
      location: text(row.location, "location"),
      startTime: row.start_time,
      endTime: row.end_time,
      organizerTimeZone: row.organizer_time_zone,
      eventTypeId: row.event_type_id,
      eventTypeSlug: row.event_type_slug,
      attendees: json<Array<Record<string, unknown>>>(row.attendees, "attendees") ?? [],
      responses: json(row.responses, "responses"),
      metadata: json(row.metadata, "metadata"),
      payload: json(row.payload, "payload"),
      rescheduledFromUid: row.rescheduled_from_uid,
      rescheduledToUid: row.rescheduled_to_uid,
      rescheduledBy: text(row.rescheduled_by, "rescheduled_by"),
      cancellationReason: text(row.cancellation_reason, "cancellation_reason"),
      cancelledBy: text(row.cancelled_by, "cancelled_by"),
      rejectionReason: text(row.rejection_reason, "rejection_reason"),
      lastDeliveryId: row.last_delivery_id,
      organizer:
        row.cal_user_id === null || row.cal_user_id === undefined
          ? null
          : {
              calUserId: row.cal_user_id,
              username: row.username,
              name: protector.openText(row.user_name, "users.name"),
              email: protector.openText(row.user_email, "users.email"),
              timeZone: row.user_time_zone,
            },
    };
  }

  const SELECT = `SELECT b.*, u.cal_user_id, u.username, u.name AS user_name, u.email AS user_email, u.time_zone AS user_time_zone
                    FROM bookings b LEFT JOIN users u ON u.id = b.user_id`;

  return {
    async findByUid(uid: string): Promise<DecryptedBooking | null> {
      const [row] = await dataSource.query(`${SELECT} WHERE b.uid = $1`, [uid]);
      return row ? toBooking(row) : null;
    },

    /** Bookings with an attendee of that email, found through the blind index. */
    async findByAttendeeEmail(email: string): Promise<DecryptedBooking[]> {
      const rows = await dataSource.query(
        `${SELECT} WHERE b.attendee_email_index @> ARRAY[$1]::text[] ORDER BY b.start_time`,
        [protector.emailIndex(email)],
      );
      return Promise.all(rows.map(toBooking));
    },

    async auditTrail(bookingUid: string): Promise<DecryptedAuditEntry[]> {
      const rows = await dataSource.query(
        "SELECT * FROM audit_logs WHERE booking_uid = $1 ORDER BY occurred_at, delivery_id",
        [bookingUid],
      );
      // biome-ignore lint/suspicious/noExplicitAny: rows of a raw query are untyped until mapped here
      return rows.map((row: Record<string, any>) => ({
        deliveryId: row.delivery_id,
        triggerEvent: row.trigger_event,
        outcome: row.outcome,
        source: row.source,
        occurredAt: row.occurred_at,
        payload: protector.openJson(row.payload, "audit_logs.payload"),
      }));
    },

    async auditEntry(deliveryId: string): Promise<DecryptedAuditEntry | null> {
      const [row] = await dataSource.query("SELECT * FROM audit_logs WHERE delivery_id = $1", [deliveryId]);
      if (!row) return null;
      return {
        deliveryId: row.delivery_id,
        triggerEvent: row.trigger_event,
        outcome: row.outcome,
        source: row.source,
        occurredAt: row.occurred_at,
        payload: protector.openJson(row.payload, "audit_logs.payload"),
      };
    },
  };
}

export type BookingReader = ReturnType<typeof createBookingReader>;
