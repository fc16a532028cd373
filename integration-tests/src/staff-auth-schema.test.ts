// Our migration creates what Better Auth needs: after migrating, Better Auth's own schema check finds no
// table or column missing for the configuration the api runs with (plugins and renamed tables included).
import pg from "pg";
import { expect, inject, it } from "vitest";
import { findStaffAuthSchemaGaps } from "@churchhub/api";

it("leaves Better Auth nothing to create or add after our migrations", async () => {
  const pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 2 });
  try {
    expect(await findStaffAuthSchemaGaps(pool)).toEqual({ tablesToCreate: [], columnsToAdd: [] });
  } finally {
    await pool.end();
  }
});
