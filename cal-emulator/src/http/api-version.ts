// Cal.com routes by the `cal-api-version` header; a missing or unknown value means 2024-04-15
// (apps/api/v2/src/app.ts versioning extractor). The atoms send 2024-06-14, so they reach legacy handlers.
import type { Request } from "express";

export const KNOWN_API_VERSIONS = [
  "2024-04-15",
  "2024-06-11",
  "2024-06-14",
  "2024-08-13",
  "2024-09-04",
  "2026-02-25",
] as const;
export type ApiVersion = (typeof KNOWN_API_VERSIONS)[number];

export function apiVersionOf(request: Request): ApiVersion {
  const header = request.get("cal-api-version");
  return (KNOWN_API_VERSIONS as readonly string[]).includes(header ?? "") ? (header as ApiVersion) : "2024-04-15";
}

/** The bookings controller for 2024-08-13 (and its successor) answers; older versions get the legacy one. */
export function usesBookings2024_08_13(request: Request): boolean {
  const version = apiVersionOf(request);
  return version === "2024-08-13" || version === "2026-02-25";
}
