// Workflow ids that carry a digest instead of what they are about, because that is personal data (a
// username is made from an email) or long. Outside workflow code only: hashing needs node:crypto.
import { createHash } from "node:crypto";

function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** One run per managed user at a time: concurrent token requests for one user share one mint. */
export function managedUserTokenWorkflowId(username: string): string {
  return `managed-user-token-${sha256Hex(username.toLowerCase()).slice(0, 24)}`;
}

/** One run per replayed event in one replay request; recognisable by the replay id and booking uid. */
export function replayWorkflowId(
  replayId: string,
  delivery: { deliveryId: string; bookingUid: string | null },
): string {
  const subject = (delivery.bookingUid ?? "no-booking").replace(/[^A-Za-z0-9_-]/g, "-").slice(0, 64);
  return `cal-replay-${replayId}-${subject}-${sha256Hex(delivery.deliveryId).slice(0, 12)}`;
}
