// One audit row per distinct event, keyed by delivery id: writing it again (a retry, a redelivery,
// a replay of the same event) finds the row that is already there and answers its id.
import type { CalDelivery } from "@churchhub/contracts";
import type { AuditOutcome } from "@churchhub/database";
import type { PersonalDataProtector } from "@churchhub/field-encryption";
import type { EntityManager } from "typeorm";

interface WriteAuditLogInput {
  delivery: CalDelivery;
  userId: string | null;
  outcome: AuditOutcome;
}

/** The audit row's id. Callers classify database errors (see classify-database-error.ts). */
export async function writeAuditEntry(
  db: EntityManager,
  protector: PersonalDataProtector,
  input: WriteAuditLogInput,
): Promise<string> {
  const { delivery } = input;
  const inserted: Array<{ id: string }> = await db.query(
    `INSERT INTO audit_logs (delivery_id, trigger_event, outcome, source, user_id, booking_uid, occurred_at, received_at, payload, webhook_version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (delivery_id) DO NOTHING
     RETURNING id`,
    [
      delivery.deliveryId,
      delivery.triggerEvent,
      input.outcome,
      delivery.source ?? "webhook",
      input.userId,
      delivery.bookingUid,
      delivery.occurredAt,
      delivery.receivedAt,
      protector.sealJson(delivery.rawBody, "audit_logs.payload"),
      delivery.webhookVersion ?? null,
    ],
  );
  if (inserted[0]) return inserted[0].id;
  const existing: Array<{ id: string }> = await db.query("SELECT id FROM audit_logs WHERE delivery_id = $1", [
    delivery.deliveryId,
  ]);
  return existing[0]!.id;
}
