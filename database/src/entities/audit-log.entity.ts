// The audit trail: one row per distinct Cal.com event we received (or reconciled), never updated.
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, CreateDateColumn } from "typeorm";
import { User } from "./user.entity.js";

/** `unsupported_template`: a body not in Cal.com's standard envelope, kept (sealed) for an operator. */
export type AuditOutcome = "applied" | "superseded" | "recorded" | "unsupported_template" | "expired" | "forgotten";
type AuditSource = "webhook" | "reconciled" | "replay" | "connection" | "sensitive" | "retention";

@Entity({ name: "audit_logs" })
export class AuditLog {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Index("audit_logs_delivery_id_key", { unique: true })
  @Column({ name: "delivery_id", type: "text" })
  deliveryId!: string;

  @Index("audit_logs_trigger_event_idx")
  @Column({ name: "trigger_event", type: "text" })
  triggerEvent!: string;

  @Column({ type: "text" })
  outcome!: AuditOutcome;

  @Column({ type: "text", default: "webhook" })
  source!: AuditSource;

  /** Cal.com's X-Cal-Webhook-Version of the delivery (not personal); null when not sent or not a webhook. */
  @Column({ name: "webhook_version", type: "text", nullable: true })
  webhookVersion!: string | null;

  @Index("audit_logs_user_id_idx")
  @Column({ name: "user_id", type: "uuid", nullable: true })
  userId!: string | null;

  @ManyToOne(
    () => User,
    (user) => user.auditLogs,
    { onDelete: "SET NULL" },
  )
  @JoinColumn({ name: "user_id" })
  user!: User | null;

  @Index("audit_logs_booking_uid_idx")
  @Column({ name: "booking_uid", type: "text", nullable: true })
  bookingUid!: string | null;

  @Index("audit_logs_occurred_at_idx")
  @Column({ name: "occurred_at", type: "timestamptz" })
  occurredAt!: Date;

  @Column({ name: "received_at", type: "timestamptz" })
  receivedAt!: Date;

  /** encrypted JSON: the body as Cal.com sent it. */
  @Column({ type: "text" })
  payload!: string;

  @CreateDateColumn({ name: "recorded_at", type: "timestamptz" })
  recordedAt!: Date;
}
