// Workflow ids that carry a digest instead of what they are about, because that is personal data (a
// username is made from an email) or long. Outside workflow code only: hashing needs node:crypto.
import { createHash } from "node:crypto";
import { calDeliveryWorkflowId } from "../workflow-ids.js";

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

/**
 * The run of a relay's batch. One delivery keeps its event's id (so the api's direct start, a redelivery
 * and the relay collapse into one run); several get a digest of their delivery ids (the same claim
 * started twice is one run). A delivery's run is found by its id in the CalDeliveryIds search attribute.
 */
export function calDeliveryRunWorkflowId(
  deliveries: ReadonlyArray<{ triggerEvent: string; bookingUid: string | null; deliveryId: string }>,
): string {
  if (deliveries.length === 1) return calDeliveryWorkflowId(deliveries[0]!);
  const ids = deliveries.map((delivery) => delivery.deliveryId).sort();
  return `cal-batch-${deliveries.length}-${sha256Hex(ids.join(",")).slice(0, 24)}`;
}
