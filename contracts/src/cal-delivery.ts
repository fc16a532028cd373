// The shape of one Cal.com webhook delivery after the api has verified, parsed and normalised it.
// It is the input of the processing workflow, so it must stay serialisable and backwards compatible:
// add optional fields, never rename.

/** Booking statuses, lower-case as Cal.com's API v2 reports them (webhooks send them upper-case). */
export const BOOKING_STATUSES = ["accepted", "pending", "cancelled", "rejected", "awaiting_host", "unknown"] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

export interface PersonSnapshot {
  name: string | null;
  email: string | null;
  timeZone: string | null;
  locale: string | null;
  phoneNumber: string | null;
}

export interface OrganizerSnapshot extends PersonSnapshot {
  calUserId: number;
  username: string | null;
}

export interface BookingSnapshot {
  uid: string;
  calBookingId: number | null;
  title: string | null;
  description: string | null;
  startTime: string;
  endTime: string;
  status: BookingStatus;
  eventTypeId: number | null;
  eventTypeSlug: string | null;
  location: string | null;
  organizer: OrganizerSnapshot;
  attendees: PersonSnapshot[];
  responses: Record<string, unknown> | null;
  metadata: Record<string, unknown> | null;
  /** Set on a reschedule: the booking this one replaces. */
  rescheduledFromUid: string | null;
  rescheduledBy: string | null;
  cancellationReason: string | null;
  cancelledBy: string | null;
  rejectionReason: string | null;
}

export type DeliveryKind = "booking" | "other";

export interface CalDelivery {
  /** Hex SHA-256 over the event's identity (trigger + payload): equal for redeliveries of one event. */
  deliveryId: string;
  triggerEvent: string;
  kind: DeliveryKind;
  /** When Cal.com says the event happened (the envelope's createdAt); orders events for one booking. */
  occurredAt: string;
  receivedAt: string;
  /** The booking uid the event is about, when there is one. */
  bookingUid: string | null;
  booking: BookingSnapshot | null;
  /** The body as Cal.com sent it (unknown fields kept): the audit trail's evidence. */
  rawBody: unknown;
  /** How it reached us: a webhook (default), the reconciliation against Cal.com's API, or a replay. */
  source?: DeliverySource;
  /** The api request that received it (X-Request-Id), also in the workflow's memo and the logs. */
  requestId?: string;
  /** W3C traceparent of that request, so the workflow's spans join the request's trace. */
  traceparent?: string;
  /** Cal.com's `X-Cal-Webhook-Version` (the subscription's payload version, e.g. 2021-10-20), when sent. */
  webhookVersion?: string;
  /**
   * `unsupported_template`: not Cal.com's standard envelope (a subscription's payloadTemplate rendered it;
   * we never set one, an operator may). Acknowledged and audited with the raw body, sealed, for an operator.
   */
  bodyShape?: "unsupported_template";
}

type DeliverySource = "webhook" | "reconciled" | "replay";

export interface ProcessCalDeliveryResult {
  deliveryId: string;
  bookingUid: string | null;
  /** False when a newer event for the same booking had already been applied. */
  bookingUpdated: boolean;
  auditLogId: string;
}
