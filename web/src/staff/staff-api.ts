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

/** A change the api answered: its status and JSON body (errors carry `{error: {code, message}}`). */
export interface StaffApiAnswer<T> {
  status: number;
  body: T | { error?: { code?: string; message?: string } };
}

/**
 * The one way this server sends a change to the staff api as the signed-in person: their cookie and
 * address, and the session's CSRF token (read from GET /staff/session on this server, never by the
 * browser). A 401 throws StaffSignInRequiredError; every other answer is handed back as it came.
 */
export async function staffApiSend<T>(
  method: "PUT" | "POST" | "DELETE",
  path: string,
  body?: unknown,
): Promise<StaffApiAnswer<T>> {
  const { csrfToken } = await staffApiGet<{ csrfToken: string }>("/staff/session");
  const cookieHeader = (await cookies()).toString();
  const forwardedFor = (await headers()).get("x-forwarded-for");
  const response = await fetch(`${webSettings().API_URL}${path}`, {
    method,
    headers: {
      cookie: cookieHeader,
      "x-csrf-token": csrfToken,
      ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    cache: "no-store",
    // Some changes wait for a workflow (an erasure, Cal.com's answer), which the api bounds at 30 s.
    signal: AbortSignal.timeout(40_000),
  });
  if (response.status === 401) throw new StaffSignInRequiredError();
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as StaffApiAnswer<T>["body"] };
}

/** The api's sentence for the person in a refusal, if it sent one. */
export function refusalMessage(answer: StaffApiAnswer<unknown>): string | undefined {
  return (answer.body as { error?: { message?: string } } | undefined)?.error?.message;
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
  /** Booked privately: Cal.com knows the person by this pseudonym only. */
  privateBooking: { pseudonym: string } | null;
}

export interface StaffBookingHost {
  calUserId: number;
  username: string | null;
  name: string | null;
}

export interface StaffBookingDetail extends Omit<StaffBookingSummary, "attendees" | "privateBooking"> {
  /** Booked privately: the pseudonym, and what the person chose to leave us (null: nothing, or erased). */
  privateBooking: {
    pseudonym: string;
    details: { name: string | null; email: string | null; phone: string | null } | null;
  } | null;
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

/** What a change answered: done (with the api's answer), or refused with the api's sentence for the person. */
export type StaffChangeResult<T> = { ok: true; data: T } | { ok: false; status: number; message: string };

/** A change on the person's behalf; 400, 404 and 409 come back as refusals to show, other failures are errors. */
export async function staffApiChange<T>(
  method: "PUT" | "POST",
  path: string,
  body: unknown,
): Promise<StaffChangeResult<T>> {
  const answer = await staffApiSend<T>(method, path, body);
  if (answer.status === 400 || answer.status === 404 || answer.status === 409)
    return { ok: false, status: answer.status, message: refusalMessage(answer) ?? "Refused" };
  if (answer.status >= 400) throw new Error(`staff api ${method} ${path}: HTTP ${answer.status}`);
  return { ok: true, data: answer.body as T };
}

/** A host's short public name and earlier ones (GET/PUT /staff/profile/public-name). */
export interface StaffPublicName {
  publicName: string | null;
  previousNames: string[];
  bookingPath: string | null;
}
