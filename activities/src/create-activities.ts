// The side effects of processing a Cal.com delivery, as Temporal activities. Each one is idempotent on
// its own (a retry or a redelivery changes nothing twice), because Temporal runs an activity at least once.
import type { DataSource } from 'typeorm';
import type { CalDelivery, OrganizerSnapshot } from '@churchhub/contracts';
import { rethrowClassified } from './classify-database-error.js';
import { persistBookingInTransaction, type PersistBookingResult } from './persist-booking.js';
import type { AuditOutcome, AuditSource } from '@churchhub/database';
import type { PersonalDataProtector } from '@churchhub/field-encryption';

export interface ActivityDependencies {
  dataSource: DataSource;
  /** Seals personal data before it reaches a column. */
  protector: PersonalDataProtector;
}

export interface WriteAuditLogInput {
  delivery: CalDelivery;
  userId: string | null;
  outcome: AuditOutcome;
  source?: AuditSource;
}

export function createActivities({ dataSource, protector }: ActivityDependencies) {
  return {
    /** Inserts or refreshes the organizer, keyed by Cal.com user id; returns our user id. */
    async upsertOrganizer(organizer: OrganizerSnapshot): Promise<string> {
      try {
        const rows: Array<{ id: string }> = await dataSource.query(
          `INSERT INTO users (cal_user_id, username, name, email, email_index, time_zone, locale)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (cal_user_id) DO UPDATE SET
             username = COALESCE(EXCLUDED.username, users.username),
             name = COALESCE(EXCLUDED.name, users.name),
             email = COALESCE(EXCLUDED.email, users.email),
             email_index = COALESCE(EXCLUDED.email_index, users.email_index),
             time_zone = COALESCE(EXCLUDED.time_zone, users.time_zone),
             locale = COALESCE(EXCLUDED.locale, users.locale),
             updated_at = now()
           RETURNING id`,
          [
            organizer.calUserId,
            organizer.username,
            protector.sealText(organizer.name, 'users.name'),
            protector.sealText(organizer.email, 'users.email'),
            organizer.email ? protector.emailIndex(organizer.email) : null,
            organizer.timeZone,
            organizer.locale,
          ],
        );
        return rows[0]!.id;
      } catch (error) {
        rethrowClassified(error);
      }
    },

    /** Applies a booking event if it is newer than what the row reflects; always records its status change. */
    async persistBooking(input: { delivery: CalDelivery; userId: string }): Promise<PersistBookingResult> {
      try {
        return await dataSource.transaction((manager) => persistBookingInTransaction(manager, protector, input.delivery, input.userId));
      } catch (error) {
        rethrowClassified(error);
      }
    },

    /** One audit row per distinct event (keyed by delivery id); a retry finds the row it already wrote. */
    async writeAuditLog(input: WriteAuditLogInput): Promise<string> {
      const { delivery } = input;
      try {
        const inserted: Array<{ id: string }> = await dataSource.query(
          `INSERT INTO audit_logs (delivery_id, trigger_event, outcome, source, user_id, booking_uid, occurred_at, received_at, payload)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
           ON CONFLICT (delivery_id) DO NOTHING
           RETURNING id`,
          [
            delivery.deliveryId,
            delivery.triggerEvent,
            input.outcome,
            input.source ?? delivery.source ?? 'webhook',
            input.userId,
            delivery.bookingUid,
            delivery.occurredAt,
            delivery.receivedAt,
            protector.sealJson(delivery.rawBody, 'audit_logs.payload'),
          ],
        );
        if (inserted[0]) return inserted[0].id;
        const existing: Array<{ id: string }> = await dataSource.query('SELECT id FROM audit_logs WHERE delivery_id = $1', [delivery.deliveryId]);
        return existing[0]!.id;
      } catch (error) {
        rethrowClassified(error);
      }
    },
  };
}

export type Activities = ReturnType<typeof createActivities>;
