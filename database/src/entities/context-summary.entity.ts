// A short summary of the context around a person's bookings, kept for the host who serves them.
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
import { Booking } from "./booking.entity.js";
import { User } from "./user.entity.js";

@Entity({ name: "context_summaries" })
export class ContextSummary {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Index("context_summaries_user_id_idx")
  @Column({ name: "user_id", type: "uuid", nullable: true })
  userId!: string | null;

  @ManyToOne(() => User, { onDelete: "CASCADE" })
  @JoinColumn({ name: "user_id" })
  user!: User | null;

  @Index("context_summaries_booking_id_idx")
  @Column({ name: "booking_id", type: "uuid", nullable: true })
  bookingId!: string | null;

  @ManyToOne(() => Booking, { onDelete: "CASCADE" })
  @JoinColumn({ name: "booking_id" })
  booking!: Booking | null;

  /** encrypted */
  @Column({ type: "text" })
  summary!: string;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt!: Date;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt!: Date;
}
