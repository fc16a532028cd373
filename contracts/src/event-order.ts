// How events for one booking are ordered when they arrive out of order. Cal.com's envelope `createdAt`
// is the primary key; when two events share a timestamp, the trigger that comes later in a booking's
// life wins (a cancellation outranks the creation it follows), then the delivery id breaks the tie.

const TRIGGER_RANK: Record<string, number> = {
  BOOKING_REQUESTED: 10,
  BOOKING_CREATED: 20,
  BOOKING_PAYMENT_INITIATED: 30,
  BOOKING_PAID: 40,
  BOOKING_RESCHEDULED: 50,
  BOOKING_REJECTED: 60,
  BOOKING_CANCELLED: 70,
};

export function triggerRank(triggerEvent: string): number {
  return TRIGGER_RANK[triggerEvent] ?? 0;
}

export interface EventVersion {
  occurredAt: Date;
  rank: number;
  deliveryId: string;
}

/** Positive when `a` is newer than `b`, negative when older, 0 for the same event. */
export function compareEventVersions(a: EventVersion, b: EventVersion): number {
  const byTime = a.occurredAt.getTime() - b.occurredAt.getTime();
  if (byTime !== 0) return byTime;
  if (a.rank !== b.rank) return a.rank - b.rank;
  return a.deliveryId < b.deliveryId ? -1 : a.deliveryId > b.deliveryId ? 1 : 0;
}

interface OrderedDelivery {
  bookingUid: string | null;
  occurredAt: string;
  triggerEvent: string;
  deliveryId: string;
}

function versionOf(delivery: OrderedDelivery): EventVersion {
  return {
    occurredAt: new Date(delivery.occurredAt),
    rank: triggerRank(delivery.triggerEvent),
    deliveryId: delivery.deliveryId,
  };
}

/**
 * Several deliveries grouped by booking (uid order, deliveries without a booking last), each booking's
 * oldest event first. Applying a batch in this order applies each booking's events in event order, and
 * transactions that share bookings lock their rows in the same order (no deadlock between them).
 */
export function inEventOrderPerBooking<T extends OrderedDelivery>(deliveries: readonly T[]): T[] {
  return [...deliveries].sort((a, b) => {
    if (a.bookingUid !== b.bookingUid) {
      if (a.bookingUid === null) return 1;
      if (b.bookingUid === null) return -1;
      return a.bookingUid < b.bookingUid ? -1 : 1;
    }
    return compareEventVersions(versionOf(a), versionOf(b));
  });
}
