// The type names of the non-retryable failures activities raise (ApplicationFailure types): workflows
// list them so Temporal does not retry them, and the api maps them to answers. A retry cannot fix any
// of them.

/** The database refuses the event as invalid data (SQLSTATE class 22 or 23). */
export const INVALID_DELIVERY = "InvalidDelivery";
/** No managed user of our Platform OAuth client has that username. */
export const UNKNOWN_MANAGED_USER = "UnknownManagedUser";
/** Cal.com refused a Platform request (our credentials, a 4xx other than "not found"). */
export const CAL_REJECTED = "CalRejected";
/** The host must connect again: Cal.com refused the refresh token (revoked, expired, spent). */
export const CONNECTION_NEEDS_RECONNECT = "ConnectionNeedsReconnect";
/** The connection does not exist or has been disconnected. */
export const CONNECTION_GONE = "ConnectionGone";
/** The authorization code (or the attempt behind it) cannot be used: start again from the link. */
export const AUTHORIZATION_REFUSED = "AuthorizationRefused";
/** Cal.com refused a connection's request for a reason no retry changes (our client credentials, a 4xx). */
export const CONNECTION_CAL_REJECTED = "ConnectionCalRejected";
/** Outgoing mail is not configured (SMTP_URL unset in production): a questionnaire reminder cannot go out. */
export const MAIL_NOT_CONFIGURED = "MailNotConfigured";
