export { settingsSchema, CAL_NO_SECRET_SENTINEL, type Settings } from './settings.schema.js';
export { loadSettings, requireSetting, SettingsError } from './load-settings.js';
