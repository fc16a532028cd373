// Hosts' own Cal.com accounts connected through Cal.com OAuth 2.0: the connections (tokens and the
// per-connection webhook secret sealed), the operators' one-time connect links, and the short-lived
// authorization attempts behind the OAuth `state`.
import type { MigrationInterface, QueryRunner } from "typeorm";

export class CalConnections1764500000000 implements MigrationInterface {
  name = "CalConnections1764500000000";

  async up(runner: QueryRunner): Promise<void> {
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

    // Cal.com's X-Cal-Webhook-Version of each delivery (not personal), beside its audit entry.
    await runner.query(`ALTER TABLE "audit_logs" ADD COLUMN "webhook_version" text`);

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
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "cal_connect_attempts"`);
    await runner.query(`DROP TABLE "cal_connect_links"`);
    await runner.query(`DROP TABLE "cal_connections"`);
    await runner.query(`ALTER TABLE "audit_logs" DROP COLUMN "webhook_version"`);
  }
}
