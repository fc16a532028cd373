// Activities of sensitive mode at Cal.com, each acting with the host's own token: enforce an event type's
// privacy settings (read it, and PATCH what drifted), adopt a host's default for their event types, read a
// host's event types for the staff area, and manage Cal.com private links. A Cal.com outage is thrown on
// (Temporal retries); any refusal becomes a state with what staff must do, recorded on the event type and
// in the audit trail (nothing fails silently). Tokens never leave the activity.
import type { DataSource } from "typeorm";
import type { CalClient, CalPrivateLink } from "@churchhub/cal-client";
import type {
  ApplySensitiveSettingsInput,
  HostEventTypesResult,
  ManagePrivateLinksInput,
  ManagePrivateLinksResult,
  PrivateLinkSummary,
  SensitiveSettingsOutcome,
  SensitiveSettingsState,
} from "@churchhub/contracts";
import type { PersonalDataProtector } from "@churchhub/field-encryption";
import type { HostAccessTokens, HostCredential } from "./host-access-token.js";
import { sensitiveEventTypeChanges, sensitiveSettingsDrift } from "./sensitive-event-settings.js";
import { sensitiveProblemOf } from "./sensitive-problems.js";

interface SensitiveSettingsDependencies {
  dataSource: DataSource;
  calClient: CalClient;
  hostTokens: HostAccessTokens;
  protector: PersonalDataProtector;
  clock: () => Date;
}

interface SensitiveRow {
  cal_event_type_id: number;
  cal_user_id: number;
  sensitive: boolean;
  settings_state: SensitiveSettingsState;
}

/** The PATCH after a drift was found failed: which settings stayed wrong, and why. */
class DriftNotAppliedError extends Error {
  constructor(
    readonly drift: string[],
    readonly reason: unknown,
  ) {
    super("drifted settings could not be applied");
  }
}

const toSummary = (link: CalPrivateLink): PrivateLinkSummary => ({
  linkId: link.linkId,
  bookingUrl: link.bookingUrl,
  isExpired: link.isExpired,
  expiresAt: link.expiresAt ?? null,
  maxUsageCount: link.maxUsageCount ?? null,
  usageCount: link.usageCount ?? null,
});

export function createSensitiveSettingsActivities(deps: SensitiveSettingsDependencies) {
  const { dataSource, calClient, hostTokens } = deps;

  async function readRow(calEventTypeId: number): Promise<SensitiveRow | null> {
    const rows: SensitiveRow[] = await dataSource.query(
      "SELECT cal_event_type_id, cal_user_id, sensitive, settings_state FROM sensitive_event_types WHERE cal_event_type_id = $1",
      [calEventTypeId],
    );
    return rows[0] ?? null;
  }

  async function recordState(calEventTypeId: number, state: SensitiveSettingsState, detail: string | null) {
    await dataSource.query(
      `UPDATE sensitive_event_types SET settings_state = $2, state_detail = $3, checked_at = $4, updated_at = $4
       WHERE cal_event_type_id = $1 AND sensitive`,
      [calEventTypeId, state, detail, deps.clock()],
    );
  }

  async function audit(input: {
    key: string;
    triggerEvent: string;
    source: "sensitive" | "reconciled";
    detail: Record<string, unknown>;
  }): Promise<void> {
    const now = deps.clock();
    await dataSource.query(
      `INSERT INTO audit_logs (delivery_id, trigger_event, outcome, source, user_id, booking_uid, occurred_at, received_at, payload)
       VALUES ($1, $2, 'recorded', $3, NULL, NULL, $4, $4, $5)
       ON CONFLICT (delivery_id) DO NOTHING`,
      [input.key, input.triggerEvent, input.source, now, deps.protector.sealJson(input.detail, "audit_logs.payload")],
    );
  }

  return {
    /**
     * Reads the event type as its host and applies whatever differs from sensitive. A drift found by the
     * reconciliation that cannot be applied leaves the event type `drifted`; a staff request that cannot
     * be applied for the token's scopes leaves it `missing_scope`.
     */
    async enforceSensitiveSettings(input: ApplySensitiveSettingsInput): Promise<SensitiveSettingsOutcome> {
      const row = await readRow(input.calEventTypeId);
      if (!row?.sensitive)
        return { calEventTypeId: input.calEventTypeId, state: "not_sensitive", changed: [], detail: null };
      const source = input.trigger === "reconciliation" ? "reconciled" : "sensitive";
      let credential: HostCredential | null = null;
      try {
        credential = await hostTokens.credentialOf(row.cal_user_id);
        const { result: changed } = await hostTokens.withHostAccessToken(row.cal_user_id, async (accessToken) => {
          const current = await calClient.getEventType(accessToken, input.calEventTypeId);
          const drift = sensitiveSettingsDrift(current);
          if (drift.length === 0) return drift;
          try {
            await calClient.updateEventType(accessToken, input.calEventTypeId, sensitiveEventTypeChanges());
          } catch (error) {
            throw new DriftNotAppliedError(drift, error);
          }
          return drift;
        });
        await recordState(input.calEventTypeId, "applied", null);
        if (changed.length > 0 || input.trigger === "staff")
          await audit({
            key: `sensitive:${input.calEventTypeId}:${input.trigger === "staff" ? "applied" : "reapplied"}:${input.requestKey}`,
            triggerEvent: input.trigger === "staff" ? "SENSITIVE_SETTINGS_APPLIED" : "SENSITIVE_SETTINGS_REAPPLIED",
            source,
            detail: { calEventTypeId: input.calEventTypeId, calUserId: row.cal_user_id, changed },
          });
        return { calEventTypeId: input.calEventTypeId, state: "applied", changed, detail: null };
      } catch (error) {
        const drift = error instanceof DriftNotAppliedError ? error.drift : [];
        const cause = error instanceof DriftNotAppliedError ? error.reason : error;
        const problem = sensitiveProblemOf(cause, credential, "change this event type's settings");
        if (!problem) throw cause;
        const state: SensitiveSettingsState =
          input.trigger === "reconciliation" && drift.length > 0
            ? "drifted"
            : problem.state === "missing_scope"
              ? "missing_scope"
              : "failed";
        const detail =
          state === "drifted"
            ? `Changed in Cal.com and not applied again (${drift.join(", ")}). ${problem.detail}`
            : problem.detail;
        await recordState(input.calEventTypeId, state, detail);
        await audit({
          key: `sensitive:${input.calEventTypeId}:flagged:${input.requestKey}`,
          triggerEvent: "SENSITIVE_SETTINGS_FLAGGED",
          source,
          detail: { calEventTypeId: input.calEventTypeId, calUserId: row.cal_user_id, state, drift },
        });
        return { calEventTypeId: input.calEventTypeId, state, changed: [], detail };
      }
    },

    /** After the retries ran out (Cal.com down for long): say so on the event type. */
    async markSensitiveSettingsFailed(input: { calEventTypeId: number; detail: string }): Promise<void> {
      await recordState(input.calEventTypeId, "failed", input.detail);
    },

    async listSensitiveEventTypeIds(): Promise<number[]> {
      const rows: Array<{ cal_event_type_id: number }> = await dataSource.query(
        "SELECT cal_event_type_id FROM sensitive_event_types WHERE sensitive ORDER BY cal_event_type_id",
      );
      return rows.map((row) => row.cal_event_type_id);
    },

    /** The host's event types as Cal.com lists them to the host (no personal data). */
    async listHostEventTypes(input: { calUserId: number }): Promise<HostEventTypesResult> {
      let credential: HostCredential | null = null;
      try {
        credential = await hostTokens.credentialOf(input.calUserId);
        const { result } = await hostTokens.withHostAccessToken(input.calUserId, (accessToken) =>
          calClient.listOwnEventTypes(accessToken),
        );
        return {
          readable: true,
          eventTypes: result
            .filter((eventType) => eventType.ownerId === input.calUserId)
            .map((eventType) => ({
              id: eventType.id,
              slug: eventType.slug,
              title: eventType.title,
              hidden: eventType.hidden,
            })),
        };
      } catch (error) {
        const problem = sensitiveProblemOf(error, credential, "list this host's event types");
        if (!problem) throw error;
        return {
          readable: false,
          state: problem.state === "missing_scope" ? "missing_scope" : "failed",
          problem: problem.detail,
        };
      }
    },

    /**
     * Gives every event type of the host without a choice of its own the host's default (rows inserted,
     * those with one untouched); returns the ids now sensitive by default, for enforcing.
     */
    async adoptSensitiveHostDefault(input: {
      calUserId: number;
      eventTypeIds: number[];
    }): Promise<{ adopted: number; sensitiveIds: number[] }> {
      const defaults: Array<{ sensitive: boolean }> = await dataSource.query(
        "SELECT sensitive FROM sensitive_host_defaults WHERE cal_user_id = $1",
        [input.calUserId],
      );
      const sensitive = defaults[0]?.sensitive ?? false;
      if (input.eventTypeIds.length === 0) return { adopted: 0, sensitiveIds: [] };
      const inserted: Array<{ cal_event_type_id: number }> = await dataSource.query(
        `INSERT INTO sensitive_event_types (cal_event_type_id, cal_user_id, sensitive, settings_state)
         SELECT id, $2, $3, 'pending' FROM unnest($1::int[]) AS id
         ON CONFLICT (cal_event_type_id) DO NOTHING
         RETURNING cal_event_type_id`,
        [input.eventTypeIds, input.calUserId, sensitive],
      );
      return {
        adopted: inserted.length,
        sensitiveIds: sensitive ? inserted.map((row) => row.cal_event_type_id) : [],
      };
    },

    /** List, create or revoke Cal.com private links of one of the host's sensitive event types. */
    async managePrivateLinks(input: ManagePrivateLinksInput): Promise<ManagePrivateLinksResult> {
      const row = await readRow(input.calEventTypeId);
      if (!row?.sensitive || row.cal_user_id !== input.calUserId)
        return {
          ok: false,
          state: "not_found",
          problem: "Private links are offered for the host's sensitive event types only.",
        };
      let credential: HostCredential | null = null;
      try {
        credential = await hostTokens.credentialOf(input.calUserId);
        const { action } = input;
        const { result } = await hostTokens.withHostAccessToken(input.calUserId, async (accessToken) => {
          let created: CalPrivateLink | null = null;
          if (action.kind === "create")
            created = await calClient.createPrivateLink(accessToken, input.calEventTypeId, {
              ...(action.expiresAt ? { expiresAt: action.expiresAt } : {}),
              ...(action.maxUsageCount ? { maxUsageCount: action.maxUsageCount } : {}),
            });
          if (action.kind === "revoke")
            await calClient.deletePrivateLink(accessToken, input.calEventTypeId, action.linkId);
          return { created, links: await calClient.listPrivateLinks(accessToken, input.calEventTypeId) };
        });
        if (action.kind !== "list")
          await audit({
            key: `private-link:${input.calEventTypeId}:${action.kind}:${input.requestKey}`,
            triggerEvent: action.kind === "create" ? "PRIVATE_LINK_CREATED" : "PRIVATE_LINK_REVOKED",
            source: "sensitive",
            detail: {
              calEventTypeId: input.calEventTypeId,
              calUserId: input.calUserId,
              linkId: action.kind === "create" ? (result.created?.linkId ?? null) : action.linkId,
            },
          });
        return {
          ok: true,
          links: result.links.map(toSummary),
          created: result.created ? toSummary(result.created) : null,
        };
      } catch (error) {
        const problem = sensitiveProblemOf(error, credential, "manage this event type's private links");
        if (!problem) throw error;
        return { ok: false, state: problem.state, problem: problem.detail };
      }
    },
  };
}

export type SensitiveSettingsActivities = ReturnType<typeof createSensitiveSettingsActivities>;
