// The migrations are the schema: after running them, TypeORM must find nothing to change in the
// entities' tables (a drift here means an entity changed without a migration); and several processes
// migrating one fresh database at once apply each migration once (the advisory lock). Tables without an
// entity are deliberately outside the comparison: the Cal.com connection tables, the questionnaire tables
// (written by SQL only, database/src/repositories/questionnaires/) and the staff area's
// (Better Auth owns staff_users/sessions/…; api/src/staff/auth/staff-auth-schema.test.ts checks those
// against Better Auth's own schema, and the access log is written by SQL only).
import { randomBytes } from "node:crypto";
import pg from "pg";
import { expect, inject, it } from "vitest";
import { createDataSource } from "./create-data-source.js";
import { migrations } from "./migrations/index.js";
import { runMigrations } from "./run-migrations.js";

const migrationCount = migrations.length;

it("leaves no difference between the migrated schema and the entities", async () => {
  const dataSource = createDataSource({ url: inject("databaseUrl"), poolSize: 2 });
  await dataSource.initialize();
  try {
    expect(await runMigrations(dataSource)).toEqual([]);
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  } finally {
    await dataSource.destroy();
  }
});

it("runs concurrently from several processes on a fresh database, applying each migration exactly once", async () => {
  // A database of its own with nothing applied yet, so the three runners really contend for the lock.
  const scratch = await createEmptyDatabase("migration_lock");
  const sources = [1, 2, 3].map(() => createDataSource({ url: scratch.url, poolSize: 2 }));
  try {
    await Promise.all(sources.map((source) => source.initialize()));
    const applied = (await Promise.all(sources.map((source) => runMigrations(source)))).flat();
    expect(applied).toHaveLength(migrationCount);
    expect(new Set(applied).size).toBe(migrationCount);
    const [row] = await sources[0]!.query("SELECT count(*)::int AS n FROM migrations");
    expect(row.n).toBe(migrationCount);
  } finally {
    await Promise.all(sources.filter((source) => source.isInitialized).map((source) => source.destroy()));
    await scratch.drop();
  }
});

/** An empty database beside the test database (same server and credentials), dropped by `drop`. */
async function createEmptyDatabase(prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const base = inject("databaseUrl");
  const name = `${prefix}_${randomBytes(4).toString("hex")}`;
  const onServer = async (sql: string) => {
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    try {
      await admin.query(sql.replace("$name", admin.escapeIdentifier(name)));
    } finally {
      await admin.end();
    }
  };
  await onServer("CREATE DATABASE $name");
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => onServer("DROP DATABASE IF EXISTS $name WITH (FORCE)") };
}
