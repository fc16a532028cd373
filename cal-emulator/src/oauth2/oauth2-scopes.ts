// Cal.com's OAuth 2.0 access scopes for ordinary accounts and how the authorize step reads them.
// Sources: packages/features/oauth/constants.ts (OAUTH_SCOPES, parseScopeParam, isLegacyClient,
// SCOPE_EXCEEDS_CLIENT_REGISTRATION_ERROR); docs api-reference/v2/oauth.mdx "Available Scopes" (descriptions).
import type { WebhookScopeReading } from "../schemas/fixtures.schema.js";

export const USER_SCOPES = [
  "EVENT_TYPE_READ",
  "EVENT_TYPE_WRITE",
  "BOOKING_READ",
  "BOOKING_WRITE",
  "SCHEDULE_READ",
  "SCHEDULE_WRITE",
  "APPS_READ",
  "APPS_WRITE",
  "PROFILE_READ",
  "PROFILE_WRITE",
] as const;

const TEAM_AND_ORG_SCOPES = [
  ...["EVENT_TYPE", "BOOKING", "SCHEDULE", "PROFILE", "MEMBERSHIP"].flatMap((area) => [
    `TEAM_${area}_READ`,
    `TEAM_${area}_WRITE`,
  ]),
  ...["EVENT_TYPE", "BOOKING", "SCHEDULE", "PROFILE"].flatMap((area) => [`ORG_${area}_READ`, `ORG_${area}_WRITE`]),
];

const LEGACY_SCOPES = ["READ_BOOKING", "READ_PROFILE"] as const;

export const ALL_KNOWN_SCOPES: readonly string[] = [...USER_SCOPES, ...TEAM_AND_ORG_SCOPES, ...LEGACY_SCOPES];

export type UserScope = (typeof USER_SCOPES)[number];

/** Only the docs pages that gate /v2/webhooks on them name these; Cal.com's scope list in source does not. */
export const WEBHOOK_SCOPES = ["WEBHOOK_READ", "WEBHOOK_WRITE"] as const;

/** The scopes the authorize step recognises: WEBHOOK_* only under the "webhook-scopes" reading. */
export function knownScopes(webhookScopeReading: WebhookScopeReading): readonly string[] {
  return webhookScopeReading === "webhook-scopes" ? [...ALL_KNOWN_SCOPES, ...WEBHOOK_SCOPES] : ALL_KNOWN_SCOPES;
}

/** What the consent page says each scope lets the client do (the docs' "Description" column). */
export const SCOPE_DESCRIPTIONS: Record<string, string> = {
  EVENT_TYPE_READ: "View event types",
  EVENT_TYPE_WRITE: "Create, edit, and delete event types",
  BOOKING_READ: "View bookings",
  BOOKING_WRITE: "Create, edit, and delete bookings",
  SCHEDULE_READ: "View availability",
  SCHEDULE_WRITE: "Create, edit, and delete availability",
  APPS_READ: "View connected apps",
  APPS_WRITE: "Connect and disconnect apps",
  PROFILE_READ: "View personal info",
  PROFILE_WRITE: "Edit personal info",
  READ_BOOKING: "View bookings",
  READ_PROFILE: "View personal info",
  WEBHOOK_READ: "View webhooks",
  WEBHOOK_WRITE: "Create, edit, and delete webhooks",
};

export const SCOPE_REQUIRED_ERROR = "scope parameter is required for this OAuth client";
export const SCOPE_NOT_RECOGNIZED_ERROR = "Requested scope is not a recognized scope";
export const SCOPE_EXCEEDS_CLIENT_REGISTRATION_ERROR = "Requested scope exceeds the client's registered scopes";

/** `scope` may be space- or comma-separated (parseScopeParam splits on /[, ]+/). */
export function parseScopeParam(scope: string | undefined): string[] {
  return scope ? [...new Set(scope.split(/[, ]+/).filter(Boolean))] : [];
}

/** A client with no scopes, or only the two legacy ones, is unscoped: scope validation is skipped. */
export function isLegacyClient(clientScopes: readonly string[]): boolean {
  return (
    clientScopes.length === 0 || clientScopes.every((scope) => (LEGACY_SCOPES as readonly string[]).includes(scope))
  );
}
