// In development, secrets are generated once and kept in the data folder, so what you configured
// against them (a Cal.com webhook, the web server) keeps working across restarts. Production must
// configure its own; these files never leave the machine (DATA_DIR is git-ignored).
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";

export async function loadOrCreateDevSecret(
  dataDir: string,
  name: string,
): Promise<{ secret: string; file: string; created: boolean }> {
  const file = path.join(dataDir, name);
  if (existsSync(file)) return { secret: (await readFile(file, "utf8")).trim(), file, created: false };
  const secret = randomBytes(32).toString("hex");
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return { secret, file, created: true };
}
