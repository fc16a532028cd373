// Server-side calls to the api's /staff endpoints on behalf of the signed-in person: their session
// cookie and address are forwarded, nothing else. The browser never calls the api for data.
import "server-only";
import { cookies, headers } from "next/headers";
import { webSettings } from "../config/web-settings";

export class StaffSignInRequiredError extends Error {
  constructor() {
    super("Sign in to the staff area");
    this.name = "StaffSignInRequiredError";
  }
}

export class StaffNotFoundError extends Error {
  constructor() {
    super("Not found");
    this.name = "StaffNotFoundError";
  }
}

/** The api refused what was asked (HTTP 400); its message names the problem, for the person to fix. */
export class StaffRequestRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StaffRequestRefusedError";
  }
}

export async function staffApiGet<T>(path: string): Promise<T> {
  const cookieHeader = (await cookies()).toString();
  if (!cookieHeader) throw new StaffSignInRequiredError();
  const forwardedFor = (await headers()).get("x-forwarded-for");
  const response = await fetch(`${webSettings().API_URL}${path}`, {
    headers: { cookie: cookieHeader, ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}) },
    cache: "no-store",
    signal: AbortSignal.timeout(10_000),
  });
  if (response.status === 401) throw new StaffSignInRequiredError();
  if (response.status === 404) throw new StaffNotFoundError();
  if (response.status === 400) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new StaffRequestRefusedError(body?.error?.message ?? "The request was refused");
  }
  if (!response.ok) throw new Error(`staff api ${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

export type StaffRole = "admin" | "host";

export interface StaffSession {
  person: { id: string; name: string; email: string; role: StaffRole; calUserId: number | null };
  csrfToken: string;
  hasPasskey: boolean;
}

export interface StaffBookingSummary {
  uid: string;
  startTime: string;
  endTime: string;
  status: string;
  eventTypeSlug: string | null;
  attendees: Array<{ name: string | null }>;
  host: { username: string | null; name: string | null } | null;
}

export interface StaffBookingHost {
  calUserId: number;
  username: string | null;
  name: string | null;
}

export interface StaffBookingDetail extends Omit<StaffBookingSummary, "attendees"> {
  title: string | null;
  location: string | null;
  attendees: Array<{ name: string | null; email: string | null; timeZone: string | null }>;
  cancellationReason: string | null;
  statusHistory: Array<{ status: string; triggerEvent: string; occurredAt: string }>;
  auditTrail: Array<{
    deliveryId: string;
    triggerEvent: string;
    outcome: string;
    source: string;
    occurredAt: string;
    workflowId: string;
  }>;
}
