// Reads and writes the managed-user token cache. Tokens are encrypted before they reach SQL and
// decrypted after; the purpose strings bind each ciphertext to its column.
import { createHash } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import { DecryptionError, type FieldCipher } from "@churchhub/field-encryption";

const ACCESS_PURPOSE = "managed_user_tokens.access_token";
const REFRESH_PURPOSE = "managed_user_tokens.refresh_token";

export interface StoredManagedUserTokens {
  calUserId: number;
  username: string;
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
}

interface TokenRow {
  cal_user_id: number;
  username: string;
  access_token_encrypted: string;
  access_token_expires_at: Date;
  refresh_token_encrypted: string;
  refresh_token_expires_at: Date;
}

export function hashAccessToken(accessToken: string): string {
  return createHash("sha256").update(accessToken).digest("hex");
}

export function createManagedUserTokenStore(deps: { dataSource: DataSource; cipher: FieldCipher }) {
  const { dataSource, cipher } = deps;

  /**
   * A cache entry that cannot be opened (sealed under a key no longer configured, or damaged) is a
   * cache miss: the caller mints new tokens, which overwrite it. Never returned as-is.
   */
  function fromRow(row: TokenRow | undefined): StoredManagedUserTokens | null {
    if (!row) return null;
    try {
      return openRow(row);
    } catch (error) {
      if (error instanceof DecryptionError) return null;
      throw error;
    }
  }

  function openRow(row: TokenRow): StoredManagedUserTokens {
    return {
      calUserId: row.cal_user_id,
      username: row.username,
      accessToken: cipher.decrypt(row.access_token_encrypted, ACCESS_PURPOSE),
      accessTokenExpiresAt: new Date(row.access_token_expires_at),
      refreshToken: cipher.decrypt(row.refresh_token_encrypted, REFRESH_PURPOSE),
      refreshTokenExpiresAt: new Date(row.refresh_token_expires_at),
    };
  }

  return {
    async findByUsername(username: string): Promise<StoredManagedUserTokens | null> {
      const rows: TokenRow[] = await dataSource.query("SELECT * FROM managed_user_tokens WHERE username = $1", [
        username,
      ]);
      return fromRow(rows[0]);
    },

    async findByAccessToken(accessToken: string): Promise<StoredManagedUserTokens | null> {
      const rows: TokenRow[] = await dataSource.query(
        "SELECT * FROM managed_user_tokens WHERE access_token_hash = $1",
        [hashAccessToken(accessToken)],
      );
      return fromRow(rows[0]);
    },

    async findByCalUserId(calUserId: number): Promise<StoredManagedUserTokens | null> {
      const rows: TokenRow[] = await dataSource.query("SELECT * FROM managed_user_tokens WHERE cal_user_id = $1", [
        calUserId,
      ]);
      return fromRow(rows[0]);
    },

    /**
     * Runs `work` holding a per-user lock, so concurrent refreshes for one user happen one at a time:
     * a refresh token rotates on use, and two refreshes racing would kill each other's token.
     */
    async withUserLock<T>(calUserId: number, work: (locked: LockedTokenStore) => Promise<T>): Promise<T> {
      return dataSource.transaction(async (manager) => {
        await manager.query("SELECT pg_advisory_xact_lock($1, $2)", [727_002, calUserId]);
        return work(lockedStore(manager));
      });
    },
  };

  function lockedStore(manager: EntityManager): LockedTokenStore {
    return {
      async read(calUserId) {
        const rows: TokenRow[] = await manager.query("SELECT * FROM managed_user_tokens WHERE cal_user_id = $1", [
          calUserId,
        ]);
        return fromRow(rows[0]);
      },
      async save(tokens) {
        await manager.query(
          `INSERT INTO managed_user_tokens (cal_user_id, username, access_token_encrypted, access_token_hash, access_token_expires_at,
             refresh_token_encrypted, refresh_token_expires_at, key_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
           ON CONFLICT (cal_user_id) DO UPDATE SET username = EXCLUDED.username,
             access_token_encrypted = EXCLUDED.access_token_encrypted, access_token_hash = EXCLUDED.access_token_hash,
             access_token_expires_at = EXCLUDED.access_token_expires_at, refresh_token_encrypted = EXCLUDED.refresh_token_encrypted,
             refresh_token_expires_at = EXCLUDED.refresh_token_expires_at, key_id = EXCLUDED.key_id, updated_at = now()`,
          [
            tokens.calUserId,
            tokens.username,
            cipher.encrypt(tokens.accessToken, ACCESS_PURPOSE),
            hashAccessToken(tokens.accessToken),
            tokens.accessTokenExpiresAt,
            cipher.encrypt(tokens.refreshToken, REFRESH_PURPOSE),
            tokens.refreshTokenExpiresAt,
            cipher.activeKeyId,
          ],
        );
      },
    };
  }
}

interface LockedTokenStore {
  read(calUserId: number): Promise<StoredManagedUserTokens | null>;
  save(tokens: StoredManagedUserTokens): Promise<void>;
}

export type ManagedUserTokenStore = ReturnType<typeof createManagedUserTokenStore>;
