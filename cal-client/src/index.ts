export { createCalClient, type CalClient, type CalClientOptions } from './create-cal-client.js';
export { CalApiError, kindForStatus, type CalFailureKind } from './cal-api-error.js';
export type { CalApiBooking, CalEventType, ManagedUser, ManagedUserTokens } from './cal-schemas.js';
