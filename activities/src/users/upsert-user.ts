// Inserts or refreshes one of our users, keyed by Cal.com user id, with personal data sealed. Shared by
// booking processing (the organizer of a booking) and connections (the account that connected).
import type { DataSource, EntityManager } from 'typeorm';
import type { OrganizerSnapshot } from '@churchhub/contracts';
import type { PersonalDataProtector } from '@churchhub/field-encryption';

export async function upsertUser(runner: DataSource | EntityManager, protector: PersonalDataProtector, user: OrganizerSnapshot): Promise<string> {
  const rows: Array<{ id: string }> = await runner.query(
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
      user.calUserId,
      user.username,
      protector.sealText(user.name, 'users.name'),
      protector.sealText(user.email, 'users.email'),
      user.email ? protector.emailIndex(user.email) : null,
      user.timeZone,
      user.locale,
    ],
  );
  return rows[0]!.id;
}
