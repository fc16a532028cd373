export { createCalClient, type CalClient } from "./create-cal-client.js";
export { createCalOAuth2Client, type CalOAuth2Client } from "./oauth2-client.js";
export { CalApiError } from "./cal-api-error.js";
export type { CalApiBooking, CalEventType, ManagedUser, ManagedUserTokens } from "./cal-schemas.js";
