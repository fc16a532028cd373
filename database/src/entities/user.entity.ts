// A Cal.com user we know of: an organizer of bookings (keyed by Cal.com user id) or a managed user.
import { Column, CreateDateColumn, Entity, Index, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";
import { AuditLog } from "./audit-log.entity.js";
import { Booking } from "./booking.entity.js";

@Entity({ name: "users" })
export class User {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Index("users_cal_user_id_key", { unique: true })
  @Column({ name: "cal_user_id", type: "integer" })
  calUserId!: number;

  @Index("users_username_idx")
  @Column({ type: "text", nullable: true })
  username!: string | null;

  /** encrypted */
  @Column({ type: "text", nullable: true })
  name!: string | null;

  /** encrypted */
  @Column({ type: "text", nullable: true })
  email!: string | null;

  /** Keyed blind index (HMAC) of the email, for equality lookups without plaintext. */
  @Index("users_email_index_idx")
  @Column({ name: "email_index", type: "text", nullable: true })
  emailIndex!: string | null;

  @Column({ name: "time_zone", type: "text", nullable: true })
  timeZone!: string | null;

  @Column({ type: "text", nullable: true })
  locale!: string | null;

  @OneToMany(
    () => Booking,
    (booking) => booking.user,
  )
  bookings!: Booking[];

  @OneToMany(
    () => AuditLog,
    (auditLog) => auditLog.user,
  )
  auditLogs!: AuditLog[];

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt!: Date;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt!: Date;
}
