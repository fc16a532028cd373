// Keeps a sensitive booking's personal data until SENSITIVE_RETENTION_DAYS after the appointment, then
// erases it. A durable timer: the run sleeps in Temporal until the deadline (days; nothing runs in the
// meantime). A reschedule signals it to read the deadline again; an administrator's request to be
// forgotten signals it to erase at once. Only ids, dates and counts pass through its history.
// Deterministic code only: every side effect is an activity.
import { condition, defineSignal, proxyActivities, setHandler, workflowInfo } from "@temporalio/workflow";
import {
  SENSITIVE_RETENTION_FORGET_SIGNAL,
  SENSITIVE_RETENTION_MOVED_SIGNAL,
  type ErasureReason,
  type SensitiveRetentionInput,
  type SensitiveRetentionResult,
} from "@churchhub/contracts";
// Types only: activity code never enters the workflow sandbox.
import type { SensitiveRetentionActivities } from "@churchhub/activities";

export const sensitiveRetentionMovedSignal = defineSignal(SENSITIVE_RETENTION_MOVED_SIGNAL);
export const sensitiveRetentionForgetSignal = defineSignal(SENSITIVE_RETENTION_FORGET_SIGNAL);

// The erasure must happen however long the database is away: retried without limit, backing off.
const { readSensitiveRetention, eraseSensitivePersonalData } = proxyActivities<SensitiveRetentionActivities>({
  startToCloseTimeout: "1 minute",
  retry: { initialInterval: "1 second", backoffCoefficient: 2, maximumInterval: "5 minutes" },
});

export async function expireSensitivePersonalDataWorkflow(
  input: SensitiveRetentionInput,
): Promise<SensitiveRetentionResult> {
  let forget = false;
  let moved = false;
  setHandler(sensitiveRetentionForgetSignal, () => {
    forget = true;
  });
  setHandler(sensitiveRetentionMovedSignal, () => {
    moved = true;
  });

  const erase = async (reason: ErasureReason): Promise<SensitiveRetentionResult> => ({
    outcome: "erased",
    erasure: await eraseSensitivePersonalData({
      bookingUid: input.bookingUid,
      reason,
      requestKey: workflowInfo().runId,
    }),
  });

  for (;;) {
    // Cleared before reading: a move signalled while the read runs makes the loop read once more.
    moved = false;
    const state = await readSensitiveRetention(input);
    if (forget) return erase("forgotten");
    if (!state.sensitive || state.eraseAt === null) return { outcome: "not_sensitive", bookingUid: input.bookingUid };
    const wait = Date.parse(state.eraseAt) - Date.now();
    if (wait <= 0) return erase("expired");
    await condition(() => forget || moved, wait);
  }
}
