// The administrators' screens' side of the staff api: what its /staff/admin endpoints answer, and the one
// way this server sends a change there on the person's behalf (their cookie and address forwarded, the
// session's CSRF token read first from GET /staff/session, as the api requires of every change).
import "server-only";
import { cookies, headers } from "next/headers";
import { webSettings } from "../../config/web-settings";
import type { StaffRole } from "../staff-api";

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
  const { API_URL } = webSettings();
  const cookie = (await cookies()).toString();
  const forwardedFor = (await headers()).get("x-forwarded-for");
  const forwarded = { cookie, ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}) };
  const session = await fetch(`${API_URL}/staff/session`, {
    headers: forwarded,
    cache: "no-store",
    signal: AbortSignal.timeout(10_000),
  });
  if (!session.ok) return { ok: false, status: session.status, message: "Your session has ended: sign in again." };
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const response = await fetch(`${API_URL}${path}`, {
    method,
    headers: {
      ...forwarded,
      "x-csrf-token": csrfToken,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: "no-store",
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  const parsed = text ? (JSON.parse(text) as unknown) : undefined;
  if (response.ok) return { ok: true, body: parsed as T };
  const message = (parsed as { error?: { message?: string } } | undefined)?.error?.message;
  return { ok: false, status: response.status, message: message ?? `The api refused (HTTP ${response.status}).` };
}
