// Public surface of the Cal.com API v2 emulator: the factory, its options and hooks, and the schemas
// that pin Cal.com's shapes (shared with the contract tests and with anyone checking a response).
export {
  createCalEmulator,
  type CalEmulator,
  type CalEmulatorOptions,
  type RunningCalEmulator,
} from "./create-cal-emulator.js";
export type { EmulatorHooks } from "./emulator-hooks.js";
export { loadFixtures, parseFixtures, SANDBOX_FIXTURES_PATH } from "./fixtures.js";
export type { Fixtures } from "./schemas/fixtures.schema.js";
export type { EmulatorState } from "./state.js";
export {
  signWebhookBody,
  NO_SECRET_SIGNATURE,
  type FetchLike,
  type WebhookDelivery,
  type WebhookTarget,
} from "./webhook-sender.js";
export type { PlatformWebhookOutput } from "./platform-webhooks.js";
export { BOOKING_WEBHOOK_TRIGGERS, type BookingWebhookTrigger } from "./webhook-payload.js";
export { CORS_ALLOWED_HEADERS, CORS_ALLOWED_METHODS } from "./http/cors.js";
export * from "./schemas/envelope.schema.js";
export * from "./schemas/managed-user.schema.js";
export * from "./schemas/me.schema.js";
export * from "./schemas/event-type.schema.js";
export * from "./schemas/slots.schema.js";
export * from "./schemas/booking-inputs.schema.js";
export * from "./schemas/booking-outputs.schema.js";
export * from "./schemas/webhook.schema.js";
export * from "./schemas/user-webhook.schema.js";
export * from "./schemas/oauth2.schema.js";
export {
  s256CodeChallenge,
  ACCESS_TOKEN_SECONDS,
  REFRESH_TOKEN_SECONDS,
  AUTHORIZATION_CODE_SECONDS,
  type OAuth2TokenResponse,
} from "./oauth2/oauth2-grants.js";
export { USER_SCOPES, type UserScope } from "./oauth2/oauth2-scopes.js";
export { MAX_REDIRECT_URIS, withRedirectUri } from "./oauth2/redirect-uris.js";
