// The workflows the worker hosts, as their starters see them: each workflow type's name, input and
// result. Starters use these types (see ./client/), the worker's workflows are checked against them
// (workflows/src/index.ts), so a change on one side that the other does not follow fails typecheck.
import type { CalDeliveryBatch, ProcessCalDeliveryBatchResult } from "./cal-delivery.js";
import type {
  AwaitQuestionnaireBookingInput,
  AwaitQuestionnaireBookingResult,
  QuestionnaireReminderInput,
  QuestionnaireReminderResult,
} from "./questionnaire-workflows.js";
import type {
  ApplySensitiveHostDefaultInput,
  ApplySensitiveHostDefaultResult,
  ApplySensitiveSettingsInput,
  HostEventTypesResult,
  ManagePrivateLinksInput,
  ManagePrivateLinksResult,
  SensitiveSettingsOutcome,
} from "./sensitive-settings.js";
import type {
  ExpireUnusedPrivateBookingIntentInput,
  ExpireUnusedPrivateBookingIntentResult,
  SensitiveRetentionInput,
  SensitiveRetentionResult,
} from "./sensitive-retention.js";

export interface MintManagedUserTokenInput {
  username: string;
  /** The token must stay valid at least this long after the run (ms). */
  minValidityMs: number;
  /** SHA-256 of an access token Cal.com has refused as expired: replace it even if it looks valid. */
  replaceAccessTokenHash?: string;
}

/** Tokens never pass through Temporal: only which user, until when, and how it was obtained. */
export interface EnsuredToken {
  calUserId: number;
  accessTokenExpiresAt: string;
  outcome: "cached" | "refreshed" | "force-refreshed";
}

export interface ReconcileBookingsInput {
  /** How far back to look for updated bookings; longer than the schedule's interval, so runs overlap. */
  lookbackMinutes: number;
  pageSize?: number;
  /** Only the connected accounts Cal.com gave no webhook (missing scope): the frequent poll's runs. */
  withoutWebhookOnly?: boolean;
}

export interface ReconcileBookingsResult {
  examined: number;
  reconciled: number;
  alreadyProcessed: number;
  unreadable: number;
  /** Connected accounts passed over because the host must reconnect. */
  needsReconnect: number;
  /** Sources whose pages Cal.com refused or could not serve this run (the next run tries again). */
  failedSources: number;
  /** Sensitive event types whose privacy settings were checked at Cal.com (full runs only). */
  sensitiveChecked?: number;
  /** Of those, the ones whose drifted settings were applied again. */
  sensitiveReapplied?: number;
  /** Of those, the ones flagged (drifted, missing scope, failed) because they could not be applied. */
  sensitiveFlagged?: number;
}

export interface ConnectCalAccountInput {
  attemptId: string;
}

/** A connection stored from an authorization code. */
export interface CompletedConnection {
  connectionId: string;
  calUserId: number;
  username: string;
  userId: string;
  reconnected: boolean;
}

export interface ConnectCalAccountResult extends CompletedConnection {
  /** Null when Cal.com refused the webhook for the token's scopes (`webhookStatus: "missing_scope"`). */
  webhookId: string | null;
  webhookStatus: "registered" | "missing_scope";
}

export interface DisconnectCalAccountInput {
  connectionId: string;
  by: "host" | "operator";
  /** Keys the audit entry, so a retried request is audited once. */
  requestKey: string;
}

export interface DisconnectCalAccountResult {
  connectionId: string;
  webhookRemoved: boolean;
  webhookNote: string | null;
}

/** Workflow type name → the workflow function's signature. */
export interface WorkflowSignatures {
  processCalDeliveryWorkflow: (batch: CalDeliveryBatch) => Promise<ProcessCalDeliveryBatchResult>;
  mintManagedUserTokenWorkflow: (input: MintManagedUserTokenInput) => Promise<EnsuredToken>;
  reconcileBookingsWorkflow: (input: ReconcileBookingsInput) => Promise<ReconcileBookingsResult>;
  connectCalAccountWorkflow: (input: ConnectCalAccountInput) => Promise<ConnectCalAccountResult>;
  disconnectCalAccountWorkflow: (input: DisconnectCalAccountInput) => Promise<DisconnectCalAccountResult>;
  awaitQuestionnaireBookingWorkflow: (
    input: AwaitQuestionnaireBookingInput,
  ) => Promise<AwaitQuestionnaireBookingResult>;
  questionnaireReminderWorkflow: (input: QuestionnaireReminderInput) => Promise<QuestionnaireReminderResult>;
  applySensitiveSettingsWorkflow: (input: ApplySensitiveSettingsInput) => Promise<SensitiveSettingsOutcome>;
  applySensitiveHostDefaultWorkflow: (
    input: ApplySensitiveHostDefaultInput,
  ) => Promise<ApplySensitiveHostDefaultResult>;
  listHostEventTypesWorkflow: (input: { calUserId: number }) => Promise<HostEventTypesResult>;
  managePrivateLinksWorkflow: (input: ManagePrivateLinksInput) => Promise<ManagePrivateLinksResult>;
  expireSensitivePersonalDataWorkflow: (input: SensitiveRetentionInput) => Promise<SensitiveRetentionResult>;
  expireUnusedPrivateBookingIntentWorkflow: (
    input: ExpireUnusedPrivateBookingIntentInput,
  ) => Promise<ExpireUnusedPrivateBookingIntentResult>;
}

export type WorkflowName = keyof WorkflowSignatures;
