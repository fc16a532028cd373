// Public look-ups the Booker makes without a token: `GET /v2/timezones` (the time-zone picker) and
// `GET /v2/atoms/verification/email/check` (is an emailed code needed? never, here).
// Sources: apps/api/v2/src/modules/timezones/controllers/timezones.controller.ts,
// modules/atoms/controllers/atoms.verification.controller.ts; atoms dist (useTimezones, useVerifyEmail).
import { sendData } from "../http/envelope.js";
import type { DeclareRoute } from "../http/route-probes.js";

/**
 * Zones newer than the time-zone data inside @calcom/atoms (spacetime): Cal.com's own city list does
 * not offer them, and the Booker's picker throws "Cannot find timezone" on them, failing the page.
 */
const ZONES_UNKNOWN_TO_THE_ATOMS = new Set(["America/Ciudad_Juarez", "America/Coyhaique"]);

/** Cal.com lists cities per zone (city-timezones); the emulator derives one city per IANA zone from Intl. */
function cityTimeZones(): { city: string; timezone: string }[] {
  return Intl.supportedValuesOf("timeZone")
    .filter((timezone) => !ZONES_UNKNOWN_TO_THE_ATOMS.has(timezone))
    .map((timezone) => ({
      city: (timezone.split("/").pop() ?? timezone).replace(/_/g, " "),
      timezone,
    }));
}

export function declarePublicLookupRoutes(declare: DeclareRoute): void {
  const timeZones = cityTimeZones();

  declare("get", "/timezones", (_request, response) => {
    sendData(response, timeZones);
  });

  declare("get", "/atoms/verification/email/check", (_request, response) => {
    sendData(response, false);
  });
}
