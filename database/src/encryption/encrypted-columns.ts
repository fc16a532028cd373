// Every column that holds sealed personal data or secrets, with the purpose its values are bound to.
// The writers (activities, token store, inbox) and the re-encryption command both follow this list.
export interface EncryptedColumn {
  table: string;
  column: string;
  /** Associated data the value was sealed with; a value moved elsewhere fails to decrypt. */
  purpose: string;
  primaryKey: string;
  /** A column recording the key id, kept in step when the value is re-encrypted. */
  keyIdColumn?: string;
}

const bookings = [
  "title",
  "description",
  "location",
  "attendees",
  "responses",
  "metadata",
  "payload",
  "rescheduled_by",
  "cancellation_reason",
  "cancelled_by",
  "rejection_reason",
];

export const ENCRYPTED_COLUMNS: EncryptedColumn[] = [
  ...bookings.map((column) => ({ table: "bookings", column, purpose: `bookings.${column}`, primaryKey: "id" })),
  { table: "users", column: "name", purpose: "users.name", primaryKey: "id" },
  { table: "users", column: "email", purpose: "users.email", primaryKey: "id" },
  { table: "audit_logs", column: "payload", purpose: "audit_logs.payload", primaryKey: "id" },
  // A questionnaire response's answers are sealed under a data key of its own; rotation re-wraps that key.
  {
    table: "questionnaire_responses",
    column: "data_key_wrapped",
    purpose: "questionnaire_responses.data_key",
    primaryKey: "id",
  },
  { table: "context_summaries", column: "summary", purpose: "context_summaries.summary", primaryKey: "id" },
  {
    table: "private_booking_intents",
    column: "details_encrypted",
    purpose: "private_booking_intents.details",
    primaryKey: "id",
  },
  { table: "webhook_inbox", column: "delivery", purpose: "webhook_inbox.delivery", primaryKey: "id" },
  {
    table: "managed_user_tokens",
    column: "access_token_encrypted",
    purpose: "managed_user_tokens.access_token",
    primaryKey: "cal_user_id",
    keyIdColumn: "key_id",
  },
  {
    table: "managed_user_tokens",
    column: "refresh_token_encrypted",
    purpose: "managed_user_tokens.refresh_token",
    primaryKey: "cal_user_id",
    keyIdColumn: "key_id",
  },
  {
    table: "cal_connections",
    column: "access_token_encrypted",
    purpose: "cal_connections.access_token",
    primaryKey: "id",
    keyIdColumn: "key_id",
  },
  {
    table: "cal_connections",
    column: "refresh_token_encrypted",
    purpose: "cal_connections.refresh_token",
    primaryKey: "id",
    keyIdColumn: "key_id",
  },
  {
    table: "cal_connections",
    column: "webhook_secret_encrypted",
    purpose: "cal_connections.webhook_secret",
    primaryKey: "id",
    keyIdColumn: "key_id",
  },
  {
    table: "cal_connect_links",
    column: "host_label_encrypted",
    purpose: "cal_connect_links.host_label",
    primaryKey: "id",
  },
  {
    table: "cal_connect_attempts",
    column: "code_verifier_encrypted",
    purpose: "cal_connect_attempts.code_verifier",
    primaryKey: "id",
  },
  {
    table: "cal_connect_attempts",
    column: "authorization_code_encrypted",
    purpose: "cal_connect_attempts.authorization_code",
    primaryKey: "id",
  },
  // The staff access log is append-only, but its trigger lets this one column be rewritten (its hash
  // covers the address's blind index, not the ciphertext).
  {
    table: "staff_access_log",
    column: "client_address_encrypted",
    purpose: "staff_access_log.client_address",
    primaryKey: "sequence",
  },
];
