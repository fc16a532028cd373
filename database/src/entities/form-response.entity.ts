// What a booker answered on a booking form, one row per booking and form.
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
import { Form } from "./form.entity.js";

@Entity({ name: "form_responses" })
@Index("form_responses_form_booking_key", ["formId", "bookingId"], { unique: true })
export class FormResponse {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ name: "form_id", type: "uuid" })
  formId!: string;

  @ManyToOne(
    () => Form,
    (form) => form.responses,
    { onDelete: "CASCADE" },
  )
  @JoinColumn({ name: "form_id" })
  form!: Form;

  @Index("form_responses_booking_id_idx")
  @Column({ name: "booking_id", type: "uuid" })
  bookingId!: string;

  @ManyToOne(
    () => Booking,
    (booking) => booking.formResponses,
    { onDelete: "CASCADE" },
  )
  @JoinColumn({ name: "booking_id" })
  booking!: Booking;

  /** encrypted JSON */
  @Column({ type: "text" })
  answers!: string;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt!: Date;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt!: Date;
}
