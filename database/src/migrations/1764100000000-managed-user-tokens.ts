// Cached Cal.com managed-user tokens, encrypted at rest.
import type { MigrationInterface, QueryRunner } from "typeorm";

export class ManagedUserTokens1764100000000 implements MigrationInterface {
  name = "ManagedUserTokens1764100000000";

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE TABLE "managed_user_tokens" ("cal_user_id" integer NOT NULL, "username" text NOT NULL, "access_token_encrypted" text NOT NULL, "access_token_hash" text NOT NULL, "access_token_expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "refresh_token_encrypted" text NOT NULL, "refresh_token_expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "key_id" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_62d7d1b74ecf225fe09871c4c32" PRIMARY KEY ("cal_user_id"))`,
    );
    await runner.query(`CREATE UNIQUE INDEX "managed_user_tokens_username_key" ON "managed_user_tokens" ("username")`);
    await runner.query(
      `CREATE UNIQUE INDEX "managed_user_tokens_access_token_hash_key" ON "managed_user_tokens" ("access_token_hash")`,
    );
    await runner.query(`CREATE INDEX "managed_user_tokens_key_id_idx" ON "managed_user_tokens" ("key_id")`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "managed_user_tokens"`);
  }
}
