// Asks Postgres whether the worker's inbox relay is LISTENing again: its LISTEN runs on a connection of
// its own, which a Postgres restart breaks; without it new deliveries wait for the relay's poll.
import type { DataSource } from "@churchhub/database";
import { INBOX_CHANNEL } from "@churchhub/delivery-inbox";

/** Resolves with how long it took until a backend is listening on the inbox channel; rejects at the deadline. */
export async function waitForRelayListening(dataSource: DataSource, timeoutMs: number): Promise<number> {
  const started = Date.now();
  let lastError = "no listener";
  while (Date.now() - started < timeoutMs) {
    try {
      // A listening connection runs nothing else, so its last statement stays the LISTEN.
      const [row] = await dataSource.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE query = $1", [
        `LISTEN ${INBOX_CHANNEL}`,
      ]);
      if (row.n > 0) return Date.now() - started;
    } catch (error) {
      lastError = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the inbox relay was not listening on "${INBOX_CHANNEL}" within ${timeoutMs} ms (${lastError})`);
}
