// Workflow ids are how duplicates collapse and how a person finds a run in the Temporal UI, so they
// say what the event is (trigger + booking uid + short digest) and carry no personal data.

const SAFE = /[^A-Za-z0-9_-]/g;

export function calDeliveryWorkflowId(delivery: {
  triggerEvent: string;
  bookingUid: string | null;
  deliveryId: string;
}): string {
  const trigger = delivery.triggerEvent.toLowerCase().replace(SAFE, "-").slice(0, 48) || "unknown";
  const subject = (delivery.bookingUid ?? "no-booking").replace(SAFE, "-").slice(0, 64);
  return `cal-${trigger}-${subject}-${delivery.deliveryId.slice(0, 16)}`;
}
