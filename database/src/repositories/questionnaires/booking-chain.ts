// A booking and the bookings a reschedule replaced or was replaced by. Cal.com gives a rescheduled
// booking a new uid and links the two both ways (rescheduledFromUid / rescheduledToUid, see
// cal-emulator/README.md), so answers and the reminder follow the chain rather than one uid.
import type { EntityManager } from "typeorm";

type Queryable = Pick<EntityManager, "query">;

/** Enough for a pastor's reschedules; a longer chain is cut here rather than looped over. */
const MAX_LINKS = 50;

export interface BookingChain {
  /** The first uid of the chain: it names the chain's reminder workflow. */
  rootUid: string;
  /** Every uid of the chain, the first first (uids we have not received yet included). */
  uids: string[];
  /** The newest booking of the chain we have, or null when none has arrived. */
  current: {
    uid: string;
    status: string;
    startTime: Date;
    eventTypeId: number | null;
    receivedAt: Date;
  } | null;
}

export async function readBookingChain(db: Queryable, uid: string): Promise<BookingChain> {
  const backwards: string[] = [uid];
  for (let step = 0; step < MAX_LINKS; step++) {
    const [row] = await db.query(`SELECT rescheduled_from_uid FROM bookings WHERE uid = $1`, [backwards[0]]);
    const previous: string | null = row?.rescheduled_from_uid ?? null;
    if (!previous || backwards.includes(previous)) break;
    backwards.unshift(previous);
  }
  const uids = [...backwards];
  // biome-ignore lint/suspicious/noExplicitAny: a raw row until mapped below
  let current: Record<string, any> | null = null;
  let next: string | null = uid;
  for (let step = 0; next && step < MAX_LINKS; step++) {
    // biome-ignore lint/suspicious/noExplicitAny: a raw row until mapped below
    const [row]: Array<Record<string, any>> = await db.query(
      `SELECT uid, status, start_time, event_type_id, created_at, rescheduled_to_uid FROM bookings WHERE uid = $1`,
      [next],
    );
    if (!row) break;
    current = row;
    next = row.rescheduled_to_uid && !uids.includes(row.rescheduled_to_uid) ? row.rescheduled_to_uid : null;
    if (next) uids.push(next);
  }
  return {
    rootUid: uids[0]!,
    uids,
    current: current && {
      uid: current.uid,
      status: current.status,
      startTime: new Date(current.start_time),
      eventTypeId: current.event_type_id,
      receivedAt: new Date(current.created_at),
    },
  };
}
