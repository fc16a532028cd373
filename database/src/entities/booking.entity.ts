// One Cal.com booking (keyed by its uid), as of the latest event we have applied to it. Columns that
// can hold personal data are AES-256-GCM ciphertext written by the application ("encrypted:" below).
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from "typeorm";
import type { BookingStatus } from "@churchhub/contracts";
import { User } from "./user.entity.js";

export interface StatusChange {
  status: BookingStatus;
  triggerEvent: string;
  occurredAt: string;
  deliveryId: string;
}

@Entity({ name: "bookings" })
export class Booking {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Index("bookings_uid_key", { unique: true })
  @Column({ type: "text" })
  uid!: string;

  @Index("bookings_cal_booking_id_idx")
  @Column({ name: "cal_booking_id", type: "integer", nullable: true })
  calBookingId!: number | null;

  @Index("bookings_user_id_idx")
  @Column({ name: "user_id", type: "uuid", nullable: true })
  userId!: string | null;

  @ManyToOne(
    () => User,
    (user) => user.bookings,
    { onDelete: "SET NULL" },
  )
  @JoinColumn({ name: "user_id" })
  user!: User | null;

  /** encrypted: Cal.com titles name the attendee ("… between Host and Attendee"). */
  @Column({ type: "text", nullable: true })
  title!: string | null;

  /** encrypted */
  @Column({ type: "text", nullable: true })
  description!: string | null;

  @Index("bookings_start_time_idx")
  @Column({ name: "start_time", type: "timestamptz" })
  startTime!: Date;

  @Column({ name: "end_time", type: "timestamptz" })
  endTime!: Date;

  @Index("bookings_status_idx")
  @Column({ type: "text" })
  status!: BookingStatus;

  @Column({ name: "status_history", type: "jsonb", default: () => "'[]'" })
  statusHistory!: StatusChange[];

  @Index("bookings_event_type_id_idx")
  @Column({ name: "event_type_id", type: "integer", nullable: true })
  eventTypeId!: number | null;

  @Column({ name: "event_type_slug", type: "text", nullable: true })
  eventTypeSlug!: string | null;

  /** encrypted: may be a phone number or an address. */
  @Column({ type: "text", nullable: true })
  location!: string | null;

  @Column({ name: "organizer_time_zone", type: "text", nullable: true })
  organizerTimeZone!: string | null;

  /** encrypted JSON: PersonSnapshot[] */
  @Column({ type: "text", nullable: true })
  attendees!: string | null;

  /** Keyed blind index (HMAC) of each attendee's email, for equality lookups without plaintext. */
  // A GIN index (created by the migration); TypeORM cannot describe GIN, so it leaves it alone.
  @Index("bookings_attendee_email_index_idx", { synchronize: false })
  @Column({ name: "attendee_email_index", type: "text", array: true, default: () => "'{}'" })
  attendeeEmailIndex!: string[];

  /** encrypted JSON */
  @Column({ type: "text", nullable: true })
  responses!: string | null;

  /** encrypted JSON */
  @Column({ type: "text", nullable: true })
  metadata!: string | null;

  /** encrypted JSON: the latest applied webhook body in full (Cal.com adds fields over time; we keep them). */
  @Column({ type: "text" })
  payload!: string;

  @Index("bookings_rescheduled_from_uid_idx")
  @Column({ name: "rescheduled_from_uid", type: "text", nullable: true })
  rescheduledFromUid!: string | null;

  @Column({ name: "rescheduled_to_uid", type: "text", nullable: true })
  rescheduledToUid!: string | null;

  /** encrypted */
  @Column({ name: "rescheduled_by", type: "text", nullable: true })
  rescheduledBy!: string | null;

  /** encrypted */
  @Column({ name: "cancellation_reason", type: "text", nullable: true })
  cancellationReason!: string | null;

  /** encrypted */
  @Column({ name: "cancelled_by", type: "text", nullable: true })
  cancelledBy!: string | null;

  /** encrypted */
  @Column({ name: "rejection_reason", type: "text", nullable: true })
  rejectionReason!: string | null;

  /** Version of the row: the occurrence time, trigger rank and delivery id of the event it reflects. */
  @Column({ name: "last_event_at", type: "timestamptz" })
  lastEventAt!: Date;

  @Column({ name: "last_event_rank", type: "integer" })
  lastEventRank!: number;

  @Column({ name: "last_delivery_id", type: "text" })
  lastDeliveryId!: string;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt!: Date;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt!: Date;
}
