// `npm run dev` in sandbox mode: one seeded host's counselling event type is marked sensitive through the
// same service as the staff area's switch, so the same workflow applies the privacy settings at the
// emulator with the host's token, and the event type's page opens with private booking.
import { createSensitiveSettingsService, createTemporalClient } from "@churchhub/api";
import { loadFixtures } from "@churchhub/cal-emulator";
import { createProtectorFromSettings } from "@churchhub/field-encryption";
import type { Settings } from "@churchhub/settings";
import { createDataConverter } from "@churchhub/temporal-encryption";
import pg from "pg";

/** The seeded event type: a conversation people may not want in a shared calendar. */
export const SEEDED_SENSITIVE_EVENT_SLUG = "counselling-session";

/** Marks the seeded event type sensitive (again on every start: the emulator's state is in memory). */
export async function seedSandboxSensitiveEventType(input: {
  settings: Settings;
  databaseUrl: string;
  temporalAddress: string;
  webUrl: string;
}): Promise<string> {
  const fixtures = loadFixtures();
  const eventType = fixtures.eventTypes.find((candidate) => candidate.slug === SEEDED_SENSITIVE_EVENT_SLUG);
  const host = fixtures.managedUsers.find((candidate) => candidate.id === eventType?.ownerId);
  if (!eventType || !host)
    throw new Error(`the emulator's fixtures have no managed user's "${SEEDED_SENSITIVE_EVENT_SLUG}"`);

  const pool = new pg.Pool({ connectionString: input.databaseUrl, max: 1, application_name: "churchhub-dev" });
  const keyring = createProtectorFromSettings(input.settings).cipher.keyring;
  const client = createTemporalClient(
    input.temporalAddress,
    input.settings.TEMPORAL_NAMESPACE,
    createDataConverter(keyring),
  );
  try {
    const service = createSensitiveSettingsService({
      pool,
      temporal: { client, taskQueue: input.settings.TEMPORAL_TASK_QUEUE },
    });
    await service.setEventTypeSensitive(host.id, eventType.id, true);
    return `${input.webUrl}/book/${host.username}/${eventType.slug}`;
  } finally {
    await Promise.all([pool.end(), client.connection.close()]);
  }
}
