export * from "./entities/index.js";
export { createDataSource, entities, type DataSourceOptions } from "./create-data-source.js";
export { runMigrations } from "./run-migrations.js";
export { DataSource } from "typeorm";
export {
  createManagedUserTokenStore,
  hashAccessToken,
  type LockedTokenStore,
  type ManagedUserTokenStore,
  type StoredManagedUserTokens,
} from "./repositories/managed-user-token-store.js";
export {
  createBookingReader,
  type BookingReader,
  type DecryptedAuditEntry,
  type DecryptedBooking,
} from "./repositories/booking-reader.js";
export { ENCRYPTED_COLUMNS, type EncryptedColumn } from "./encryption/encrypted-columns.js";
export {
  countValuesNotUnderActiveKey,
  reencryptPersonalData,
  type ReencryptReport,
} from "./encryption/reencrypt-personal-data.js";
export {
  createApiKeyStore,
  hashApiKey,
  ROLES,
  type ApiKeyStore,
  type Principal,
  type Role,
} from "./repositories/api-key-store.js";
export {
  createCalConnectionStore,
  type CalConnection,
  type CalConnectionStore,
  type ConnectionStatus,
  type ConnectionWebhookStatus,
  type ConnectionTokens,
  type LockedConnection,
} from "./repositories/cal-connection-store.js";
export {
  createConnectLinkStore,
  type AttemptForExchange,
  type AttemptRefusal,
  type ConnectLink,
  type ConnectLinkStore,
} from "./repositories/connect-link-store.js";
