// `npm run data:reencrypt`: after adding a new key to DATA_ENCRYPTION_KEYS (last = active), rewrites
// every sealed value under it, and re-wraps the secure notes' keys in the note key store; then the old
// key can be removed from the configuration.
import { createProtectorFromSettings } from "@churchhub/field-encryption";
import { databaseUrlFor, loadSettings, optionalNoteKeystoreUrlFor } from "@churchhub/settings";
import { createDataSource } from "../create-data-source.js";
import { runMigrations } from "../run-migrations.js";
import { createNoteKeystore } from "../secure-notes/note-keystore.js";
import { countValuesNotUnderActiveKey, reencryptPersonalData } from "./reencrypt-personal-data.js";

const settings = loadSettings();
const protector = createProtectorFromSettings(settings);
const { cipher } = protector;
const databaseUrl = databaseUrlFor(settings);
const dataSource = createDataSource({
  url: databaseUrl,
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
  const noteKeystoreUrl = optionalNoteKeystoreUrlFor(settings, databaseUrl);
  if (noteKeystoreUrl) {
    const keystore = createNoteKeystore({
      url: noteKeystoreUrl,
      protector,
      notesDatabaseUrl: databaseUrl,
      createDatabase: settings.NODE_ENV !== "production",
    });
    try {
      console.log(`${await keystore.rewrap()} secure note keys re-wrapped under key "${cipher.activeKeyId}".`);
    } finally {
      await keystore.close();
    }
  }
  if (left > 0) process.exitCode = 1;
} finally {
  await dataSource.destroy();
}
