// Runs pending migrations under a Postgres advisory lock, so the api, the worker and a migration job
// starting together never apply the same migration twice.
import type { DataSource } from "typeorm";

/** Arbitrary but fixed: identifies "ChurchHub schema migration" among advisory locks. */
const MIGRATION_LOCK_KEY = 727_001;

export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: "each" });
    return applied.map((migration) => migration.name);
  } finally {
    await runner.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}
