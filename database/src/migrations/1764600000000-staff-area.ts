// The staff area: Better Auth's tables for people who sign in (renamed staff_*, snake_case; see
// api/src/staff/auth/staff-auth-tables.ts) and the append-only, hash-chained access log of every look
// at a booking's personal data. These are not TypeORM entities: Better Auth reads and writes its tables
// itself and the access log is written by one SQL appender, so the entity/migration comparison in
// migrations.test.ts does not see them (TypeORM compares only tables it has entities for).
import type { MigrationInterface, QueryRunner } from "typeorm";

export class StaffArea1764600000000 implements MigrationInterface {
  name = "StaffArea1764600000000";

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE "staff_users" (
      "id" text NOT NULL,
      "name" text NOT NULL,
      "email" text NOT NULL,
      "email_verified" boolean NOT NULL DEFAULT false,
      "image" text,
      "role" text CHECK ("role" IN ('admin', 'host')),
      "banned" boolean DEFAULT false,
      "ban_reason" text,
      "ban_expires" TIMESTAMP WITH TIME ZONE,
      "cal_user_id" integer,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_staff_users" PRIMARY KEY ("id"),
      CONSTRAINT "staff_users_host_has_cal_user" CHECK ("role" <> 'host' OR "cal_user_id" IS NOT NULL))`);
    await runner.query(`CREATE UNIQUE INDEX "staff_users_email_key" ON "staff_users" ("email")`);
    await runner.query(`CREATE INDEX "staff_users_cal_user_id_idx" ON "staff_users" ("cal_user_id")`);

    await runner.query(`CREATE TABLE "staff_sessions" (
      "id" text NOT NULL,
      "token" text NOT NULL,
      "user_id" text NOT NULL REFERENCES "staff_users" ("id") ON DELETE CASCADE,
      "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "ip_address" text,
      "user_agent" text,
      "impersonated_by" text,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_staff_sessions" PRIMARY KEY ("id"))`);
    await runner.query(`CREATE UNIQUE INDEX "staff_sessions_token_key" ON "staff_sessions" ("token")`);
    await runner.query(`CREATE INDEX "staff_sessions_user_id_idx" ON "staff_sessions" ("user_id")`);

    await runner.query(`CREATE TABLE "staff_accounts" (
      "id" text NOT NULL,
      "account_id" text NOT NULL,
      "provider_id" text NOT NULL,
      "user_id" text NOT NULL REFERENCES "staff_users" ("id") ON DELETE CASCADE,
      "access_token" text,
      "refresh_token" text,
      "id_token" text,
      "access_token_expires_at" TIMESTAMP WITH TIME ZONE,
      "refresh_token_expires_at" TIMESTAMP WITH TIME ZONE,
      "scope" text,
      "password" text,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_staff_accounts" PRIMARY KEY ("id"))`);
    await runner.query(`CREATE INDEX "staff_accounts_user_id_idx" ON "staff_accounts" ("user_id")`);

    // Sign-in links: the identifier is the SHA-256 of the token, never the token.
    await runner.query(`CREATE TABLE "staff_verifications" (
      "id" text NOT NULL,
      "identifier" text NOT NULL,
      "value" text NOT NULL,
      "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_staff_verifications" PRIMARY KEY ("id"))`);
    await runner.query(`CREATE INDEX "staff_verifications_identifier_idx" ON "staff_verifications" ("identifier")`);

    await runner.query(`CREATE TABLE "staff_passkeys" (
      "id" text NOT NULL,
      "name" text,
      "public_key" text NOT NULL,
      "user_id" text NOT NULL REFERENCES "staff_users" ("id") ON DELETE CASCADE,
      "credential_id" text NOT NULL,
      "counter" integer NOT NULL,
      "device_type" text NOT NULL,
      "backed_up" boolean NOT NULL,
      "transports" text,
      "aaguid" text,
      "created_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "PK_staff_passkeys" PRIMARY KEY ("id"))`);
    await runner.query(`CREATE INDEX "staff_passkeys_user_id_idx" ON "staff_passkeys" ("user_id")`);
    await runner.query(`CREATE INDEX "staff_passkeys_credential_id_idx" ON "staff_passkeys" ("credential_id")`);

    // Sign-in attempts per client address, shared by every api replica.
    await runner.query(`CREATE TABLE "staff_rate_limits" (
      "id" text NOT NULL,
      "key" text NOT NULL,
      "count" integer NOT NULL,
      "last_request" bigint NOT NULL,
      CONSTRAINT "PK_staff_rate_limits" PRIMARY KEY ("id"))`);
    await runner.query(`CREATE UNIQUE INDEX "staff_rate_limits_key_key" ON "staff_rate_limits" ("key")`);

    // Who looked at which booking's personal data, when and from where. Each entry's hash covers the
    // previous entry's hash, so editing or removing an entry breaks the chain from there on
    // (`npm run access-log:verify`). The client address is personal data: sealed like every other.
    await runner.query(`CREATE TABLE "staff_access_log" (
      "sequence" bigint GENERATED ALWAYS AS IDENTITY,
      "staff_user_id" text NOT NULL,
      "staff_role" text NOT NULL,
      "booking_uid" text NOT NULL,
      "action" text NOT NULL,
      "viewed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "client_address_encrypted" text,
      "previous_hash" text NOT NULL,
      "entry_hash" text NOT NULL,
      CONSTRAINT "PK_staff_access_log" PRIMARY KEY ("sequence"))`);
    await runner.query(`CREATE INDEX "staff_access_log_booking_uid_idx" ON "staff_access_log" ("booking_uid")`);
    await runner.query(`CREATE INDEX "staff_access_log_staff_user_id_idx" ON "staff_access_log" ("staff_user_id")`);
    // Append-only for the application: updates and deletes are refused by the database itself. (A
    // database owner can still disable the trigger; the hash chain is what reveals that.) Re-encryption
    // of the sealed address is the one permitted update, and it leaves every hashed column as it was.
    await runner.query(`CREATE FUNCTION "staff_access_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND NEW."sequence" = OLD."sequence" AND NEW."staff_user_id" = OLD."staff_user_id"
           AND NEW."staff_role" = OLD."staff_role" AND NEW."booking_uid" = OLD."booking_uid"
           AND NEW."action" = OLD."action" AND NEW."viewed_at" = OLD."viewed_at"
           AND NEW."previous_hash" = OLD."previous_hash" AND NEW."entry_hash" = OLD."entry_hash" THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'staff_access_log is append-only';
      END $$`);
    await runner.query(`CREATE TRIGGER "staff_access_log_append_only" BEFORE UPDATE OR DELETE ON "staff_access_log"
      FOR EACH ROW EXECUTE FUNCTION "staff_access_log_append_only"()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "staff_access_log"`);
    await runner.query(`DROP FUNCTION "staff_access_log_append_only"()`);
    await runner.query(`DROP TABLE "staff_rate_limits"`);
    await runner.query(`DROP TABLE "staff_passkeys"`);
    await runner.query(`DROP TABLE "staff_verifications"`);
    await runner.query(`DROP TABLE "staff_accounts"`);
    await runner.query(`DROP TABLE "staff_sessions"`);
    await runner.query(`DROP TABLE "staff_users"`);
  }
}
