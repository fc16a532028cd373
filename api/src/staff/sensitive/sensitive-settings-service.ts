// Sensitive mode for the staff area: which of a host's event types are sensitive (our table), the host's
// default, and starting the workflows that act at Cal.com with the host's token. Cal.com is never called
// from here: a change is recorded and its workflow started (the answer does not wait for Cal.com); a read
// of the host's event types or private links waits for its workflow, a bounded time.
import { randomUUID } from "node:crypto";
import type { Client } from "@temporalio/client";
import type pg from "pg";
import {
  hostEventTypesWorkflowId,
  privateLinksWorkflowId,
  sensitiveHostDefaultWorkflowId,
  sensitiveSettingsWorkflowId,
  type HostEventType,
  type ManagePrivateLinksResult,
  type PrivateLinkAction,
  type SensitiveSettingsState,
} from "@churchhub/contracts";
import { startAndAwaitWorkflow, startWorkflow } from "@churchhub/contracts/client";
import { HttpError, notFound, serviceUnavailable } from "../../http/http-errors.js";

export interface SensitiveEventTypeView {
  id: number;
  slug: string | null;
  title: string | null;
  hidden: boolean | null;
  sensitive: boolean;
  /** False when the host's default decides (no choice of its own yet). */
  ownChoice: boolean;
  settingsState: SensitiveSettingsState | null;
  stateDetail: string | null;
  checkedAt: string | null;
}

export interface HostSensitiveView {
  calUserId: number;
  hostDefault: boolean;
  /** Null when Cal.com listed the event types; else why not, and what to do. */
  problem: { state: "missing_scope" | "failed"; detail: string } | null;
  eventTypes: SensitiveEventTypeView[];
}

interface SensitiveRow {
  cal_event_type_id: number;
  sensitive: boolean;
  settings_state: SensitiveSettingsState;
  state_detail: string | null;
  checked_at: Date | null;
}

export interface SensitiveSettingsServiceDependencies {
  pool: pg.Pool;
  /** Absent where the staff area runs without Temporal (then changes answer 503). */
  temporal?: { client: Client; taskQueue: string };
  /** How long a read from Cal.com (through its workflow) may take before the answer is 503. */
  waitMs?: number;
}

export class SensitiveSettingsUnavailableError extends HttpError {
  constructor(message: string) {
    super(503, "service_unavailable", message, { "Retry-After": "5" });
  }
}

export function createSensitiveSettingsService(deps: SensitiveSettingsServiceDependencies) {
  const waitMs = deps.waitMs ?? 20_000;

  function temporal() {
    if (!deps.temporal) throw new SensitiveSettingsUnavailableError("Sensitive mode needs the workflow service");
    return deps.temporal;
  }

  async function awaitRun<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch {
      throw serviceUnavailable("Cal.com did not answer in time; try again in a moment", 5);
    }
  }

  async function rowsOf(calUserId: number): Promise<SensitiveRow[]> {
    const { rows } = await deps.pool.query<SensitiveRow>(
      `SELECT cal_event_type_id, sensitive, settings_state, state_detail, checked_at
       FROM sensitive_event_types WHERE cal_user_id = $1 ORDER BY cal_event_type_id`,
      [calUserId],
    );
    return rows;
  }

  async function hostDefault(calUserId: number): Promise<boolean> {
    const { rows } = await deps.pool.query<{ sensitive: boolean }>(
      "SELECT sensitive FROM sensitive_host_defaults WHERE cal_user_id = $1",
      [calUserId],
    );
    return rows[0]?.sensitive ?? false;
  }

  function view(
    id: number,
    listed: HostEventType | undefined,
    row: SensitiveRow | undefined,
    byDefault: boolean,
  ): SensitiveEventTypeView {
    return {
      id,
      slug: listed?.slug ?? null,
      title: listed?.title ?? null,
      hidden: listed?.hidden ?? null,
      sensitive: row ? row.sensitive : byDefault,
      ownChoice: row !== undefined,
      settingsState: row?.sensitive ? row.settings_state : null,
      stateDetail: row?.sensitive ? row.state_detail : null,
      checkedAt: row?.sensitive && row.checked_at ? row.checked_at.toISOString() : null,
    };
  }

  return {
    /** Staff members linked to a Cal.com user: the hosts an administrator may choose from. */
    async hosts(): Promise<Array<{ calUserId: number; name: string }>> {
      const { rows } = await deps.pool.query<{ cal_user_id: number; name: string }>(
        "SELECT DISTINCT ON (cal_user_id) cal_user_id, name FROM staff_users WHERE cal_user_id IS NOT NULL ORDER BY cal_user_id, name",
      );
      return rows.map((row) => ({ calUserId: row.cal_user_id, name: row.name }));
    },

    /** The host's event types as Cal.com lists them, with our flags and what Cal.com holds of them. */
    async hostView(calUserId: number): Promise<HostSensitiveView> {
      const { client, taskQueue } = temporal();
      const listed = await awaitRun(() =>
        startAndAwaitWorkflow(
          client,
          "listHostEventTypesWorkflow",
          {
            taskQueue,
            workflowId: hostEventTypesWorkflowId(calUserId, randomUUID()),
            args: [{ calUserId }],
            workflowExecutionTimeout: "1 minute",
          },
          waitMs,
        ),
      );
      const [rows, byDefault] = await Promise.all([rowsOf(calUserId), hostDefault(calUserId)]);
      const rowById = new Map(rows.map((row) => [row.cal_event_type_id, row]));
      const listedTypes = listed.readable ? listed.eventTypes : [];
      const listedIds = new Set(listedTypes.map((eventType) => eventType.id));
      return {
        calUserId,
        hostDefault: byDefault,
        problem: listed.readable ? null : { state: listed.state, detail: listed.problem },
        eventTypes: [
          ...listedTypes.map((eventType) => view(eventType.id, eventType, rowById.get(eventType.id), byDefault)),
          // Flags we hold for event types Cal.com did not list (unreadable, or deleted there).
          ...rows
            .filter((row) => !listedIds.has(row.cal_event_type_id))
            .map((row) => view(row.cal_event_type_id, undefined, row, byDefault)),
        ],
      };
    },

    /** Records the choice and, when sensitive, starts applying it at Cal.com. */
    async setEventTypeSensitive(calUserId: number, calEventTypeId: number, sensitive: boolean) {
      const { client, taskQueue } = temporal();
      const { rows } = await deps.pool.query<SensitiveRow>(
        `INSERT INTO sensitive_event_types (cal_event_type_id, cal_user_id, sensitive, settings_state, state_detail, updated_at)
         VALUES ($1, $2, $3, 'pending', NULL, now())
         ON CONFLICT (cal_event_type_id) DO UPDATE
           SET sensitive = EXCLUDED.sensitive, settings_state = 'pending', state_detail = NULL, updated_at = now()
           WHERE sensitive_event_types.cal_user_id = EXCLUDED.cal_user_id
         RETURNING cal_event_type_id, sensitive, settings_state, state_detail, checked_at`,
        [calEventTypeId, calUserId, sensitive],
      );
      const row = rows[0];
      // Another host's event type: as unknown as a missing one.
      if (!row) throw notFound("No such event type for this host");
      if (sensitive) {
        const requestKey = randomUUID();
        await startWorkflow(client, "applySensitiveSettingsWorkflow", {
          taskQueue,
          workflowId: sensitiveSettingsWorkflowId(calEventTypeId, requestKey),
          args: [{ calEventTypeId, trigger: "staff", requestKey }],
        });
      }
      return view(calEventTypeId, undefined, row, false);
    },

    async setHostDefault(calUserId: number, sensitive: boolean): Promise<{ hostDefault: boolean }> {
      const { client, taskQueue } = temporal();
      await deps.pool.query(
        `INSERT INTO sensitive_host_defaults (cal_user_id, sensitive, updated_at) VALUES ($1, $2, now())
         ON CONFLICT (cal_user_id) DO UPDATE SET sensitive = EXCLUDED.sensitive, updated_at = now()`,
        [calUserId, sensitive],
      );
      const requestKey = randomUUID();
      await startWorkflow(client, "applySensitiveHostDefaultWorkflow", {
        taskQueue,
        workflowId: sensitiveHostDefaultWorkflowId(calUserId, requestKey),
        args: [{ calUserId, requestKey }],
      });
      return { hostDefault: sensitive };
    },

    async privateLinks(
      calUserId: number,
      calEventTypeId: number,
      action: PrivateLinkAction,
    ): Promise<Extract<ManagePrivateLinksResult, { ok: true }>> {
      const { client, taskQueue } = temporal();
      const requestKey = randomUUID();
      const result = await awaitRun(() =>
        startAndAwaitWorkflow(
          client,
          "managePrivateLinksWorkflow",
          {
            taskQueue,
            workflowId: privateLinksWorkflowId(calEventTypeId, requestKey),
            args: [{ calUserId, calEventTypeId, action, requestKey }],
            workflowExecutionTimeout: "1 minute",
          },
          waitMs,
        ),
      );
      if (result.ok) return result;
      if (result.state === "not_found") throw notFound(result.problem);
      // Cal.com refused: the message says what to do (missing scope, reconnect).
      throw new HttpError(409, result.state, result.problem);
    },
  };
}

export type SensitiveSettingsService = ReturnType<typeof createSensitiveSettingsService>;
