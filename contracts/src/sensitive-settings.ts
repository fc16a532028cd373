// Sensitive mode at Cal.com (issue 19): the inputs and results of the workflows that apply an event
// type's privacy settings with the host's own token, read a host's event types, and manage Cal.com
// private links. No personal data: event type ids, settings names, states and what staff must do.

/** Whether Cal.com holds an event type's privacy settings (the `sensitive_event_types.settings_state` column). */
export type SensitiveSettingsState = "pending" | "applied" | "drifted" | "missing_scope" | "failed";

/** Who asked for the settings to be enforced: a staff change, or the reconciliation finding drift. */
export type SensitiveSettingsTrigger = "staff" | "reconciliation";

export interface ApplySensitiveSettingsInput {
  calEventTypeId: number;
  trigger: SensitiveSettingsTrigger;
  /** Keys the audit entry, so a retried activity is audited once. */
  requestKey: string;
}

export interface SensitiveSettingsOutcome {
  calEventTypeId: number;
  /** "not_sensitive": nothing to enforce (the flag was turned off meanwhile). */
  state: SensitiveSettingsState | "not_sensitive";
  /** The settings Cal.com had different from ours (and that we changed, when `state` is "applied"). */
  changed: string[];
  /** What a person must do, when something is not applied. */
  detail: string | null;
}

export interface ApplySensitiveHostDefaultInput {
  calUserId: number;
  requestKey: string;
}

export interface ApplySensitiveHostDefaultResult {
  /** Event types that took the default now (those with a choice of their own keep it). */
  adopted: number;
  outcomes: SensitiveSettingsOutcome[];
  /** Set when the host's event types could not be read (then nothing was adopted). */
  problem: string | null;
}

/** An event type as the staff area lists it (from the host's own Cal.com account). */
export interface HostEventType {
  id: number;
  slug: string;
  title: string;
  hidden: boolean;
}

export type HostEventTypesResult =
  | { readable: true; eventTypes: HostEventType[] }
  | { readable: false; state: "missing_scope" | "failed"; problem: string };

export interface PrivateLinkSummary {
  linkId: string;
  bookingUrl: string;
  isExpired: boolean;
  expiresAt: string | null;
  maxUsageCount: number | null;
  usageCount: number | null;
}

export type PrivateLinkAction =
  | { kind: "list" }
  | { kind: "create"; expiresAt?: string; maxUsageCount?: number }
  | { kind: "revoke"; linkId: string };

export interface ManagePrivateLinksInput {
  calUserId: number;
  calEventTypeId: number;
  action: PrivateLinkAction;
  requestKey: string;
}

export type ManagePrivateLinksResult =
  | { ok: true; links: PrivateLinkSummary[]; created: PrivateLinkSummary | null }
  | { ok: false; state: "missing_scope" | "failed" | "not_found"; problem: string };

/** Unique per staff request: each change is enforced by its own run. */
export function sensitiveSettingsWorkflowId(calEventTypeId: number, requestKey: string): string {
  return `sensitive-settings-${calEventTypeId}-${requestKey}`;
}

export function sensitiveHostDefaultWorkflowId(calUserId: number, requestKey: string): string {
  return `sensitive-host-default-${calUserId}-${requestKey}`;
}

export function hostEventTypesWorkflowId(calUserId: number, requestKey: string): string {
  return `host-event-types-${calUserId}-${requestKey}`;
}

export function privateLinksWorkflowId(calEventTypeId: number, requestKey: string): string {
  return `private-links-${calEventTypeId}-${requestKey}`;
}
