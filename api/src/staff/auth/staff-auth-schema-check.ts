// What Better Auth would still create or add in a database for the staff area's configuration: nothing,
// when our migrations are complete. Better Auth's own schema check, so a plugin or a renamed table that
// our migration misses is named (used by the integration tests; cheap enough for a readiness probe).
import { getMigrations } from "better-auth/db/migration";
import type pg from "pg";
import { createStaffAuth } from "./create-staff-auth.js";

export interface StaffAuthSchemaGaps {
  tablesToCreate: string[];
  columnsToAdd: Array<{ table: string; fields: string[] }>;
}

export async function findStaffAuthSchemaGaps(pool: pg.Pool): Promise<StaffAuthSchemaGaps> {
  // The settings that shape the schema are the plugins and table names, fixed in createStaffAuth; the
  // values below only satisfy its options.
  const auth = createStaffAuth({
    pool,
    secret: "a-schema-check-secret-of-32-characters",
    publicUrl: "http://localhost:3000",
    deliverSignInLink: async () => undefined,
    sessionHours: 12,
    signInLinkMinutes: 15,
    signInAttemptsPerMinute: 5,
    secureCookies: false,
    trustedProxies: ["127.0.0.1"],
    churchName: "Schema check",
  });
  const { toBeCreated, toBeAdded } = await getMigrations(auth.options);
  return {
    tablesToCreate: toBeCreated.map((table) => table.table),
    columnsToAdd: toBeAdded.map((table) => ({ table: table.table, fields: Object.keys(table.fields) })),
  };
}
