// Private booking (issue 19, part 2): an intent is made when a person books a sensitive event type
// privately, before Cal.com knows of the booking. It holds the pseudonym and relay address Cal.com gets,
// what the person chose to leave us (sealed), and the private link's token (SHA-256 only). The booking's
// delivery links the intent to the booking's uid (linkPrivateBookingInTransaction); an intent never
// linked is deleted once expired, by expireUnusedPrivateBookingIntentWorkflow (one durable timer each).
import { createHash } from "node:crypto";
import type { PersonalDataProtector } from "@churchhub/field-encryption";
import type { DataSource, EntityManager } from "typeorm";
import { readBookingChain } from "../questionnaires/booking-chain.js";
import { countAffected } from "../questionnaires/count-affected.js";

type Queryable = Pick<EntityManager, "query">;

/** What the person chose to leave us; each field optional. Personal data: sealed, never logged. */
export interface PrivateDetails {
  name: string | null;
  email: string | null;
  phone: string | null;
}

/** The key of an intent's reference in a Cal.com booking's metadata (not personal: a random id). */
export const PRIVATE_BOOKING_METADATA_KEY = "churchhubPrivate";

const DETAILS_PURPOSE = "private_booking_intents.details";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const hashPrivateLinkToken = (token: string) => createHash("sha256").update(token).digest("hex");

export interface NewPrivateBookingIntent {
  eventTypeId: number;
  pseudonym: string;
  relayAddress: string;
  /** Null when the person left nothing. */
  details: PrivateDetails | null;
  linkToken: string;
  expiresAt: Date;
}

/** The newest booking of the chain an intent became, as its private page shows it. */
export interface PrivateBookingView {
  uid: string;
  status: string;
  startTime: Date;
  endTime: Date;
  title: string | null;
  hostName: string | null;
  /** The host's Cal.com username and the event type's slug: what a Booker needs to move the booking. */
  hostUsername: string | null;
  eventTypeSlug: string | null;
}

export interface PrivateBookingByLink {
  intentId: string;
  eventTypeId: number;
  pseudonym: string;
  /** Null while Cal.com's webhook for the booking has not reached us (or nobody booked yet). */
  booking: PrivateBookingView | null;
}

const hasDetails = (details: PrivateDetails | null): details is PrivateDetails =>
  details !== null && (details.name !== null || details.email !== null || details.phone !== null);

export function createPrivateBookingIntents(deps: {
  dataSource: DataSource;
  protector: PersonalDataProtector;
  clock: () => Date;
}) {
  const { dataSource, protector, clock } = deps;

  async function bookingView(uid: string): Promise<PrivateBookingView | null> {
    const [row] = await dataSource.query(
      `SELECT b.uid, b.status, b.start_time, b.end_time, b.title, b.event_type_slug, u.name AS host_name,
              u.username AS host_username
         FROM bookings b LEFT JOIN users u ON u.id = b.user_id WHERE b.uid = $1`,
      [uid],
    );
    if (!row) return null;
    return {
      uid: row.uid,
      status: row.status,
      startTime: new Date(row.start_time),
      endTime: new Date(row.end_time),
      title: protector.openText(row.title, "bookings.title"),
      hostName: protector.openText(row.host_name, "users.name"),
      hostUsername: row.host_username ?? null,
      eventTypeSlug: row.event_type_slug ?? null,
    };
  }

  return {
    /** Stores a new intent; expireUnusedPrivateBookingIntentWorkflow deletes it if nobody books with it. */
    async create(intent: NewPrivateBookingIntent): Promise<{ intentId: string }> {
      const [row] = await dataSource.query(
        `INSERT INTO private_booking_intents
           (cal_event_type_id, pseudonym, relay_address, details_encrypted, link_token_hash, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [
          intent.eventTypeId,
          intent.pseudonym,
          intent.relayAddress,
          hasDetails(intent.details) ? protector.sealJson(intent.details, DETAILS_PURPOSE) : null,
          hashPrivateLinkToken(intent.linkToken),
          intent.expiresAt,
        ],
      );
      return { intentId: row.id };
    },

    /** Deletes an intent nobody has booked with (its expiry could not be scheduled); false if booked. */
    async discard(intentId: string): Promise<boolean> {
      return deleteUnusedPrivateBookingIntent(dataSource.manager, intentId);
    },

    /** The intent a private link names; null for an unknown link or an intent that expired unused. */
    async byLinkToken(token: string): Promise<PrivateBookingByLink | null> {
      const [row] = await dataSource.query(
        `SELECT id, cal_event_type_id, pseudonym, booking_uids, expires_at FROM private_booking_intents
          WHERE link_token_hash = $1`,
        [hashPrivateLinkToken(token)],
      );
      if (!row) return null;
      const uids: string[] = row.booking_uids;
      if (uids.length === 0 && row.expires_at.getTime() < clock().getTime()) return null;
      const chain = uids.length > 0 ? await readBookingChain(dataSource.manager, uids[0]!) : null;
      return {
        intentId: row.id,
        eventTypeId: row.cal_event_type_id,
        pseudonym: row.pseudonym,
        booking: chain?.current ? await bookingView(chain.current.uid) : null,
      };
    },
  };
}

export type PrivateBookingIntents = ReturnType<typeof createPrivateBookingIntents>;

/** Opens an intent's sealed details (the staff area's booking page). */
export function openPrivateDetails(protector: PersonalDataProtector, sealed: string | null): PrivateDetails | null {
  return protector.openJson<PrivateDetails>(sealed, DETAILS_PURPOSE);
}

/**
 * Where our own mail for a booking should go if it was made privately: the email the person left us, or
 * null when they left none (its attendee address is a relay address that reaches nobody). Undefined for a
 * booking that was not made privately.
 */
export async function privateBookingEmail(
  manager: Queryable,
  protector: PersonalDataProtector,
  bookingUid: string,
): Promise<string | null | undefined> {
  const [row] = await manager.query(
    "SELECT details_encrypted FROM private_booking_intents WHERE booking_uids @> ARRAY[$1::text]",
    [bookingUid],
  );
  if (!row) return undefined;
  return openPrivateDetails(protector, row.details_encrypted)?.email ?? null;
}

/**
 * Links a booking's delivery to the intent it was made with, in the delivery's transaction. Not on the
 * browser's word: the booking's metadata must name the intent AND one of its attendees must have the
 * intent's relay address (random, known only to the person who made the intent), or the booking must
 * replace (reschedule) a booking already linked. Unlinked intents past their expiry are not linked.
 * Returns the intent's id when the booking is (now) linked.
 */
export async function linkPrivateBookingInTransaction(
  manager: Queryable,
  booking: {
    uid: string;
    rescheduledFromUid: string | null;
    metadata: Record<string, unknown> | null;
    attendeeEmails: readonly (string | null)[];
  },
  at: Date,
): Promise<string | null> {
  const named = booking.metadata?.[PRIVATE_BOOKING_METADATA_KEY];
  // Only a well-formed uuid is compared (cast below): whatever else metadata carries cannot fail the delivery.
  const intentId = typeof named === "string" && UUID.test(named) ? named.toLowerCase() : null;
  const emails = booking.attendeeEmails.filter((email): email is string => !!email).map((e) => e.toLowerCase());
  // Wrapped in a SELECT: TypeORM answers a bare UPDATE … RETURNING with [rows, count] (count-affected.ts).
  const rows: Array<{ id: string }> = await manager.query(
    `WITH linked AS (
       UPDATE private_booking_intents
          SET booking_uids = CASE WHEN booking_uids @> ARRAY[$1::text] THEN booking_uids
                                  ELSE booking_uids || $1::text END,
              linked_at = COALESCE(linked_at, $5::timestamptz)
        WHERE (id = $2::uuid AND lower(relay_address) = ANY($3::text[])
                AND (cardinality(booking_uids) > 0 OR expires_at >= $5::timestamptz))
           OR ($4::text IS NOT NULL AND booking_uids @> ARRAY[$4::text])
        RETURNING id)
     SELECT id FROM linked`,
    [booking.uid, intentId, emails, booking.rescheduledFromUid, at],
  );
  return rows[0]?.id ?? null;
}

/** Erases what the person left us for a booking (the retention's and the administrator's erasure). */
export async function erasePrivateDetailsInTransaction(manager: Queryable, bookingUid: string): Promise<number> {
  return countAffected(
    manager,
    `UPDATE private_booking_intents SET details_encrypted = NULL
      WHERE booking_uids @> ARRAY[$1::text] AND details_encrypted IS NOT NULL RETURNING 1`,
    [bookingUid],
  );
}

/**
 * Deletes an intent nobody booked with (its expiry has come); false when a booking is linked to it, which
 * keeps it as that booking's personal data. One statement, so a link made at the same moment wins or
 * loses whole.
 */
export async function deleteUnusedPrivateBookingIntent(manager: Queryable, intentId: string): Promise<boolean> {
  const deleted = await countAffected(
    manager,
    "DELETE FROM private_booking_intents WHERE id = $1 AND cardinality(booking_uids) = 0 RETURNING 1",
    [intentId],
  );
  return deleted > 0;
}
