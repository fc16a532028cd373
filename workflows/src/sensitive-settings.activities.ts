// The sensitive-mode activities as the workflows call them: Cal.com down is retried for a few minutes,
// then the event type is marked failed (enforcing); the staff area's reads give up sooner, since a
// person is waiting for them.
import { ActivityFailure, proxyActivities } from "@temporalio/workflow";
import type { SensitiveSettingsOutcome, SensitiveSettingsTrigger } from "@churchhub/contracts";
import type { SensitiveSettingsActivities } from "@churchhub/activities";

const enforcing = proxyActivities<SensitiveSettingsActivities>({
  startToCloseTimeout: "1 minute",
  retry: { initialInterval: "2 seconds", backoffCoefficient: 2, maximumInterval: "1 minute", maximumAttempts: 8 },
});

export const staffReads = proxyActivities<SensitiveSettingsActivities>({
  startToCloseTimeout: "20 seconds",
  retry: { initialInterval: "1 second", backoffCoefficient: 2, maximumInterval: "5 seconds", maximumAttempts: 3 },
});

export const { listSensitiveEventTypeIds, adoptSensitiveHostDefault } = enforcing;

/** Enforces one event type; a Cal.com that stays down leaves it `failed`, saying so. */
export async function enforceOrMarkFailed(
  calEventTypeId: number,
  trigger: SensitiveSettingsTrigger,
  requestKey: string,
): Promise<SensitiveSettingsOutcome> {
  try {
    return await enforcing.enforceSensitiveSettings({ calEventTypeId, trigger, requestKey });
  } catch (error) {
    const cause = error instanceof ActivityFailure ? error.cause : error;
    const detail = `Cal.com could not be reached to apply the settings (${
      cause instanceof Error ? cause.message : "unknown error"
    }); the next reconciliation tries again.`;
    await enforcing.markSensitiveSettingsFailed({ calEventTypeId, detail });
    return { calEventTypeId, state: "failed", changed: [], detail };
  }
}
