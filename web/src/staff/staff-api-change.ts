// Server-side changes through the api's /staff endpoints on behalf of the signed-in person (server
// actions): their session cookie and address are forwarded, with the session's CSRF token the api asks
// for on every change. Answers a refusal's message (for the person), or null when it was done.
import "server-only";
import { cookies, headers } from "next/headers";
import { webSettings } from "../config/web-settings";
import { StaffNotFoundError, StaffSignInRequiredError, type StaffSession, staffApiGet } from "./staff-api";

export async function staffApiChange(method: "POST" | "DELETE", path: string, body?: unknown): Promise<string | null> {
  const cookieHeader = (await cookies()).toString();
  if (!cookieHeader) throw new StaffSignInRequiredError();
  const { csrfToken } = await staffApiGet<StaffSession>("/staff/session");
  const forwardedFor = (await headers()).get("x-forwarded-for");
  const response = await fetch(`${webSettings().API_URL}${path}`, {
    method,
    headers: {
      cookie: cookieHeader,
      "x-csrf-token": csrfToken,
      ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: "no-store",
    signal: AbortSignal.timeout(40_000),
  });
  if (response.status === 401) throw new StaffSignInRequiredError();
  if (response.status === 404) throw new StaffNotFoundError();
  if (response.ok) return null;
  const refusal = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  return refusal?.error?.message ?? `The request was refused (HTTP ${response.status})`;
}
