// The administrators' screens' side of the staff api: what its /staff/admin endpoints answer, and the one
// way its pages' changes come back (through staffApiSend, which adds the session's CSRF token).
import "server-only";
import { refusalMessage, type StaffRole, staffApiSend } from "../staff-api";

export type HostConnectionState =
  | "managed"
  | "connected"
  | "missing_scope"
  | "needs_reconnect"
  | "disconnected"
  | "not_connected";

export interface AdminHost {
  calUserId: number;
  username: string | null;
  name: string | null;
  state: HostConnectionState;
  webhook: "registered" | "missing" | null;
  connection: {
    id: string;
    connectedAt: string;
    needsReconnectSince: string | null;
    disconnectedAt: string | null;
  } | null;
  staff: Array<{ id: string; name: string; email: string; active: boolean }>;
}

export interface AdminStaffPerson {
  id: string;
  name: string;
  email: string;
  role: StaffRole;
  calUserId: number | null;
  active: boolean;
  hasPasskey: boolean;
  lastSignInAt: string | null;
  createdAt: string;
}

export interface AdminApiKey {
  id: string;
  name: string;
  role: "admin" | "operator";
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface ReconciliationRun {
  workflowId: string;
  runId: string;
  startedAt: string;
  closedAt: string | null;
  status: string;
  result: {
    examined: number;
    reconciled: number;
    alreadyProcessed: number;
    unreadable: number;
    needsReconnect: number;
    failedSources: number;
  } | null;
}

export interface ReconciliationOverview {
  namespace: string;
  schedules: Array<{
    scheduleId: string;
    exists: boolean;
    everyMinutes: number | null;
    paused: boolean;
    nextRunAt: string | null;
    recentRuns: ReconciliationRun[];
  }>;
  repairs: Array<{
    bookingUid: string | null;
    triggerEvent: string;
    outcome: string;
    occurredAt: string;
    recordedAt: string;
  }>;
}

export interface AccessLogPage {
  entries: Array<{
    sequence: string;
    staffUserId: string;
    staffName: string | null;
    staffEmail: string | null;
    staffRole: string;
    bookingUid: string;
    action: "booking.list" | "booking.view";
    viewedAt: string;
    clientAddress: string | null;
  }>;
  nextBefore: string | null;
  verification:
    | { intact: true; entries: number }
    | { intact: false; entries: number; firstBroken: { sequence: string; reason: string } };
}

/** What a change came to: the api's answer, or its error message written for the person. */
export type ChangeOutcome<T> = { ok: true; body: T } | { ok: false; status: number; message: string };

export async function staffApiChange<T = undefined>(
  method: "POST" | "DELETE",
  path: string,
  body?: unknown,
): Promise<ChangeOutcome<T>> {
  const answer = await staffApiSend<T>(method, path, body);
  if (answer.status < 400) return { ok: true, body: answer.body as T };
  return {
    ok: false,
    status: answer.status,
    message: refusalMessage(answer) ?? `The api refused (HTTP ${answer.status}).`,
  };
}
