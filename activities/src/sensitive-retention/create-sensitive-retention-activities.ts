// The activities of expireSensitivePersonalDataWorkflow: where a booking's retention deadline stands
// (read afresh each time, so a reschedule or a changed SENSITIVE_RETENTION_DAYS counts), and the erasure
// itself: the notes' keys destroyed first (final, outside any transaction), then the booking's personal
// data in one transaction with its audit entry. Also the deletion of a private booking's intent nobody
// booked with (expireUnusedPrivateBookingIntentWorkflow).
import type {
  ErasureReason,
  PersonalDataErasure,
  SensitiveRetentionInput,
  SensitiveRetentionState,
} from "@churchhub/contracts";
import { deleteUnusedPrivateBookingIntent, type SecureNoteStore } from "@churchhub/database";
import type { PersonalDataProtector } from "@churchhub/field-encryption";
import type { DataSource } from "typeorm";
import { rethrowClassified } from "../classify-database-error.js";
import { type BookingDataEraser, eraseBookingPersonalData } from "./erase-personal-data.js";

const DAY_MS = 86_400_000;
/** A reschedule chain longer than this is not followed further (a loop would otherwise never end). */
const MAX_RESCHEDULES = 50;

export interface SensitiveRetentionDependencies {
  dataSource: DataSource;
  protector: PersonalDataProtector;
  /** SENSITIVE_RETENTION_DAYS: how long after the appointment the personal data is kept. */
  retentionDays: number;
  /** The secure notes (absent where no staff area, hence no notes, exists). */
  notes?: Pick<SecureNoteStore, "erasableWithPersonalData" | "destroy">;
  /** Erasure of other parts' tables (questionnaire answers), wired by the worker. */
  erasers?: readonly BookingDataEraser[];
  clock: () => Date;
}

export function createSensitiveRetentionActivities(deps: SensitiveRetentionDependencies) {
  return {
    async readSensitiveRetention({ bookingUid }: SensitiveRetentionInput): Promise<SensitiveRetentionState> {
      try {
        // The appointment's latest time: a rescheduled booking's data belongs to its replacement's too.
        const rows: Array<{ sensitive: boolean | null; last_end: Date | null }> = await deps.dataSource.query(
          `WITH RECURSIVE chain AS (
             SELECT uid, end_time, rescheduled_to_uid, 1 AS depth FROM bookings WHERE uid = $1
             UNION ALL
             SELECT b.uid, b.end_time, b.rescheduled_to_uid, chain.depth + 1
               FROM bookings b JOIN chain ON b.uid = chain.rescheduled_to_uid WHERE chain.depth < $2)
           SELECT (SELECT s.sensitive FROM bookings b
                     JOIN sensitive_event_types s ON s.cal_event_type_id = b.event_type_id WHERE b.uid = $1) AS sensitive,
                  (SELECT max(end_time) FROM chain) AS last_end`,
          [bookingUid, MAX_RESCHEDULES],
        );
        const row = rows[0];
        return {
          sensitive: row?.sensitive === true,
          eraseAt: row?.last_end ? new Date(row.last_end.getTime() + deps.retentionDays * DAY_MS).toISOString() : null,
        };
      } catch (error) {
        rethrowClassified(error);
      }
    },

    /** `requestKey` keys the audit entry (the workflow run's id), so a retry records one erasure. */
    async eraseSensitivePersonalData(input: {
      bookingUid: string;
      reason: ErasureReason;
      requestKey: string;
    }): Promise<PersonalDataErasure> {
      const notes = deps.notes;
      const noteIds = notes ? await notes.erasableWithPersonalData(input.bookingUid) : [];
      const notesDestroyed = notes ? await notes.destroy(noteIds, input.reason) : 0;
      const erasedAt = deps.clock();
      try {
        const { bookingFound } = await deps.dataSource.transaction((manager) =>
          eraseBookingPersonalData(manager, deps.protector, deps.erasers ?? [], {
            ...input,
            erasedAt,
            notesDestroyed,
          }),
        );
        return {
          bookingUid: input.bookingUid,
          reason: input.reason,
          erasedAt: erasedAt.toISOString(),
          notesDestroyed,
          bookingFound,
        };
      } catch (error) {
        rethrowClassified(error);
      }
    },

    /** expireUnusedPrivateBookingIntentWorkflow's deletion: true when deleted, false when it was booked. */
    async deleteUnusedPrivateBookingIntent(intentId: string): Promise<boolean> {
      try {
        return await deleteUnusedPrivateBookingIntent(deps.dataSource.manager, intentId);
      } catch (error) {
        rethrowClassified(error);
      }
    },
  };
}

export type SensitiveRetentionActivities = ReturnType<typeof createSensitiveRetentionActivities>;
