// A church's rule for how bookings are handled (for example how long pastoral notes are kept).
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";

@Entity({ name: "policies" })
export class Policy {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Index("policies_name_key", { unique: true })
  @Column({ type: "text" })
  name!: string;

  @Column({ type: "text", nullable: true })
  description!: string | null;

  @Column({ type: "jsonb", default: () => "'{}'" })
  rules!: Record<string, unknown>;

  @Column({ type: "boolean", default: true })
  active!: boolean;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt!: Date;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt!: Date;
}
