// Cal.com routes by the `cal-api-version` header: a known value selects that version, a missing or unknown
// one means 2024-04-15 (apps/api/v2/src/app.ts, the CUSTOM versioning extractor). Each controller lists the
// versions it serves; a version no controller of that path serves gets Nest's 404 ("Cannot GET …").
// Controllers (calcom/cal.com apps/api/v2/src):
// - bookings: ee/bookings/2024-04-15 serves 2024-04-15, 2024-06-11, 2024-06-14; ee/bookings/2024-08-13 serves
//   2024-08-13 (the emulator also routes 2026-02-25, the atoms 2.11 version, there);
// - event types: ee/event-types/event-types_2024_04_15 serves 2024-04-15, 2024-06-11;
//   event-types_2024_06_14 serves 2024-06-14 only;
// - slots: modules/slots/slots-2024-04-15 serves 2024-04-15, 2024-06-11, 2024-06-14, 2024-08-13;
//   slots-2024-09-04 serves 2024-09-04.
// The atoms send 2024-06-14, so they reach the legacy bookings and slots handlers.
import type { Request, RequestHandler } from "express";
import { notFound } from "./api-error.js";

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

/** Which event-types controller answers; a version neither serves is Nest's 404. */
export function eventTypesController(request: Request): "2024-04-15" | "2024-06-14" {
  const version = apiVersionOf(request);
  if (version === "2024-04-15" || version === "2024-06-11") return "2024-04-15";
  if (version === "2024-06-14") return "2024-06-14";
  throw notFound(`Cannot ${request.method} ${request.originalUrl.split("?")[0]}`);
}

/** The legacy slots routes (/available, /reserve, /selected-slot) or GET /v2/slots (2024-09-04): else 404. */
export function requireSlotsController(request: Request, controller: "2024-04-15" | "2024-09-04"): void {
  const serves = apiVersionOf(request) === "2024-09-04" ? "2024-09-04" : "2024-04-15";
  if (serves !== controller) throw notFound(`Cannot ${request.method} ${request.originalUrl.split("?")[0]}`);
}

/** Runs a controller check before authentication, as Nest matches the versioned route before its guards. */
export function versionGate(check: (request: Request) => unknown): RequestHandler {
  return (request, _response, next) => {
    check(request);
    next();
  };
}
