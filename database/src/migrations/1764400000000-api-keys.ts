// API keys for people and tools using the non-public endpoints, stored as SHA-256 hashes only.
import type { MigrationInterface, QueryRunner } from "typeorm";

export class ApiKeys1764400000000 implements MigrationInterface {
  name = "ApiKeys1764400000000";

  async up(runner: QueryRunner): Promise<void> {
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
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "api_keys"`);
  }
}
