// Watches for booking rows by uid. Each poll asks for the outstanding uids; a row a poll returns was
// committed before that poll's snapshot, so the poll's send time is an upper bound on the commit time
// (off by at most one interval plus the query). Also reads created_at, the writing transaction's start:
// a lower bound. The two bracket the true delivery-to-commit time.
import type pg from "pg";

export interface SeenRow {
  /** Wall-clock ms of the poll that first saw the committed row. */
  seenAtEpochMs: number;
  /** bookings.created_at in wall-clock ms (transaction start of the write). */
  createdAtEpochMs: number;
}

export function watchBookingRows(pool: pg.Pool, intervalMs: number) {
  const outstanding = new Set<string>();
  const seen = new Map<string, SeenRow>();
  let stopped = false;
  let polls = 0;

  async function pollOnce(): Promise<void> {
    const uids = [...outstanding];
    for (let offset = 0; offset < uids.length; offset += 5_000) {
      const chunk = uids.slice(offset, offset + 5_000);
      const sentAt = Date.now();
      const { rows } = await pool.query<{ uid: string; created_ms: number }>(
        "SELECT uid, (extract(epoch FROM created_at) * 1000)::float8 AS created_ms FROM bookings WHERE uid = ANY($1::text[])",
        [chunk],
      );
      for (const row of rows) {
        outstanding.delete(row.uid);
        seen.set(row.uid, { seenAtEpochMs: sentAt, createdAtEpochMs: row.created_ms });
      }
    }
    polls++;
  }

  const loop = (async () => {
    while (!stopped) {
      const started = Date.now();
      if (outstanding.size > 0) await pollOnce();
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, intervalMs - (Date.now() - started))));
    }
  })();

  return {
    seen,
    expect(uid: string): void {
      if (!seen.has(uid)) outstanding.add(uid);
    },
    get outstanding(): number {
      return outstanding.size;
    },
    get polls(): number {
      return polls;
    },
    /** Resolves true once nothing is outstanding, false if the time runs out first. */
    async waitForAll(timeoutMs: number): Promise<boolean> {
      const deadline = Date.now() + timeoutMs;
      while (outstanding.size > 0 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, intervalMs));
      return outstanding.size === 0;
    },
    async stop(): Promise<void> {
      stopped = true;
      await loop;
    },
  };
}

export type BookingRowWatcher = ReturnType<typeof watchBookingRows>;
