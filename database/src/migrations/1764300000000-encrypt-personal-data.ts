// Personal data moves to encrypted text columns (AES-256-GCM values written by the application), and
// attendee/user emails get keyed blind indexes for equality lookups. Existing plaintext values are
// carried over as text; `npm run data:reencrypt` then encrypts them under the active key.
import type { MigrationInterface, QueryRunner } from "typeorm";

const JSONB_TO_TEXT: Array<[string, string]> = [
  ["bookings", "attendees"],
  ["bookings", "responses"],
  ["bookings", "metadata"],
  ["bookings", "payload"],
  ["audit_logs", "payload"],
  ["form_responses", "answers"],
];

export class EncryptPersonalData1764300000000 implements MigrationInterface {
  name = "EncryptPersonalData1764300000000";

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "bookings" ALTER COLUMN "attendees" DROP DEFAULT`);
    for (const [table, column] of JSONB_TO_TEXT) {
      await runner.query(`ALTER TABLE "${table}" ALTER COLUMN "${column}" TYPE text USING "${column}"::text`);
    }
    await runner.query(`ALTER TABLE "bookings" ALTER COLUMN "attendees" DROP NOT NULL`);
    await runner.query(`ALTER TABLE "bookings" ADD "attendee_email_index" text[] NOT NULL DEFAULT '{}'`);
    await runner.query(
      `CREATE INDEX "bookings_attendee_email_index_idx" ON "bookings" USING gin ("attendee_email_index")`,
    );
    await runner.query(`ALTER TABLE "users" ADD "email_index" text`);
    await runner.query(`CREATE INDEX "users_email_index_idx" ON "users" ("email_index")`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX "users_email_index_idx"`);
    await runner.query(`ALTER TABLE "users" DROP COLUMN "email_index"`);
    await runner.query(`DROP INDEX "bookings_attendee_email_index_idx"`);
    await runner.query(`ALTER TABLE "bookings" DROP COLUMN "attendee_email_index"`);
    for (const [table, column] of JSONB_TO_TEXT) {
      await runner.query(`ALTER TABLE "${table}" ALTER COLUMN "${column}" TYPE jsonb USING "${column}"::jsonb`);
    }
    await runner.query(`ALTER TABLE "bookings" ALTER COLUMN "attendees" SET DEFAULT '[]'::jsonb`);
    await runner.query(`ALTER TABLE "bookings" ALTER COLUMN "attendees" SET NOT NULL`);
  }
}
