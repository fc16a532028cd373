// A booking form: the questions a Cal.com event type asks (one per event type).
import { Column, CreateDateColumn, Entity, Index, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";
import { FormResponse } from "./form-response.entity.js";

@Entity({ name: "forms" })
export class Form {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Index("forms_cal_event_type_id_key", { unique: true })
  @Column({ name: "cal_event_type_id", type: "integer" })
  calEventTypeId!: number;

  @Column({ type: "text", nullable: true })
  slug!: string | null;

  /** The field names seen in responses to this form (labels and values live in the responses). */
  @Column({ type: "jsonb", default: () => "'[]'" })
  fields!: string[];

  @OneToMany(
    () => FormResponse,
    (formResponse) => formResponse.form,
  )
  responses!: FormResponse[];

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt!: Date;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt!: Date;
}
