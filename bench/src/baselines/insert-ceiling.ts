// Baseline 2: the durable-insert ceiling of this Postgres. Several clients each run single-row INSERTs
// (autocommit, so one commit and one WAL flush each, group commit permitting) into a table shaped like
// our inbox, with a body of a realistic size, for a few seconds; inserts per second. A second variant
// adds pg_notify to the same statement, as our inbox insert did before the relay's wake-ups became a
// separate, coalesced statement, with a session LISTENing as our relay does: it shows what that design
// cost (Postgres serialises the commits of notifying transactions).
import pg from "pg";

export interface InsertCeilingResult {
  clients: number;
  withNotify: boolean;
  seconds: number;
  /** Size of each row's body column. */
  bodyBytes: number;
  inserts: number;
  insertsPerSecond: number;
}

const TABLE_DDL = `CREATE TABLE IF NOT EXISTS bench_inbox (
  id bigserial PRIMARY KEY,
  delivery_id text NOT NULL UNIQUE,
  workflow_id text NOT NULL,
  trigger_event text NOT NULL,
  delivery text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  relayed_at timestamptz)`;

const PLAIN_INSERT =
  "INSERT INTO bench_inbox (delivery_id, workflow_id, trigger_event, delivery) VALUES ($1, $2, $3, $4)";
const NOTIFY_INSERT = `WITH inserted AS (${PLAIN_INSERT} RETURNING id) SELECT pg_notify('bench_inbox', '') FROM inserted`;

export async function measureInsertCeiling(options: {
  databaseUrl: string;
  clients: number;
  seconds: number;
  body: string;
  withNotify?: boolean;
}): Promise<InsertCeilingResult> {
  const clients = await Promise.all(
    Array.from({ length: options.clients }, async () => {
      const client = new pg.Client({ connectionString: options.databaseUrl });
      await client.connect();
      return client;
    }),
  );
  await clients[0]!.query(TABLE_DDL);
  const listener = options.withNotify ? new pg.Client({ connectionString: options.databaseUrl }) : undefined;
  if (listener) {
    await listener.connect();
    await listener.query("LISTEN bench_inbox");
  }
  const sql = options.withNotify ? NOTIFY_INSERT : PLAIN_INSERT;
  const deadline = Date.now() + options.seconds * 1000;
  let sequence = 0;
  const started = performance.now();
  const counts = await Promise.all(
    clients.map(async (client, lane) => {
      let inserted = 0;
      while (Date.now() < deadline) {
        const id = `${process.pid}-${lane}-${sequence++}-${options.withNotify ? "n" : "p"}-${options.clients}`;
        await client.query(sql, [id, `wf-${id}`, "BOOKING_CREATED", options.body]);
        inserted++;
      }
      return inserted;
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  await Promise.all([...clients, ...(listener ? [listener] : [])].map((client) => client.end()));
  const inserts = counts.reduce((sum, count) => sum + count, 0);
  return {
    clients: options.clients,
    withNotify: Boolean(options.withNotify),
    bodyBytes: Buffer.byteLength(options.body),
    seconds: Math.round(elapsed * 10) / 10,
    inserts,
    insertsPerSecond: Math.round(inserts / elapsed),
  };
}
