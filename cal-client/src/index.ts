export {
  CAL_API_VERSIONS,
  createCalClient,
  type CalClient,
  type EventTypeChanges,
} from "./create-cal-client.js";
export {
  createCalOAuth2Client,
  type CalOAuth2Client,
  type CalOAuth2ClientOptions,
  type CalOAuth2ClientType,
  type CalOAuth2Credentials,
  type OAuth2Tokens,
} from "./oauth2-client.js";
export { CalApiError, kindForStatus } from "./cal-api-error.js";
export type {
  CalApiBooking,
  CalEventType,
  CalEventTypeBookingField,
  CalMe,
  CalOwnedEventType,
  CalPrivateLink,
  CalPlatformWebhook,
  CalUserWebhook,
  ManagedUser,
  ManagedUserTokens,
} from "./cal-schemas.js";
export { decideNextBookingsPage, type BookingsPagePosition, type BookingsPagingDecision } from "./bookings-paging.js";
