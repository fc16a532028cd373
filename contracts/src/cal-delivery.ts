// The shape of one Cal.com webhook delivery after the api has verified, parsed and normalised it.
// It is the input of the processing workflow, so it must stay serialisable and backwards compatible:
// add optional fields, never rename.
import type { QuestionnaireFollowUp } from "./questionnaire-workflows.js";

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

/**
 * The input of the processing workflow: one delivery when the pipeline is idle, several (the relay's
 * claim, at most MAX_DELIVERIES_PER_RUN) when a backlog waits. Each keeps its own identity (deliveryId).
 */
export interface CalDeliveryBatch {
  deliveries: CalDelivery[];
}

/**
 * The most deliveries one run processes. Bound by the run's CalDeliveryIds search attribute: Temporal
 * refuses a start whose attribute value exceeds 2 KiB (the server's default per-value limit; the dev
 * server answered "value size 3016 exceeds size limit 2048" for 45 ids), and 25 full 64-hex ids take
 * about 1.7 KiB. A run costs Temporal the same whatever it holds, so 25 already cuts its share of
 * each delivery by 25 (bench/README.md).
 */
export const MAX_DELIVERIES_PER_RUN = 25;

/**
 * What became of one delivery: its audit outcome, or `failed` when the database refused its data as
 * invalid (no retry can fix it; the others of its run are kept).
 */
export type DeliveryOutcome = "applied" | "superseded" | "recorded" | "unsupported_template" | "failed";

export interface ProcessCalDeliveryResult {
  deliveryId: string;
  bookingUid: string | null;
  outcome: DeliveryOutcome;
  /** False when a newer event for the same booking had already been applied (or it failed). */
  bookingUpdated: boolean;
  /** Null when it failed. */
  auditLogId: string | null;
  /** Why it failed, without personal data (the SQLSTATE). */
  failure?: string;
  /** Present only when a questionnaire is involved: what the workflow must signal or start (ids only). */
  questionnaires?: QuestionnaireFollowUp;
  /**
   * Bookings of a sensitive event type this delivery touched (the booking, and the one a reschedule
   * replaced): their retention workflows start or read their deadline again. Absent otherwise.
   */
  retentionBookingUids?: string[];
}

/** Per delivery, in the order they were applied (event order per booking). */
export interface ProcessCalDeliveryBatchResult {
  deliveries: ProcessCalDeliveryResult[];
}
