// The retention of a sensitive booking's personal data (issue 19): one workflow per booking waits until
// SENSITIVE_RETENTION_DAYS after the appointment (its latest time, after any reschedule) and then erases
// the attendee's personal data, the questionnaire answers and the notes their authors chose to erase.
// A reschedule moves the deadline (signal); an administrator's request to be forgotten erases at once.

export interface SensitiveRetentionInput {
  bookingUid: string;
}

export type ErasureReason = "expired" | "forgotten";

/** What an erasure did (counts only: nothing of the person passes through Temporal). */
export interface PersonalDataErasure {
  bookingUid: string;
  reason: ErasureReason;
  erasedAt: string;
  notesDestroyed: number;
  /** False when the booking was not (or no longer) in our database. */
  bookingFound: boolean;
}

export type SensitiveRetentionResult =
  | { outcome: "erased"; erasure: PersonalDataErasure }
  /** The booking's event type is not (or no longer) sensitive, and nobody asked to forget it. */
  | { outcome: "not_sensitive"; bookingUid: string };

/** Where the deadline stands now (read afresh after each signal). */
export interface SensitiveRetentionState {
  sensitive: boolean;
  /** Null when the booking is not in our database. */
  eraseAt: string | null;
}

/** Signal: the booking was rescheduled or changed; read the deadline again. */
export const SENSITIVE_RETENTION_MOVED_SIGNAL = "sensitiveRetentionMoved";
/** Signal: an administrator asked to forget the person: erase now. */
export const SENSITIVE_RETENTION_FORGET_SIGNAL = "sensitiveRetentionForget";

/** One run per booking at a time (the uid carries no personal data). */
export function sensitiveRetentionWorkflowId(bookingUid: string): string {
  return `sensitive-retention-${bookingUid.replace(/[^A-Za-z0-9_-]/g, "-").slice(0, 64)}`;
}

/**
 * A private booking's intent (the pseudonym, relay address and what the person left us) waits for its
 * booking until `expiresAt`; then, if no booking came, it is deleted. Ids and a date only.
 */
export interface ExpireUnusedPrivateBookingIntentInput {
  intentId: string;
  expiresAt: string;
}

export interface ExpireUnusedPrivateBookingIntentResult {
  /** deleted: nobody booked with it; booked: a booking is linked, so it stays (erased with that booking). */
  outcome: "deleted" | "booked";
}

export function privateBookingIntentWorkflowId(intentId: string): string {
  return `private-booking-intent-${intentId.replace(/[^A-Za-z0-9_-]/g, "-").slice(0, 64)}`;
}
