// `npm run access-log:verify`: walks the staff access log's hash chain from the first entry and says
// whether it is intact; if not, names the first entry that does not hold (exit code 1).
import { createProtectorFromSettings } from "@churchhub/field-encryption";
import { databaseUrlFor, loadSettings, SettingsError } from "@churchhub/settings";
import pg from "pg";
import { createStaffAccessLog } from "./staff-access-log.js";

try {
  const settings = loadSettings();
  const pool = new pg.Pool({ connectionString: databaseUrlFor(settings), max: 1 });
  try {
    const log = createStaffAccessLog({
      pool,
      protector: createProtectorFromSettings(settings),
      clock: () => new Date(),
    });
    const verdict = await log.verify();
    if (verdict.intact) {
      console.log(`Access log intact: ${verdict.entries} entries, every hash holds.`);
    } else {
      console.error(
        `Access log BROKEN at entry ${verdict.firstBroken.sequence}: ${verdict.firstBroken.reason}. The ${verdict.entries} entries before it verify.`,
      );
      process.exitCode = 1;
    }
  } finally {
    await pool.end();
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = error instanceof SettingsError ? 2 : 3;
}
