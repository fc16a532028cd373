// Temporary: papers over a Cal.com emulator gap in the browser until the emulator is fixed.
//
// GET /v2/timezones on the emulator lists every zone Node's Intl knows, including
// America/Ciudad_Juarez (tzdata 2022g) and America/Coyhaique (2025b). Cal.com answers from its
// city-timezones data, which has neither, and the time-zone picker bundled in @calcom/atoms 2.6.0
// (spacetime 7.1.4) throws "Cannot find timezone named" on them, so the whole Booker fails.
// Remove this once the emulator's list matches Cal.com's.
import type { Page } from 'playwright-core';

const ZONES_UNKNOWN_TO_THE_BOOKER = new Set(['America/Ciudad_Juarez', 'America/Coyhaique']);

export async function hideTimeZonesTheBookerCannotShow(page: Page, calApiUrl: string): Promise<void> {
  await page.route(`${calApiUrl}/timezones`, async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { status: string; data?: Array<{ timezone: string }> };
    const data = body.data?.filter((zone) => !ZONES_UNKNOWN_TO_THE_BOOKER.has(zone.timezone));
    await route.fulfill({ response, json: { ...body, data } });
  });
}
