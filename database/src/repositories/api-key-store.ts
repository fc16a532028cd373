// API keys for the non-public endpoints. The key is shown once, at creation; only its SHA-256 is
// stored, so a database dump reveals no usable credential. Roles: admin (may see personal data) and
// operator (runs the system: encode, replay, reconciliation, metrics).
import { createHash, randomBytes } from "node:crypto";
import type { DataSource } from "typeorm";

export type Role = "admin" | "operator";
export const ROLES: readonly Role[] = ["admin", "operator"];

export interface Principal {
  keyId: string;
  name: string;
  role: Role;
}

const KEY_PREFIX = "chk_";

function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function createApiKeyStore(deps: { dataSource: DataSource }) {
  return {
    async create(input: { name: string; role: Role }): Promise<{ id: string; key: string }> {
      const key = `${KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
      const [row] = await deps.dataSource.query(
        "INSERT INTO api_keys (name, role, key_hash) VALUES ($1, $2, $3) RETURNING id",
        [input.name, input.role, hashApiKey(key)],
      );
      return { id: row.id, key };
    },

    async authenticate(key: string): Promise<Principal | null> {
      if (!key.startsWith(KEY_PREFIX) || key.length > 200) return null;
      // TypeORM answers an UPDATE … RETURNING with [rows, affected count].
      const [rows]: [Array<{ id: string; name: string; role: Role }>, number] = await deps.dataSource.query(
        "UPDATE api_keys SET last_used_at = now() WHERE key_hash = $1 AND revoked_at IS NULL RETURNING id, name, role",
        [hashApiKey(key)],
      );
      const row = rows[0];
      return row ? { keyId: row.id, name: row.name, role: row.role } : null;
    },

    async revoke(id: string): Promise<boolean> {
      const [, affected]: [unknown[], number] = await deps.dataSource.query(
        "UPDATE api_keys SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id",
        [id],
      );
      return affected > 0;
    },

    async list(): Promise<
      Array<{ id: string; name: string; role: Role; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null }>
    > {
      const rows = await deps.dataSource.query(
        "SELECT id, name, role, created_at, last_used_at, revoked_at FROM api_keys ORDER BY created_at",
      );
      // biome-ignore lint/suspicious/noExplicitAny: rows of a raw query are untyped until mapped here
      return rows.map((row: Record<string, any>) => ({
        id: row.id,
        name: row.name,
        role: row.role,
        createdAt: row.created_at,
        lastUsedAt: row.last_used_at,
        revokedAt: row.revoked_at,
      }));
    },
  };
}

export type ApiKeyStore = ReturnType<typeof createApiKeyStore>;
