export * from "./entities/index.js";
export { createDataSource, entities } from "./create-data-source.js";
export { runMigrations } from "./run-migrations.js";
export { DataSource } from "typeorm";
export {
  createManagedUserTokenStore,
  hashAccessToken,
  type ManagedUserTokenStore,
  type StoredManagedUserTokens,
} from "./repositories/managed-user-token-store.js";
export { createBookingReader, type BookingReader } from "./repositories/booking-reader.js";
export { ENCRYPTED_COLUMNS } from "./encryption/encrypted-columns.js";
export { countValuesNotUnderActiveKey, reencryptPersonalData } from "./encryption/reencrypt-personal-data.js";
export { createApiKeyStore, ROLES, type ApiKeyStore, type Principal, type Role } from "./repositories/api-key-store.js";
export {
  createCalConnectionStore,
  type CalConnection,
  type CalConnectionStore,
  type ConnectionStatus,
  type ConnectionWebhookStatus,
} from "./repositories/cal-connection-store.js";
export {
  createConnectLinkStore,
  type AttemptRefusal,
  type ConnectLink,
  type ConnectLinkStore,
} from "./repositories/connect-link-store.js";
export * from "./repositories/questionnaires/index.js";
export * from "./repositories/private-bookings/index.js";
export {
  createNoteKeystore,
  ensureNoteKeystoreSchema,
  NoteKeystoreError,
  type NoteKeystore,
} from "./secure-notes/note-keystore.js";
export {
  createSecureNoteStore,
  SecureNoteUnreadableError,
  type NoteDestroyedReason,
  type SecureNoteStore,
  type SecureNoteSummary,
  type SecureNoteVersion,
} from "./secure-notes/secure-note-store.js";
export { openNoteText, sealNoteText } from "./secure-notes/note-cipher.js";
export { openSecureNotes } from "./secure-notes/open-secure-notes.js";
