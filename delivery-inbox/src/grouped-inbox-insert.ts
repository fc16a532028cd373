// Group commit for the inbox: the inserts of concurrent webhook requests share one statement and one
// commit. Under load the api's time in Postgres went to waiting for the WAL flush of each request's own
// commit (bench: two thirds of it in LWLock:WALWrite); one flush for a group costs about what one costs
// for a single row. When idle a request's insert starts at once, so it waits for nobody.
import type { CalDelivery } from "@churchhub/contracts";

export interface GroupedInboxInsert {
  /** Resolves once the delivery's row is committed (or found to be there already); rejects if its group failed. */
  insert(delivery: CalDelivery): Promise<{ inserted: boolean }>;
}

export interface GroupedInboxInsertOptions {
  /** One statement, one commit: says for each delivery, in order, whether it was inserted. */
  insertMany(deliveries: readonly CalDelivery[]): Promise<boolean[]>;
  /** Largest group in one statement (bounds the statement's size and the time one commit holds). */
  maxGroupSize: number;
}

interface Waiter {
  delivery: CalDelivery;
  resolve(outcome: { inserted: boolean }): void;
  reject(error: unknown): void;
}

/**
 * One commit in flight at a time: requests arriving meanwhile wait and go together in the next one.
 * The group grows with the load by itself, with no timer to tune. A failed statement rejects every
 * request of its group (each then answers or falls back on its own); the next group is tried afresh.
 */
export function createGroupedInboxInsert(options: GroupedInboxInsertOptions): GroupedInboxInsert {
  let waiting: Waiter[] = [];
  let committing = false;

  async function commitWhileWaiting(): Promise<void> {
    committing = true;
    while (waiting.length > 0) {
      const group = waiting.slice(0, options.maxGroupSize);
      waiting = waiting.slice(group.length);
      try {
        const inserted = await options.insertMany(group.map((waiter) => waiter.delivery));
        for (const [index, waiter] of group.entries()) waiter.resolve({ inserted: inserted[index]! });
      } catch (error) {
        for (const waiter of group) waiter.reject(error);
      }
    }
    committing = false;
  }

  return {
    insert(delivery) {
      return new Promise((resolve, reject) => {
        waiting.push({ delivery, resolve, reject });
        if (!committing) void commitWhileWaiting();
      });
    },
  };
}
