// Samples what one application's Postgres sessions are doing (pg_stat_activity, every few ms) and
// tallies it: on CPU, waiting for a lock (and which kind), for the WAL flush, for the client, …
// A poor man's wait-event profile that needs no extension.
import type pg from "pg";

export interface WaitProfile {
  samples: number;
  /** Share of active-session samples per state, e.g. {"Lock:object": 0.62, "IO:WalSync": 0.2, "CPU": 0.1}. */
  activeShares: Record<string, number>;
  /** Average number of sessions running a statement. */
  averageActive: number;
}

export function sampleWaits(pool: pg.Pool, applicationName: string, intervalMs = 25) {
  const tally = new Map<string, number>();
  let samples = 0;
  let active = 0;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const { rows } = await pool.query<{ wait: string }>(
        `SELECT coalesce(wait_event_type || ':' || wait_event, 'CPU') AS wait
         FROM pg_stat_activity WHERE application_name = $1 AND state = 'active'`,
        [applicationName],
      );
      samples++;
      for (const row of rows) {
        active++;
        tally.set(row.wait, (tally.get(row.wait) ?? 0) + 1);
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return async (): Promise<WaitProfile> => {
    stopped = true;
    await loop;
    const shares = [...tally.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([wait, count]) => [wait, Math.round((count / Math.max(active, 1)) * 100) / 100]);
    return {
      samples,
      activeShares: Object.fromEntries(shares),
      averageActive: Math.round((active / Math.max(samples, 1)) * 10) / 10,
    };
  };
}
