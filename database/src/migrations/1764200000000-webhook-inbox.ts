// The inbox of verified Cal.com deliveries: written by the api before it acknowledges, drained by the
// relay into Temporal. The delivery is stored as text so it can be stored encrypted.
import type { MigrationInterface, QueryRunner } from "typeorm";

export class WebhookInbox1764200000000 implements MigrationInterface {
  name = "WebhookInbox1764200000000";

  async up(runner: QueryRunner): Promise<void> {
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
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "webhook_inbox"`);
  }
}
