// One of our users (the organizer of a booking, or a host who connected their account), keyed by
// Cal.com user id: inserted when new, refreshed when a delivery
// brings something different, left alone otherwise. Left alone matters: every booking of one host
// carries the same organizer, and an UPDATE would hold that host's users row locked until its
// transaction commits, so the host's bookings, processed in parallel, would queue on it one by one.
import type { OrganizerSnapshot } from "@churchhub/contracts";
import { DecryptionError, type PersonalDataProtector } from "@churchhub/field-encryption";
import type { EntityManager } from "typeorm";

interface StoredOrganizer {
  id: string;
  username: string | null;
  name: string | null;
  email: string | null;
  email_index: string | null;
  time_zone: string | null;
  locale: string | null;
}

/** Whether writing the snapshot would change the row (a null in the snapshot keeps the stored value). */
function differs(protector: PersonalDataProtector, stored: StoredOrganizer, organizer: OrganizerSnapshot): boolean {
  const changes = (incoming: string | null, current: string | null) => incoming !== null && incoming !== current;
  const open = (value: string | null, purpose: string) => {
    try {
      return protector.openText(value, purpose);
    } catch (error) {
      // Sealed under a key no longer configured: rewrite it under the current one.
      if (error instanceof DecryptionError) return undefined;
      throw error;
    }
  };
  return (
    changes(organizer.username, stored.username) ||
    changes(organizer.timeZone, stored.time_zone) ||
    changes(organizer.locale, stored.locale) ||
    (organizer.email !== null &&
      (protector.emailIndex(organizer.email) !== stored.email_index ||
        open(stored.email, "users.email") !== organizer.email)) ||
    (organizer.name !== null && open(stored.name, "users.name") !== organizer.name)
  );
}

/** Our user id for the organizer. Callers classify database errors (see classify-database-error.ts). */
export async function upsertOrganizerRow(
  db: EntityManager,
  protector: PersonalDataProtector,
  organizer: OrganizerSnapshot,
): Promise<string> {
  const stored: StoredOrganizer[] = await db.query(
    "SELECT id, username, name, email, email_index, time_zone, locale FROM users WHERE cal_user_id = $1",
    [organizer.calUserId],
  );
  if (stored[0] && !differs(protector, stored[0], organizer)) return stored[0].id;
  const rows: Array<{ id: string }> = await db.query(
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
      protector.sealText(organizer.name, "users.name"),
      protector.sealText(organizer.email, "users.email"),
      organizer.email ? protector.emailIndex(organizer.email) : null,
      organizer.timeZone,
      organizer.locale,
    ],
  );
  return rows[0]!.id;
}
