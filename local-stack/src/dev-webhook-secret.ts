// In development a webhook secret is generated once and kept in the data folder, so the Cal.com
// webhook you configured keeps working across restarts. Production must configure its own.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export async function loadOrCreateDevWebhookSecret(dataDir: string): Promise<{ secret: string; created: boolean }> {
  const file = path.join(dataDir, 'dev-webhook-secret');
  if (existsSync(file)) return { secret: (await readFile(file, 'utf8')).trim(), created: false };
  const secret = randomBytes(32).toString('hex');
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return { secret, created: true };
}
