// Sensitive mode at Cal.com, started by a staff change: apply one event type's privacy settings with
// its host's token, or give a host's default to their event types that have no choice of their own
// and apply it to those now sensitive. Each run answers one staff request (its id carries the request key).
import type {
  ApplySensitiveHostDefaultInput,
  ApplySensitiveHostDefaultResult,
  ApplySensitiveSettingsInput,
  SensitiveSettingsOutcome,
} from "@churchhub/contracts";
import { adoptSensitiveHostDefault, enforceOrMarkFailed, staffReads } from "./sensitive-settings.activities.js";

export async function applySensitiveSettingsWorkflow(
  input: ApplySensitiveSettingsInput,
): Promise<SensitiveSettingsOutcome> {
  return enforceOrMarkFailed(input.calEventTypeId, input.trigger, input.requestKey);
}

export async function applySensitiveHostDefaultWorkflow(
  input: ApplySensitiveHostDefaultInput,
): Promise<ApplySensitiveHostDefaultResult> {
  const listed = await staffReads.listHostEventTypes({ calUserId: input.calUserId });
  if (!listed.readable) return { adopted: 0, outcomes: [], problem: listed.problem };
  const { adopted, sensitiveIds } = await adoptSensitiveHostDefault({
    calUserId: input.calUserId,
    eventTypeIds: listed.eventTypes.map((eventType) => eventType.id),
  });
  const outcomes: SensitiveSettingsOutcome[] = [];
  for (const calEventTypeId of sensitiveIds)
    outcomes.push(await enforceOrMarkFailed(calEventTypeId, "staff", input.requestKey));
  return { adopted, outcomes, problem: null };
}
