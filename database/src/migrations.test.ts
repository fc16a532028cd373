// The migrations are the schema: after running them, TypeORM must find nothing to change in the
// entities' tables (a drift here means an entity changed without a migration). Tables without an entity
// are deliberately outside this comparison: the Cal.com connection tables and the staff area's
// (Better Auth owns staff_users/sessions/…; api/src/staff/auth/staff-auth-schema.test.ts checks those
// against Better Auth's own schema, and the access log is written by SQL only).
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

it("runs concurrently from several processes without applying anything twice", async () => {
  const sources = [1, 2, 3].map(() => createDataSource({ url: inject("databaseUrl"), poolSize: 2 }));
  await Promise.all(sources.map((source) => source.initialize()));
  try {
    const applied = await Promise.all(sources.map((source) => runMigrations(source)));
    expect(applied.flat()).toEqual([]);
    const [row] = await sources[0]!.query("SELECT count(*)::int AS n FROM migrations");
    expect(row.n).toBe(migrationCount);
  } finally {
    await Promise.all(sources.map((source) => source.destroy()));
  }
});
