// Where the embedded development Postgres that `npm run dev` starts can be reached. Local-only
// credentials: it listens on 127.0.0.1 and never leaves this machine. Commands (API keys, key
// rotation) fall back to it in development so they work beside `npm run dev` without setup.
import { requireSetting } from "./load-settings.js";
import type { Settings } from "./settings.schema.js";

export const LOCAL_DATABASE_USER = "postgres";
export const LOCAL_DATABASE_PASSWORD = "churchhub-local";
const LOCAL_DATABASE_NAME = "churchhub";

export function localDatabaseUrl(port: number, database = LOCAL_DATABASE_NAME): string {
  return `postgres://${LOCAL_DATABASE_USER}:${LOCAL_DATABASE_PASSWORD}@127.0.0.1:${port}/${database}`;
}

/** A database URL fit for a log line or an error message: the password replaced by ***. */
export function withoutPassword(databaseUrl: string): string {
  return databaseUrl.replace(/:[^:@/]+@/, ":***@");
}

export function databaseUrlFor(settings: Settings): string {
  if (settings.DATABASE_URL || settings.NODE_ENV === "production") return requireSetting(settings, "DATABASE_URL");
  return localDatabaseUrl(settings.EMBEDDED_POSTGRES_PORT);
}
