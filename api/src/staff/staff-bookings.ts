// The bookings a staff member may see, read through the principal's scope (staff-access.ts) and opened
// from their sealed columns. The list shows attendees by name only; a booking's page adds contact
// details, answers, status history and its audit trail (events, never their raw bodies).
import type { PersonSnapshot } from "@churchhub/contracts";
import type { StatusChange } from "@churchhub/database";
import type { PersonalDataProtector } from "@churchhub/field-encryption";
import type { Pool } from "pg";
import { bookingScope } from "./staff-access.js";
import type { StaffPrincipal } from "./staff-principal.js";

export interface StaffBookingSummary {
  uid: string;
  startTime: string;
  endTime: string;
  status: string;
  eventTypeSlug: string | null;
  attendees: Array<{ name: string | null }>;
  host: { username: string | null; name: string | null } | null;
}

export interface StaffBookingDetail extends Omit<StaffBookingSummary, "attendees"> {
  title: string | null;
  location: string | null;
  attendees: Array<{ name: string | null; email: string | null; timeZone: string | null }>;
  responses: Record<string, unknown> | null;
  cancellationReason: string | null;
  statusHistory: StatusChange[];
  auditTrail: Array<{ deliveryId: string; triggerEvent: string; outcome: string; source: string; occurredAt: string }>;
}

// biome-ignore lint/suspicious/noExplicitAny: rows of a raw query are untyped until mapped here
type Row = Record<string, any>;

const FROM = "FROM bookings b LEFT JOIN users u ON u.id = b.user_id";

export function createStaffBookings(deps: { pool: Pool; protector: PersonalDataProtector }) {
  const { protector } = deps;
  const attendeesOf = (row: Row) => protector.openJson<PersonSnapshot[]>(row.attendees, "bookings.attendees") ?? [];
  const hostOf = (row: Row) =>
    row.cal_user_id === null ? null : { username: row.username, name: protector.openText(row.user_name, "users.name") };

  function summary(row: Row): StaffBookingSummary {
    return {
      uid: row.uid,
      startTime: row.start_time.toISOString(),
      endTime: row.end_time.toISOString(),
      status: row.status,
      eventTypeSlug: row.event_type_slug,
      attendees: attendeesOf(row).map((attendee) => ({ name: attendee.name })),
      host: hostOf(row),
    };
  }

  return {
    /** Newest first. */
    async list(principal: StaffPrincipal, options: { limit: number }): Promise<StaffBookingSummary[]> {
      const scope = bookingScope(principal, 2);
      const { rows } = await deps.pool.query(
        `SELECT b.uid, b.start_time, b.end_time, b.status, b.event_type_slug, b.attendees,
                u.cal_user_id, u.username, u.name AS user_name
           ${FROM} WHERE ${scope.condition} ORDER BY b.start_time DESC LIMIT $1`,
        [options.limit, ...scope.parameters],
      );
      return rows.map(summary);
    },

    /** Whether the booking exists and is within the principal's scope (nothing is opened). */
    async inScope(principal: StaffPrincipal, uid: string): Promise<boolean> {
      const scope = bookingScope(principal, 2);
      const { rowCount } = await deps.pool.query(`SELECT 1 ${FROM} WHERE b.uid = $1 AND ${scope.condition}`, [
        uid,
        ...scope.parameters,
      ]);
      return rowCount === 1;
    },

    /** The booking, or null when it does not exist or is outside the principal's scope. */
    async detail(principal: StaffPrincipal, uid: string): Promise<StaffBookingDetail | null> {
      const scope = bookingScope(principal, 2);
      const { rows } = await deps.pool.query(
        `SELECT b.*, u.cal_user_id, u.username, u.name AS user_name ${FROM} WHERE b.uid = $1 AND ${scope.condition}`,
        [uid, ...scope.parameters],
      );
      const row = rows[0];
      if (!row) return null;
      const audit = await deps.pool.query(
        `SELECT delivery_id, trigger_event, outcome, source, occurred_at FROM audit_logs
          WHERE booking_uid = $1 ORDER BY occurred_at, delivery_id`,
        [uid],
      );
      return {
        ...summary(row),
        title: protector.openText(row.title, "bookings.title"),
        location: protector.openText(row.location, "bookings.location"),
        attendees: attendeesOf(row).map((attendee) => ({
          name: attendee.name,
          email: attendee.email,
          timeZone: attendee.timeZone,
        })),
        responses: protector.openJson(row.responses, "bookings.responses"),
        cancellationReason: protector.openText(row.cancellation_reason, "bookings.cancellation_reason"),
        statusHistory: row.status_history,
        auditTrail: audit.rows.map((entry: Row) => ({
          deliveryId: entry.delivery_id,
          triggerEvent: entry.trigger_event,
          outcome: entry.outcome,
          source: entry.source,
          occurredAt: entry.occurred_at.toISOString(),
        })),
      };
    },
  };
}

export type StaffBookings = ReturnType<typeof createStaffBookings>;
