// Our migration creates what Better Auth needs: after migrating, Better Auth's own schema check finds no
// table or column missing for the configuration the api runs with (plugins and renamed tables included).
import { getMigrations } from "better-auth/db/migration";
import pg from "pg";
import { expect, inject, it } from "vitest";
import { createStaffAuth } from "./create-staff-auth.js";

it("leaves Better Auth nothing to create or add after our migrations", async () => {
  const pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 2 });
  try {
    const auth = createStaffAuth({
      pool,
      secret: "a-test-secret-of-at-least-32-characters",
      publicUrl: "http://localhost:3000",
      deliverSignInLink: async () => undefined,
      sessionHours: 12,
      signInLinkMinutes: 15,
      signInAttemptsPerMinute: 5,
      secureCookies: false,
      trustedProxies: ["127.0.0.1"],
      churchName: "Test church",
    });
    const { toBeCreated, toBeAdded } = await getMigrations(auth.options);
    expect(toBeCreated.map((table) => table.table)).toEqual([]);
    expect(toBeAdded.map((table) => ({ table: table.table, fields: Object.keys(table.fields) }))).toEqual([]);
  } finally {
    await pool.end();
  }
});
