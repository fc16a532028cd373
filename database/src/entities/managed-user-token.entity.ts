// The cached Cal.com tokens of one managed user. Both tokens are stored encrypted (AES-256-GCM, key
// id inside the value and in key_id); the access token's SHA-256 lets the Atoms refresh endpoint
// find the row from the token a browser presents without storing that token in the clear.
import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from "typeorm";

@Entity({ name: "managed_user_tokens" })
export class ManagedUserToken {
  @PrimaryColumn({ name: "cal_user_id", type: "integer" })
  calUserId!: number;

  @Index("managed_user_tokens_username_key", { unique: true })
  @Column({ type: "text" })
  username!: string;

  @Column({ name: "access_token_encrypted", type: "text" })
  accessTokenEncrypted!: string;

  @Index("managed_user_tokens_access_token_hash_key", { unique: true })
  @Column({ name: "access_token_hash", type: "text" })
  accessTokenHash!: string;

  @Column({ name: "access_token_expires_at", type: "timestamptz" })
  accessTokenExpiresAt!: Date;

  @Column({ name: "refresh_token_encrypted", type: "text" })
  refreshTokenEncrypted!: string;

  @Column({ name: "refresh_token_expires_at", type: "timestamptz" })
  refreshTokenExpiresAt!: Date;

  @Index("managed_user_tokens_key_id_idx")
  @Column({ name: "key_id", type: "text" })
  keyId!: string;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt!: Date;
}
