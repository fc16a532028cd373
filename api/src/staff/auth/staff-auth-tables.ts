// Where Better Auth keeps the staff area's people, sessions and passkeys in our Postgres: its models
// renamed to staff_* tables with snake_case columns, so they sit beside our own tables without clashing
// with `users` (the Cal.com hosts) and read like the rest of the schema. The migration creates exactly
// these; staff-auth-schema.test.ts asks Better Auth whether anything is missing.

export const STAFF_TABLES = {
  user: "staff_users",
  session: "staff_sessions",
  account: "staff_accounts",
  verification: "staff_verifications",
  passkey: "staff_passkeys",
  rateLimit: "staff_rate_limits",
} as const;

export const staffUserFields = {
  emailVerified: "email_verified",
  createdAt: "created_at",
  updatedAt: "updated_at",
} as const;

/** Columns the admin plugin adds to the user model (role, deactivation as a ban). */
export const staffUserAdminFields = {
  banReason: "ban_reason",
  banExpires: "ban_expires",
} as const;

/** The column the admin plugin adds to sessions (impersonation stays unused: its routes are closed). */
export const staffSessionAdminFields = {
  impersonatedBy: "impersonated_by",
} as const;

export const staffSessionFields = {
  expiresAt: "expires_at",
  createdAt: "created_at",
  updatedAt: "updated_at",
  ipAddress: "ip_address",
  userAgent: "user_agent",
  userId: "user_id",
} as const;

export const staffAccountFields = {
  accountId: "account_id",
  providerId: "provider_id",
  userId: "user_id",
  accessToken: "access_token",
  refreshToken: "refresh_token",
  idToken: "id_token",
  accessTokenExpiresAt: "access_token_expires_at",
  refreshTokenExpiresAt: "refresh_token_expires_at",
  createdAt: "created_at",
  updatedAt: "updated_at",
} as const;

export const staffVerificationFields = {
  expiresAt: "expires_at",
  createdAt: "created_at",
  updatedAt: "updated_at",
} as const;

export const staffPasskeyFields = {
  publicKey: "public_key",
  userId: "user_id",
  credentialID: "credential_id",
  deviceType: "device_type",
  backedUp: "backed_up",
  createdAt: "created_at",
} as const;

export const staffRateLimitFields = {
  lastRequest: "last_request",
} as const;
