// Reads and validates the environment once, listing every problem at start-up rather than the first.
import { DEFAULT_OAUTH2_SCOPES, settingsSchema, type Settings } from "./settings.schema.js";

const SCOPE_USES: Record<(typeof DEFAULT_OAUTH2_SCOPES)[number], string> = {
  BOOKING_READ: "reconciliation reads the host's bookings",
  PROFILE_READ: "connecting reads the account with /v2/me",
};

export class SettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "SettingsError";
  }
}

export function loadSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const parsed = settingsSchema.safeParse(env);
  if (!parsed.success) {
    throw new SettingsError(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  const settings = parsed.data;
  const problems: string[] = [];
  if (settings.NODE_ENV === "production") {
    // In production nothing is started for you: each dependency must be named explicitly.
    if (!settings.DATABASE_URL) problems.push("DATABASE_URL: required in production");
    if (!settings.TEMPORAL_ADDRESS) problems.push("TEMPORAL_ADDRESS: required in production");
    if (!settings.CAL_WEBHOOK_SECRET) problems.push("CAL_WEBHOOK_SECRET: required in production");
    if (!settings.DATA_ENCRYPTION_KEYS) problems.push("DATA_ENCRYPTION_KEYS: required in production");
    if (!settings.BLIND_INDEX_KEY) problems.push("BLIND_INDEX_KEY: required in production");
    if (!settings.WEB_SERVER_TOKEN) problems.push("WEB_SERVER_TOKEN: required in production");
    if (settings.STAFF_AUTH_SECRET && !settings.NOTE_KEYSTORE_URL)
      problems.push("NOTE_KEYSTORE_URL: required in production when the staff area is on (STAFF_AUTH_SECRET)");
    if (settings.CAL_OAUTH2_CLIENT_ID && !settings.CONNECT_STATE_KEY)
      problems.push("CONNECT_STATE_KEY: required in production when CAL_OAUTH2_CLIENT_ID is set");
  }
  if (Boolean(settings.CAL_OAUTH_CLIENT_ID) !== Boolean(settings.CAL_OAUTH_CLIENT_SECRET)) {
    problems.push("CAL_OAUTH_CLIENT_ID and CAL_OAUTH_CLIENT_SECRET: set both or neither");
  }
  if (settings.CAL_OAUTH2_CLIENT_SECRET && !settings.CAL_OAUTH2_CLIENT_ID)
    problems.push("CAL_OAUTH2_CLIENT_SECRET: set CAL_OAUTH2_CLIENT_ID too");
  if (settings.CAL_OAUTH2_CLIENT_TYPE === "confidential" && !settings.CAL_OAUTH2_CLIENT_SECRET)
    problems.push("CAL_OAUTH2_CLIENT_TYPE: confidential needs CAL_OAUTH2_CLIENT_SECRET");
  if (settings.CAL_OAUTH2_CLIENT_TYPE === "public" && settings.CAL_OAUTH2_CLIENT_SECRET)
    problems.push("CAL_OAUTH2_CLIENT_TYPE: a public client sends no secret; leave CAL_OAUTH2_CLIENT_SECRET empty");
  for (const needed of DEFAULT_OAUTH2_SCOPES)
    if (!settings.CAL_OAUTH2_SCOPES.includes(needed))
      problems.push(`CAL_OAUTH2_SCOPES: must include ${needed} (${SCOPE_USES[needed]})`);
  if (settings.CONNECT_STATE_KEY && Buffer.from(settings.CONNECT_STATE_KEY, "base64").length < 32)
    problems.push("CONNECT_STATE_KEY: must be at least 32 bytes, base64-encoded");
  if (problems.length > 0) throw new SettingsError(problems);
  return settings;
}

/** Narrows settings for a process that has been given its dependencies (api, worker). */
export function requireSetting<K extends keyof Settings>(settings: Settings, key: K): NonNullable<Settings[K]> {
  const value = settings[key];
  if (value === undefined || value === null) throw new SettingsError([`${String(key)}: required`]);
  return value as NonNullable<Settings[K]>;
}
