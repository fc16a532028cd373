// Makes "activities in flight" certain rather than likely: holds a row lock on one organizer's users row,
// so the worker's organizer upsert in applyCalDelivery (and the booking inserts that reference that
// user) wait on it inside their activity. Killing the worker then is killing it mid-activity; releasing the lock lets the
// orphaned statements finish (or not) behind the dead worker's back, as in a real crash.
import type { DataSource } from "@churchhub/database";

export interface HeldOrganizerRow {
  /** Resolves with how many worker statements are waiting on the lock, once at least `atLeast` are. */
  blockedActivities(atLeast: number, timeoutMs: number): Promise<number>;
  release(): Promise<void>;
}

async function poll<T>(what: string, timeoutMs: number, read: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what} within ${timeoutMs} ms`);
}

export async function holdOrganizerRow(
  dataSource: DataSource,
  calUserId: number,
  timeoutMs: number,
): Promise<HeldOrganizerRow> {
  // The stream creates the organizer; wait for its row before locking it.
  await poll(`organizer ${calUserId} was not persisted`, timeoutMs, async () => {
    const rows: unknown[] = await dataSource.query("SELECT 1 FROM users WHERE cal_user_id = $1", [calUserId]);
    return rows.length > 0 ? true : undefined;
  });
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  await runner.query("SELECT id FROM users WHERE cal_user_id = $1 FOR UPDATE", [calUserId]);
  return {
    blockedActivities: (atLeast, waitMs) =>
      poll(`fewer than ${atLeast} worker statements were waiting on the lock`, waitMs, async () => {
        const [row] = await dataSource.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'churchhub-worker' AND wait_event_type = 'Lock'`,
        );
        return row.n >= atLeast ? (row.n as number) : undefined;
      }),
    async release() {
      await runner.rollbackTransaction();
      await runner.release();
    },
  };
}
