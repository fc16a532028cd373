export { settingsSchema, CAL_NO_SECRET_SENTINEL, DEFAULT_OAUTH2_SCOPES, type Settings } from "./settings.schema.js";
export { calOAuth2ClientSettings, type CalOAuth2ClientSettings } from "./cal-oauth2-client-settings.js";
export { loadSettings, requireSetting, SettingsError } from "./load-settings.js";
export {
  databaseUrlFor,
  localDatabaseUrl,
  withoutPassword,
  LOCAL_DATABASE_PASSWORD,
  LOCAL_DATABASE_USER,
} from "./local-database-url.js";
export { calPlatformClient, type CalPlatformClient } from "./cal-platform-client.js";
export { noteKeystoreUrlFor, optionalNoteKeystoreUrlFor } from "./note-keystore-url.js";
