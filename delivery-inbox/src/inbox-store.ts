// The SQL of the webhook_inbox table, in one place. Rows are written by the api before it answers
// 2xx and marked relayed once Temporal has accepted their workflow; they are kept for a retention
// period as evidence and for replay, then deleted.
import type { DataSource, EntityManager } from "typeorm";
import { calDeliveryWorkflowId, type CalDelivery } from "@churchhub/contracts";

/** How a delivery is turned into the stored text and back (sealed JSON: see encrypted-inbox-codec.ts). */
export interface InboxCodec {
  encode(delivery: CalDelivery): string;
  decode(stored: string): CalDelivery;
}

export const INBOX_CHANNEL = "webhook_inbox";

interface PendingDelivery {
  id: string;
  delivery: CalDelivery;
}

export function createInboxStore(deps: { dataSource: DataSource; codec: InboxCodec }) {
  const { codec } = deps;
  return {
    /**
     * Inserts the deliveries in one statement (one commit), each unless its event is already in the
     * inbox; says for each, in order, whether it was inserted. Of several copies of one event in the
     * same call, the first counts as inserted and the others as duplicates.
     */
    async insertMany(deliveries: readonly CalDelivery[]): Promise<boolean[]> {
      const firstOfEach = new Map<string, number>();
      deliveries.forEach((delivery, index) => {
        if (!firstOfEach.has(delivery.deliveryId)) firstOfEach.set(delivery.deliveryId, index);
      });
      const unique = [...firstOfEach.values()].map((index) => deliveries[index]!);
      // unnest: one parameter per column whatever the group's size (a VALUES list would need four per row).
      const rows: Array<{ delivery_id: string }> = await deps.dataSource.query(
        `INSERT INTO webhook_inbox (delivery_id, workflow_id, trigger_event, delivery)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
         ON CONFLICT (delivery_id) DO NOTHING
         RETURNING delivery_id`,
        [
          unique.map((delivery) => delivery.deliveryId),
          unique.map((delivery) => calDeliveryWorkflowId(delivery)),
          unique.map((delivery) => delivery.triggerEvent),
          unique.map((delivery) => codec.encode(delivery)),
        ],
      );
      const inserted = new Set(rows.map((row) => row.delivery_id));
      return deliveries.map(
        (delivery, index) => firstOfEach.get(delivery.deliveryId) === index && inserted.has(delivery.deliveryId),
      );
    },

    /**
     * Wakes the relays. Deliberately its own statement, not part of the insert: Postgres lets only one
     * notifying transaction commit at a time, which capped inserts at a fifth of the plain rate (bench).
     */
    async notifyRelay(): Promise<void> {
      await deps.dataSource.query(`SELECT pg_notify('${INBOX_CHANNEL}', '')`);
    },

    /**
     * Locks up to `limit` pending rows for this transaction; other relays skip them. Rows that failed
     * before come last, so one that can never be started (e.g. sealed under a key no longer
     * configured) cannot hold up the others; rows that cannot be opened are returned apart.
     */
    async claimPending(
      manager: EntityManager,
      limit: number,
    ): Promise<{ pending: PendingDelivery[]; unreadable: string[] }> {
      const rows: Array<{ id: string; delivery: string }> = await manager.query(
        `SELECT id, delivery FROM webhook_inbox WHERE relayed_at IS NULL ORDER BY relay_attempts, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      const pending: PendingDelivery[] = [];
      const unreadable: string[] = [];
      for (const row of rows) {
        try {
          pending.push({ id: row.id, delivery: codec.decode(row.delivery) });
        } catch {
          unreadable.push(row.id);
        }
      }
      return { pending, unreadable };
    },

    async markRelayed(manager: EntityManager, ids: string[]): Promise<void> {
      if (ids.length > 0)
        await manager.query("UPDATE webhook_inbox SET relayed_at = now() WHERE id = ANY($1::bigint[])", [ids]);
    },

    async markFailed(manager: EntityManager, ids: string[], error: string): Promise<void> {
      if (ids.length === 0) return;
      await manager.query(
        "UPDATE webhook_inbox SET relay_attempts = relay_attempts + 1, last_relay_error = $2 WHERE id = ANY($1::bigint[])",
        [ids, error.slice(0, 500)],
      );
    },

    async pendingCount(): Promise<number> {
      const [row] = await deps.dataSource.query(
        "SELECT count(*)::int AS n FROM webhook_inbox WHERE relayed_at IS NULL",
      );
      return row.n;
    },

    async deleteRelayedBefore(cutoff: Date): Promise<number> {
      const [, count] = await deps.dataSource.query("DELETE FROM webhook_inbox WHERE relayed_at < $1", [cutoff]);
      return Number(count ?? 0);
    },
  };
}

export type InboxStore = ReturnType<typeof createInboxStore>;
