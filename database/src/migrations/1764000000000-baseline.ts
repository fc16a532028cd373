// The schema, in one baseline: users, bookings (personal data sealed as text, attendee emails behind a
// blind index), audit logs, questionnaires and their encrypted responses, policies, context summaries, managed-user tokens,
// the webhook inbox, API keys and connected Cal.com accounts. Nothing is deployed yet, so earlier steps
// were folded into it; from the first release on, each change is a new migration after this one.
import type { MigrationInterface, QueryRunner } from "typeorm";

export class Baseline1764000000000 implements MigrationInterface {
  name = "Baseline1764000000000";

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE TABLE "bookings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "uid" text NOT NULL, "cal_booking_id" integer, "user_id" uuid, "title" text, "description" text, "start_time" TIMESTAMP WITH TIME ZONE NOT NULL, "end_time" TIMESTAMP WITH TIME ZONE NOT NULL, "status" text NOT NULL, "status_history" jsonb NOT NULL DEFAULT '[]'::jsonb, "event_type_id" integer, "event_type_slug" text, "location" text, "organizer_time_zone" text, "attendees" text, "responses" text, "metadata" text, "payload" text NOT NULL, "rescheduled_from_uid" text, "rescheduled_to_uid" text, "rescheduled_by" text, "cancellation_reason" text, "cancelled_by" text, "rejection_reason" text, "last_event_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_event_rank" integer NOT NULL, "last_delivery_id" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "attendee_email_index" text[] NOT NULL DEFAULT '{}', CONSTRAINT "PK_bee6805982cc1e248e94ce94957" PRIMARY KEY ("id"))`,
    );
    await runner.query(`CREATE UNIQUE INDEX "bookings_uid_key" ON "bookings"  ("uid") `);
    await runner.query(`CREATE INDEX "bookings_cal_booking_id_idx" ON "bookings"  ("cal_booking_id") `);
    await runner.query(`CREATE INDEX "bookings_user_id_idx" ON "bookings"  ("user_id") `);
    await runner.query(`CREATE INDEX "bookings_start_time_idx" ON "bookings"  ("start_time") `);
    await runner.query(`CREATE INDEX "bookings_status_idx" ON "bookings"  ("status") `);
    await runner.query(`CREATE INDEX "bookings_event_type_id_idx" ON "bookings"  ("event_type_id") `);
    await runner.query(`CREATE INDEX "bookings_rescheduled_from_uid_idx" ON "bookings"  ("rescheduled_from_uid") `);
    await runner.query(
      `CREATE INDEX "bookings_attendee_email_index_idx" ON "bookings" USING gin ("attendee_email_index")`,
    );
    await runner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cal_user_id" integer NOT NULL, "username" text, "name" text, "email" text, "time_zone" text, "locale" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "email_index" text, CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await runner.query(`CREATE UNIQUE INDEX "users_cal_user_id_key" ON "users"  ("cal_user_id") `);
    await runner.query(`CREATE INDEX "users_username_idx" ON "users"  ("username") `);
    await runner.query(`CREATE INDEX "users_email_index_idx" ON "users" ("email_index")`);
    await runner.query(
      `CREATE TABLE "audit_logs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "delivery_id" text NOT NULL, "trigger_event" text NOT NULL, "outcome" text NOT NULL, "source" text NOT NULL DEFAULT 'webhook', "user_id" uuid, "booking_uid" text, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "payload" text NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "webhook_version" text, CONSTRAINT "PK_1bb179d048bbc581caa3b013439" PRIMARY KEY ("id"))`,
    );
    await runner.query(`CREATE UNIQUE INDEX "audit_logs_delivery_id_key" ON "audit_logs"  ("delivery_id") `);
    await runner.query(`CREATE INDEX "audit_logs_trigger_event_idx" ON "audit_logs"  ("trigger_event") `);
    await runner.query(`CREATE INDEX "audit_logs_user_id_idx" ON "audit_logs"  ("user_id") `);
    await runner.query(`CREATE INDEX "audit_logs_booking_uid_idx" ON "audit_logs"  ("booking_uid") `);
    await runner.query(`CREATE INDEX "audit_logs_occurred_at_idx" ON "audit_logs"  ("occurred_at") `);
    await runner.query(
      `CREATE TABLE "context_summaries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid, "booking_id" uuid, "summary" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0f76e7fd81b0aa1eef894fddcf3" PRIMARY KEY ("id"))`,
    );
    await runner.query(`CREATE INDEX "context_summaries_user_id_idx" ON "context_summaries"  ("user_id") `);
    await runner.query(`CREATE INDEX "context_summaries_booking_id_idx" ON "context_summaries"  ("booking_id") `);
    await runner.query(
      `CREATE TABLE "policies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "description" text, "rules" jsonb NOT NULL DEFAULT '{}'::jsonb, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_603e09f183df0108d8695c57e28" PRIMARY KEY ("id"))`,
    );
    await runner.query(`CREATE UNIQUE INDEX "policies_name_key" ON "policies"  ("name") `);
    await runner.query(
      `ALTER TABLE "bookings" ADD CONSTRAINT "FK_64cd97487c5c42806458ab5520c" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "audit_logs" ADD CONSTRAINT "FK_bd2726fd31b35443f2245b93ba0" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "context_summaries" ADD CONSTRAINT "FK_5887e12b1fad91f254e06f6f521" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await runner.query(
      `ALTER TABLE "context_summaries" ADD CONSTRAINT "FK_4933431205fb0dbdf9204dc316e" FOREIGN KEY ("booking_id") REFERENCES "bookings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await runner.query(
      `CREATE TABLE "managed_user_tokens" ("cal_user_id" integer NOT NULL, "username" text NOT NULL, "access_token_encrypted" text NOT NULL, "access_token_hash" text NOT NULL, "access_token_expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "refresh_token_encrypted" text NOT NULL, "refresh_token_expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "key_id" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_62d7d1b74ecf225fe09871c4c32" PRIMARY KEY ("cal_user_id"))`,
    );
    await runner.query(`CREATE UNIQUE INDEX "managed_user_tokens_username_key" ON "managed_user_tokens" ("username")`);
    await runner.query(
      `CREATE UNIQUE INDEX "managed_user_tokens_access_token_hash_key" ON "managed_user_tokens" ("access_token_hash")`,
    );
    await runner.query(`CREATE INDEX "managed_user_tokens_key_id_idx" ON "managed_user_tokens" ("key_id")`);
    await runner.query(`CREATE TABLE "webhook_inbox" (
      "id" bigserial NOT NULL,
      "delivery_id" text NOT NULL,
      "workflow_id" text NOT NULL,
      "trigger_event" text NOT NULL,
      "delivery" text NOT NULL,
      "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "relayed_at" TIMESTAMP WITH TIME ZONE,
      "relay_attempts" integer NOT NULL DEFAULT 0,
      "last_relay_error" text,
      CONSTRAINT "PK_webhook_inbox" PRIMARY KEY ("id"))`);
    await runner.query(`CREATE UNIQUE INDEX "webhook_inbox_delivery_id_key" ON "webhook_inbox" ("delivery_id")`);
    await runner.query(`CREATE INDEX "webhook_inbox_pending_idx" ON "webhook_inbox" ("id") WHERE "relayed_at" IS NULL`);
    await runner.query(
      `CREATE INDEX "webhook_inbox_relayed_at_idx" ON "webhook_inbox" ("relayed_at") WHERE "relayed_at" IS NOT NULL`,
    );
    await runner.query(`CREATE TABLE "api_keys" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "name" text NOT NULL,
      "role" text NOT NULL CHECK ("role" IN ('admin', 'operator')),
      "key_hash" text NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "last_used_at" TIMESTAMP WITH TIME ZONE,
      "revoked_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "PK_api_keys" PRIMARY KEY ("id"))`);
    await runner.query(`CREATE UNIQUE INDEX "api_keys_key_hash_key" ON "api_keys" ("key_hash")`);
    await runner.query(`CREATE TABLE "cal_connections" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "cal_user_id" integer NOT NULL,
      "user_id" uuid REFERENCES "users" ("id") ON DELETE SET NULL,
      "username" text NOT NULL,
      "status" text NOT NULL CHECK ("status" IN ('connected', 'needs_reconnect', 'disconnected')),
      "scopes" text NOT NULL DEFAULT '',
      "access_token_encrypted" text,
      "access_token_expires_at" TIMESTAMP WITH TIME ZONE,
      "refresh_token_encrypted" text,
      "refresh_token_expires_at" TIMESTAMP WITH TIME ZONE,
      "webhook_secret_encrypted" text NOT NULL,
      "key_id" text NOT NULL,
      "cal_webhook_id" text,
      -- pending until our webhook is registered; missing_scope when Cal.com refused it (403) for the token's scopes.
      "webhook_status" text NOT NULL DEFAULT 'pending' CHECK ("webhook_status" IN ('pending', 'registered', 'missing_scope')),
      "host_token_hash" text,
      "connected_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "needs_reconnect_since" TIMESTAMP WITH TIME ZONE,
      "disconnected_at" TIMESTAMP WITH TIME ZONE,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_cal_connections" PRIMARY KEY ("id"))`);
    // One connection per Cal.com account: reconnecting updates it.
    await runner.query(`CREATE UNIQUE INDEX "cal_connections_cal_user_id_key" ON "cal_connections" ("cal_user_id")`);
    await runner.query(`CREATE INDEX "cal_connections_username_idx" ON "cal_connections" (lower("username"))`);
    // The host's own private link to disconnect (only its SHA-256 is kept).
    await runner.query(
      `CREATE UNIQUE INDEX "cal_connections_host_token_hash_key" ON "cal_connections" ("host_token_hash")`,
    );

    await runner.query(`CREATE TABLE "cal_connect_links" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "token_hash" text NOT NULL,
      "host_label_encrypted" text,
      "created_by" text,
      "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "used_at" TIMESTAMP WITH TIME ZONE,
      "connection_id" uuid REFERENCES "cal_connections" ("id") ON DELETE SET NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_cal_connect_links" PRIMARY KEY ("id"))`);
    await runner.query(`CREATE UNIQUE INDEX "cal_connect_links_token_hash_key" ON "cal_connect_links" ("token_hash")`);

    await runner.query(`CREATE TABLE "cal_connect_attempts" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "link_id" uuid NOT NULL REFERENCES "cal_connect_links" ("id") ON DELETE CASCADE,
      "browser_binding_hash" text NOT NULL,
      "code_verifier_encrypted" text,
      "authorization_code_encrypted" text,
      "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "used_at" TIMESTAMP WITH TIME ZONE,
      "outcome" text,
      "connection_id" uuid REFERENCES "cal_connections" ("id") ON DELETE SET NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_cal_connect_attempts" PRIMARY KEY ("id"))`);
    await runner.query(`CREATE INDEX "cal_connect_attempts_link_id_idx" ON "cal_connect_attempts" ("link_id")`);
    // The staff area: Better Auth's tables for people who sign in (renamed staff_*, snake_case; see
    // api/src/staff/auth/staff-auth-tables.ts) and the append-only, hash-chained access log of every look
    // at a booking's personal data. Not TypeORM entities: Better Auth reads and writes its tables itself
    // and the access log is written by one SQL appender (migrations.test.ts compares entity tables only).
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
      "last_sign_in_at" TIMESTAMP WITH TIME ZONE,
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

    // Hosts' short public names (/book/<name>), chosen in the staff area, with every earlier name kept: an
    // old link keeps redirecting to the current name, so a name once used stays its host's and no other
    // host can take it. One current name per host (retired_at NULL). Public by nature: not sealed.
    await runner.query(`CREATE TABLE "host_public_names" (
      "name" text NOT NULL CHECK ("name" ~ '^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])$'),
      "cal_user_id" integer NOT NULL,
      "chosen_by" text,
      "chosen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "retired_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "PK_host_public_names" PRIMARY KEY ("name"))`);
    await runner.query(
      `CREATE UNIQUE INDEX "host_public_names_current_key" ON "host_public_names" ("cal_user_id") WHERE "retired_at" IS NULL`,
    );
    // Questionnaires (issue 18): staff-built questions answered by visitors around their booking. A
    // draft is editable; publishing copies it into an immutable version (a trigger refuses changes), and
    // a response records the version it answered. Responses are keyed by the booking's uid, not a
    // foreign key: a visitor may answer before Cal.com's webhook for the booking reaches us.
    await runner.query(`CREATE TABLE "questionnaires" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "owner_cal_user_id" integer NOT NULL,
      "title" text NOT NULL,
      "draft" jsonb NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_questionnaires" PRIMARY KEY ("id"))`);
    await runner.query(`CREATE INDEX "questionnaires_owner_idx" ON "questionnaires" ("owner_cal_user_id")`);
    await runner.query(`CREATE TABLE "questionnaire_versions" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "questionnaire_id" uuid NOT NULL REFERENCES "questionnaires"("id") ON DELETE RESTRICT,
      "version" integer NOT NULL,
      "title" text NOT NULL,
      "definition" jsonb NOT NULL,
      "published_by" text NOT NULL,
      "published_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_questionnaire_versions" PRIMARY KEY ("id"),
      CONSTRAINT "questionnaire_versions_number_key" UNIQUE ("questionnaire_id", "version"))`);
    await runner.query(`CREATE FUNCTION "questionnaire_versions_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'a published questionnaire version is immutable'; END $$`);
    await runner.query(`CREATE TRIGGER "questionnaire_versions_immutable" BEFORE UPDATE OR DELETE
      ON "questionnaire_versions" FOR EACH ROW EXECUTE FUNCTION "questionnaire_versions_immutable"()`);
    // One questionnaire per Cal.com event type; visitors get its newest published version.
    await runner.query(`CREATE TABLE "questionnaire_attachments" (
      "cal_event_type_id" integer NOT NULL,
      "questionnaire_id" uuid NOT NULL REFERENCES "questionnaires"("id") ON DELETE CASCADE,
      "required" boolean NOT NULL,
      "attached_by" text NOT NULL,
      "attached_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_questionnaire_attachments" PRIMARY KEY ("cal_event_type_id"))`);
    await runner.query(
      `CREATE INDEX "questionnaire_attachments_questionnaire_idx" ON "questionnaire_attachments" ("questionnaire_id")`,
    );
    // Answers are sealed under a data key of their own (AES-256-GCM, the response id as associated data);
    // the data key is sealed by the key ring, so a key rotation rewrites only "data_key_wrapped".
    await runner.query(`CREATE TABLE "questionnaire_responses" (
      "id" uuid NOT NULL,
      "booking_uid" text NOT NULL,
      "version_id" uuid NOT NULL REFERENCES "questionnaire_versions"("id") ON DELETE RESTRICT,
      "cal_event_type_id" integer NOT NULL,
      "answers_encrypted" text NOT NULL,
      "data_key_wrapped" text NOT NULL,
      "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "linked_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "PK_questionnaire_responses" PRIMARY KEY ("id"),
      CONSTRAINT "questionnaire_responses_booking_uid_key" UNIQUE ("booking_uid"))`);
    // Private answer-later links: only the SHA-256 of the token is stored; it is spent by one answer and
    // valid until the booking's appointment starts (checked against the booking when used).
    await runner.query(`CREATE TABLE "questionnaire_answer_tokens" (
      "token_hash" text NOT NULL,
      "booking_uid" text NOT NULL,
      "issued_for" text NOT NULL,
      "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "used_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "PK_questionnaire_answer_tokens" PRIMARY KEY ("token_hash"))`);
    await runner.query(
      `CREATE INDEX "questionnaire_answer_tokens_booking_uid_idx" ON "questionnaire_answer_tokens" ("booking_uid")`,
    );
    // The one reminder mail of a booking (keyed by the first uid of its reschedule chain), once sent.
    await runner.query(`CREATE TABLE "questionnaire_reminders" (
      "booking_uid" text NOT NULL,
      "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "PK_questionnaire_reminders" PRIMARY KEY ("booking_uid"))`);
    // Sensitive mode (issue 19): which Cal.com event types are sensitive, whether Cal.com holds the privacy
    // settings that go with it (pending | applied | drifted | missing_scope | failed, with a detail for
    // staff), and each host's default for their event types. No personal data.
    await runner.query(`CREATE TABLE "sensitive_event_types" (
      "cal_event_type_id" integer PRIMARY KEY,
      "cal_user_id" integer NOT NULL,
      "sensitive" boolean NOT NULL DEFAULT false,
      "settings_state" text NOT NULL DEFAULT 'pending',
      "state_detail" text,
      "checked_at" timestamptz,
      "updated_at" timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(
      `CREATE TABLE "sensitive_host_defaults" ("cal_user_id" integer PRIMARY KEY, "sensitive" boolean NOT NULL, "updated_at" timestamptz NOT NULL DEFAULT now())`,
    );

    // Private booking (issue 19, part 2): what a person booking a sensitive event type privately chose to
    // leave us, kept here only. Cal.com gets the pseudonym and the relay address (random, identity-free,
    // stored in the clear: they are what Cal.com holds anyway); the name, email and phone are one sealed
    // JSON value. The private link's token is stored as SHA-256 only. `booking_uids`: every booking of the
    // reschedule chain this intent became (linked by the booking's delivery, never by the browser); an
    // intent never linked is deleted after `expires_at`.
    await runner.query(`CREATE TABLE "private_booking_intents" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "cal_event_type_id" integer NOT NULL,
      "pseudonym" text NOT NULL,
      "relay_address" text NOT NULL,
      "details_encrypted" text,
      "link_token_hash" text NOT NULL,
      "booking_uids" text[] NOT NULL DEFAULT '{}',
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "linked_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "PK_private_booking_intents" PRIMARY KEY ("id"),
      CONSTRAINT "private_booking_intents_relay_address_key" UNIQUE ("relay_address"),
      CONSTRAINT "private_booking_intents_link_token_hash_key" UNIQUE ("link_token_hash"))`);
    await runner.query(
      `CREATE INDEX "private_booking_intents_booking_uids_idx" ON "private_booking_intents" USING gin ("booking_uids")`,
    );

    // Secure notes: a host's notes on a booking. Each version's text is sealed under the note's own data
    // key, which lives in the note key store (another database, NOTE_KEYSTORE_URL), never here: once that
    // key is destroyed, no copy of this database can be read. `destroyed_at` marks a shredded note (the
    // row stays, saying a note existed); versions are append-only while the note lives.
    await runner.query(`CREATE TABLE "secure_notes" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "booking_uid" text NOT NULL,
      "author_staff_user_id" text NOT NULL,
      "erase_with_personal_data" boolean NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "destroyed_at" TIMESTAMP WITH TIME ZONE,
      "destroyed_reason" text,
      CONSTRAINT "PK_secure_notes" PRIMARY KEY ("id"),
      CONSTRAINT "secure_notes_destroyed_has_reason" CHECK (("destroyed_at" IS NULL) = ("destroyed_reason" IS NULL)))`);
    await runner.query(`CREATE INDEX "secure_notes_booking_uid_idx" ON "secure_notes" ("booking_uid")`);
    await runner.query(`CREATE TABLE "secure_note_versions" (
      "note_id" uuid NOT NULL REFERENCES "secure_notes" ("id"),
      "version" integer NOT NULL,
      "body_encrypted" text NOT NULL,
      "written_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_secure_note_versions" PRIMARY KEY ("note_id", "version"))`);
    // Versions are never edited; they are removed only after their note's key was destroyed (what is
    // left is ciphertext nobody can open; removing it is tidiness, not the protection).
    await runner.query(`CREATE FUNCTION "secure_note_versions_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND EXISTS (
          SELECT 1 FROM "secure_notes" WHERE "id" = OLD."note_id" AND "destroyed_at" IS NOT NULL) THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION 'secure_note_versions is append-only';
      END $$`);
    await runner.query(`CREATE TRIGGER "secure_note_versions_append_only" BEFORE UPDATE OR DELETE
      ON "secure_note_versions" FOR EACH ROW EXECUTE FUNCTION "secure_note_versions_append_only"()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "secure_note_versions"`);
    await runner.query(`DROP TABLE "private_booking_intents"`);
    await runner.query(`DROP FUNCTION "secure_note_versions_append_only"()`);
    await runner.query(`DROP TABLE "secure_notes"`);
    await runner.query(`DROP TABLE "sensitive_host_defaults"`);
    await runner.query(`DROP TABLE "sensitive_event_types"`);
    await runner.query(`DROP TABLE "host_public_names"`);
    await runner.query(`DROP TABLE "questionnaire_reminders"`);
    await runner.query(`DROP TABLE "questionnaire_answer_tokens"`);
    await runner.query(`DROP TABLE "questionnaire_responses"`);
    await runner.query(`DROP TABLE "questionnaire_attachments"`);
    await runner.query(`DROP TABLE "questionnaire_versions"`);
    await runner.query(`DROP FUNCTION "questionnaire_versions_immutable"()`);
    await runner.query(`DROP TABLE "questionnaires"`);
    await runner.query(`DROP TABLE "staff_access_log"`);
    await runner.query(`DROP FUNCTION "staff_access_log_append_only"()`);
    await runner.query(`DROP TABLE "staff_rate_limits"`);
    await runner.query(`DROP TABLE "staff_passkeys"`);
    await runner.query(`DROP TABLE "staff_verifications"`);
    await runner.query(`DROP TABLE "staff_accounts"`);
    await runner.query(`DROP TABLE "staff_sessions"`);
    await runner.query(`DROP TABLE "staff_users"`);
    await runner.query(`DROP TABLE "cal_connect_attempts"`);
    await runner.query(`DROP TABLE "cal_connect_links"`);
    await runner.query(`DROP TABLE "cal_connections"`);
    await runner.query(`DROP TABLE "api_keys"`);
    await runner.query(`DROP TABLE "webhook_inbox"`);
    await runner.query(`DROP TABLE "managed_user_tokens"`);
    await runner.query(`DROP TABLE "context_summaries"`);
    await runner.query(`DROP TABLE "audit_logs"`);
    await runner.query(`DROP TABLE "bookings"`);
    await runner.query(`DROP TABLE "users"`);
    await runner.query(`DROP TABLE "policies"`);
  }
}
