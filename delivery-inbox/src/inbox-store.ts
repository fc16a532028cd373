// The SQL of the webhook_inbox table, in one place. Rows are written by the api before it answers
// 2xx and marked relayed once Temporal has accepted their workflow; they are kept for a retention
// period as evidence and for replay, then deleted.
import type { DataSource, EntityManager } from 'typeorm';
import { calDeliveryWorkflowId, type CalDelivery } from '@churchhub/contracts';

/** How a delivery is turned into the stored text and back (sealed JSON: see encrypted-inbox-codec.ts). */
export interface InboxCodec {
  encode(delivery: CalDelivery): string;
  decode(stored: string): CalDelivery;
}

export const INBOX_CHANNEL = 'webhook_inbox';

export interface PendingDelivery {
  id: string;
  delivery: CalDelivery;
}

export function createInboxStore(deps: { dataSource: DataSource; codec: InboxCodec }) {
  const { codec } = deps;
  return {
    /** Inserts the delivery unless this event is already in the inbox; wakes the relay on insert. */
    async insert(delivery: CalDelivery): Promise<{ inserted: boolean }> {
      const rows: unknown[] = await deps.dataSource.query(
        `WITH inserted AS (
           INSERT INTO webhook_inbox (delivery_id, workflow_id, trigger_event, delivery)
           VALUES ($1, $2, $3, $4)
           ON CONFLICT (delivery_id) DO NOTHING
           RETURNING id)
         SELECT pg_notify('${INBOX_CHANNEL}', '') FROM inserted`,
        [delivery.deliveryId, calDeliveryWorkflowId(delivery), delivery.triggerEvent, codec.encode(delivery)],
      );
      return { inserted: rows.length > 0 };
    },

    /** Locks up to `limit` pending rows for this transaction; other relays skip them. */
    async claimPending(manager: EntityManager, limit: number): Promise<PendingDelivery[]> {
      const rows: Array<{ id: string; delivery: string }> = await manager.query(
        `SELECT id, delivery FROM webhook_inbox WHERE relayed_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      return rows.map((row) => ({ id: row.id, delivery: codec.decode(row.delivery) }));
    },

    async markRelayed(manager: EntityManager, ids: string[]): Promise<void> {
      if (ids.length > 0) await manager.query('UPDATE webhook_inbox SET relayed_at = now() WHERE id = ANY($1::bigint[])', [ids]);
    },

    async markFailed(manager: EntityManager, ids: string[], error: string): Promise<void> {
      if (ids.length === 0) return;
      await manager.query('UPDATE webhook_inbox SET relay_attempts = relay_attempts + 1, last_relay_error = $2 WHERE id = ANY($1::bigint[])', [ids, error.slice(0, 500)]);
    },

    async pendingCount(): Promise<number> {
      const [row] = await deps.dataSource.query('SELECT count(*)::int AS n FROM webhook_inbox WHERE relayed_at IS NULL');
      return row.n;
    },

    async deleteRelayedBefore(cutoff: Date): Promise<number> {
      const [, count] = await deps.dataSource.query('DELETE FROM webhook_inbox WHERE relayed_at < $1', [cutoff]);
      return Number(count ?? 0);
    },
  };
}

export type InboxStore = ReturnType<typeof createInboxStore>;
