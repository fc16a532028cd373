// `npm run apikey:create -- --name "Pastor Anna" --role admin`: creates an API key and prints it once.
// `npm run apikey:list`, `npm run apikey:revoke -- --id <uuid>`.
import { parseArgs } from "node:util";
import { databaseUrlFor, loadSettings } from "@churchhub/settings";
import { createDataSource } from "./create-data-source.js";
import { createApiKeyStore, ROLES, type Role } from "./repositories/api-key-store.js";
import { runMigrations } from "./run-migrations.js";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { name: { type: "string" }, role: { type: "string" }, id: { type: "string" } },
});
const command = positionals[0];
const settings = loadSettings();
const dataSource = createDataSource({
  url: databaseUrlFor(settings),
  poolSize: 2,
  applicationName: "churchhub-apikey",
});
await dataSource.initialize();
try {
  await runMigrations(dataSource);
  const store = createApiKeyStore({ dataSource });
  if (command === "create") {
    if (!values.name || !ROLES.includes(values.role as Role))
      throw new Error(`usage: create --name <who> --role ${ROLES.join("|")}`);
    const { id, key } = await store.create({ name: values.name, role: values.role as Role });
    console.log(`Created ${values.role} key ${id} for ${values.name}. Store it now; it is not shown again:\n${key}`);
  } else if (command === "list") {
    for (const key of await store.list())
      console.log(`${key.id}  ${key.role.padEnd(8)}  ${key.name}${key.revokedAt ? "  (revoked)" : ""}`);
  } else if (command === "revoke") {
    if (!values.id) throw new Error("usage: revoke --id <uuid>");
    console.log((await store.revoke(values.id)) ? "Revoked." : "No active key with that id.");
  } else {
    throw new Error("usage: create | list | revoke");
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 2;
} finally {
  await dataSource.destroy();
}
