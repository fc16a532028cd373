// Prints the SQL that would bring the database at DATABASE_URL in line with the entities: the starting
// point for a new migration (`npm run db:diff`). It never applies anything.
import { createDataSource } from "./create-data-source.js";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL to a migrated database (for example the one `npm run dev` prints).");
  process.exit(2);
}
const dataSource = createDataSource({ url, poolSize: 2 });
await dataSource.initialize();
const sql = await dataSource.driver.createSchemaBuilder().log();
for (const query of sql.upQueries) console.log(`${query.query};`);
if (sql.upQueries.length === 0) console.log("-- entities and schema agree");
await dataSource.destroy();
