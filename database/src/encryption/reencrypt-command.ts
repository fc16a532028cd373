// `npm run data:reencrypt`: after adding a new key to DATA_ENCRYPTION_KEYS (last = active), rewrites
// every sealed value under it; then the old key can be removed from the configuration.
import { createProtectorFromSettings } from "@churchhub/field-encryption";
import { databaseUrlFor, loadSettings } from "@churchhub/settings";
import { createDataSource } from "../create-data-source.js";
import { runMigrations } from "../run-migrations.js";
import { countValuesNotUnderActiveKey, reencryptPersonalData } from "./reencrypt-personal-data.js";

const settings = loadSettings();
const { cipher } = createProtectorFromSettings(settings);
const dataSource = createDataSource({
  url: databaseUrlFor(settings),
  poolSize: 2,
  applicationName: "churchhub-reencrypt",
});
await dataSource.initialize();
try {
  await runMigrations(dataSource);
  const report = await reencryptPersonalData(dataSource, cipher);
  for (const [column, count] of Object.entries(report.rewritten))
    if (count > 0) console.log(`${column}: ${count} re-encrypted`);
  const left = await countValuesNotUnderActiveKey(dataSource, cipher);
  console.log(`${report.total} values re-encrypted under key "${cipher.activeKeyId}"; ${left} left under other keys.`);
  if (left > 0) process.exitCode = 1;
} finally {
  await dataSource.destroy();
}
