// The bookings a staff member may see, read through the principal's scope (staff-access.ts) and opened
// from their sealed columns. The list shows attendees by name only; a booking's page adds contact
// details, answers, status history and its audit trail (events, never their raw bodies).
import { calDeliveryWorkflowId, type BookingStatus, type PersonSnapshot } from "@churchhub/contracts";
import { openPrivateDetails, type PrivateDetails, type StatusChange } from "@churchhub/database";
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
  /** Booked privately: Cal.com knows the person by this pseudonym only. Null for an ordinary booking. */
  privateBooking: { pseudonym: string } | null;
}

export interface StaffBookingDetail extends Omit<StaffBookingSummary, "attendees" | "privateBooking"> {
  /** Booked privately: the pseudonym, and what the person chose to leave us (null: nothing, or erased). */
  privateBooking: { pseudonym: string; details: PrivateDetails | null } | null;
  title: string | null;
  location: string | null;
  attendees: Array<{ name: string | null; email: string | null; timeZone: string | null }>;
  responses: Record<string, unknown> | null;
  cancellationReason: string | null;
  statusHistory: StatusChange[];
  auditTrail: Array<{
    deliveryId: string;
    triggerEvent: string;
    outcome: string;
    source: string;
    occurredAt: string;
    /** The processing run's id in Temporal (no personal data), for a link to it in the Temporal UI. */
    workflowId: string;
  }>;
}

/** What a list is narrowed to; the caller has checked who may use which filter. */
export interface StaffBookingFilters {
  limit: number;
  /** By start time. */
  order: "asc" | "desc";
  /** A host's Cal.com user id. */
  host?: number;
  status?: BookingStatus;
  /** Starting at or after. */
  from?: Date;
  /** Starting before. */
  to?: Date;
  attendeeEmail?: string;
}

/** A host whose bookings an administrator can filter by. */
export interface StaffBookingHost {
  calUserId: number;
  username: string | null;
  name: string | null;
}

// biome-ignore lint/suspicious/noExplicitAny: rows of a raw query are untyped until mapped here
type Row = Record<string, any>;

// The private booking a booking (or an earlier booking of its reschedule chain) was made with, if any.
const FROM = `FROM bookings b LEFT JOIN users u ON u.id = b.user_id
  LEFT JOIN LATERAL (SELECT pseudonym AS private_pseudonym, details_encrypted AS private_details
                       FROM private_booking_intents WHERE booking_uids @> ARRAY[b.uid] LIMIT 1) p ON true`;

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
      privateBooking: row.private_pseudonym ? { pseudonym: row.private_pseudonym } : null,
    };
  }

  return {
    /** Within the principal's scope, narrowed by the filters, ordered by start time. */
    async list(principal: StaffPrincipal, filters: StaffBookingFilters): Promise<StaffBookingSummary[]> {
      const scope = bookingScope(principal, 2);
      const parameters: unknown[] = [filters.limit, ...scope.parameters];
      const conditions = [scope.condition];
      const narrow = (condition: (parameter: string) => string, value: unknown) => {
        parameters.push(value);
        conditions.push(condition(`$${parameters.length}`));
      };
      if (filters.host !== undefined) narrow((p) => `u.cal_user_id = ${p}`, filters.host);
      if (filters.status !== undefined) narrow((p) => `b.status = ${p}`, filters.status);
      if (filters.from !== undefined) narrow((p) => `b.start_time >= ${p}`, filters.from);
      if (filters.to !== undefined) narrow((p) => `b.start_time < ${p}`, filters.to);
      if (filters.attendeeEmail !== undefined) {
        // Emails are sealed; their keyed blind index is what can be searched (GIN-indexed).
        narrow((p) => `b.attendee_email_index @> ARRAY[${p}]::text[]`, protector.emailIndex(filters.attendeeEmail));
      }
      const { rows } = await deps.pool.query(
        `SELECT b.uid, b.start_time, b.end_time, b.status, b.event_type_slug, b.attendees,
                u.cal_user_id, u.username, u.name AS user_name, p.private_pseudonym
           ${FROM} WHERE ${conditions.join(" AND ")}
          ORDER BY b.start_time ${filters.order === "asc" ? "ASC" : "DESC"}, b.uid LIMIT $1`,
        parameters,
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

    /** Every host who has bookings, by name. For administrators' filter. */
    async hosts(): Promise<StaffBookingHost[]> {
      const { rows } = await deps.pool.query(
        "SELECT u.cal_user_id, u.username, u.name FROM users u WHERE EXISTS (SELECT 1 FROM bookings b WHERE b.user_id = u.id)",
      );
      return rows
        .map((row: Row) => ({
          calUserId: row.cal_user_id,
          username: row.username,
          name: protector.openText(row.name, "users.name"),
        }))
        .sort((a: StaffBookingHost, b: StaffBookingHost) =>
          (a.name ?? a.username ?? "").localeCompare(b.name ?? b.username ?? ""),
        );
    },

    /** The booking, or null when it does not exist or is outside the principal's scope. */
    async detail(principal: StaffPrincipal, uid: string): Promise<StaffBookingDetail | null> {
      const scope = bookingScope(principal, 2);
      const { rows } = await deps.pool.query(
        `SELECT b.*, u.cal_user_id, u.username, u.name AS user_name, p.private_pseudonym, p.private_details
           ${FROM} WHERE b.uid = $1 AND ${scope.condition}`,
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
        privateBooking: row.private_pseudonym
          ? { pseudonym: row.private_pseudonym, details: openPrivateDetails(protector, row.private_details) }
          : null,
        statusHistory: row.status_history,
        auditTrail: audit.rows.map((entry: Row) => ({
          deliveryId: entry.delivery_id,
          triggerEvent: entry.trigger_event,
          outcome: entry.outcome,
          source: entry.source,
          occurredAt: entry.occurred_at.toISOString(),
          workflowId: calDeliveryWorkflowId({
            triggerEvent: entry.trigger_event,
            bookingUid: uid,
            deliveryId: entry.delivery_id,
          }),
        })),
      };
    },
  };
}

export type StaffBookings = ReturnType<typeof createStaffBookings>;
