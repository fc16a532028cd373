// `npm run db:migrate` (and the compose stack's one-shot migration job): applies pending migrations
// under the advisory lock and exits; the api and worker would also apply them at start.
import { databaseUrlFor, loadSettings } from "@churchhub/settings";
import { createDataSource } from "./create-data-source.js";
import { runMigrations } from "./run-migrations.js";

const settings = loadSettings();
const dataSource = createDataSource({
  url: databaseUrlFor(settings),
  poolSize: 2,
  applicationName: "churchhub-migrate",
});
await dataSource.initialize();
try {
  const applied = await runMigrations(dataSource);
  console.log(applied.length > 0 ? `Applied: ${applied.join(", ")}` : "Schema is up to date.");
} finally {
  await dataSource.destroy();
}
