// Hosts' Cal.com accounts connected through OAuth 2.0. Tokens and the per-connection webhook secret are
// sealed before they reach SQL (purpose-bound, like the managed-user tokens); nothing here logs them.
import { createHash, randomBytes } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import { DecryptionError, type FieldCipher } from "@churchhub/field-encryption";

const ACCESS_PURPOSE = "cal_connections.access_token";
const REFRESH_PURPOSE = "cal_connections.refresh_token";
const SECRET_PURPOSE = "cal_connections.webhook_secret";
// Per-connection advisory lock namespace (managed-user tokens use 727_002).
const CONNECTION_LOCK = 727_003;

export type ConnectionStatus = "connected" | "needs_reconnect" | "disconnected";
/** Whether Cal.com holds our webhook for the account; `missing_scope`: it refused (403) for the token's scopes. */
export type ConnectionWebhookStatus = "pending" | "registered" | "missing_scope";

export interface CalConnection {
  id: string;
  calUserId: number;
  userId: string | null;
  username: string;
  status: ConnectionStatus;
  scopes: string;
  calWebhookId: string | null;
  webhookStatus: ConnectionWebhookStatus;
  connectedAt: Date;
  needsReconnectSince: Date | null;
  disconnectedAt: Date | null;
}

interface ConnectionTokens {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  scope: string;
}

interface ConnectionRow {
  id: string;
  cal_user_id: number;
  user_id: string | null;
  username: string;
  status: ConnectionStatus;
  scopes: string;
  cal_webhook_id: string | null;
  webhook_status: ConnectionWebhookStatus;
  connected_at: Date;
  needs_reconnect_since: Date | null;
  disconnected_at: Date | null;
  access_token_encrypted: string | null;
  access_token_expires_at: Date | null;
  refresh_token_encrypted: string | null;
  refresh_token_expires_at: Date | null;
  webhook_secret_encrypted: string;
}

function connectionOf(row: ConnectionRow): CalConnection {
  return {
    id: row.id,
    calUserId: row.cal_user_id,
    userId: row.user_id,
    username: row.username,
    status: row.status,
    scopes: row.scopes,
    calWebhookId: row.cal_webhook_id,
    webhookStatus: row.webhook_status,
    connectedAt: new Date(row.connected_at),
    needsReconnectSince: row.needs_reconnect_since ? new Date(row.needs_reconnect_since) : null,
    disconnectedAt: row.disconnected_at ? new Date(row.disconnected_at) : null,
  };
}

function hashHostToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A fresh per-connection webhook secret: 32 random bytes, as Cal.com's own generated secrets are random. */
function newWebhookSecret(): string {
  return randomBytes(32).toString("base64url");
}

interface SaveConnectedInput {
  calUserId: number;
  username: string;
  userId: string;
  tokens: ConnectionTokens;
}

export function createCalConnectionStore(deps: { dataSource: DataSource; cipher: FieldCipher }) {
  const { dataSource, cipher } = deps;

  /** Tokens that cannot be opened (key no longer configured, damaged) are no tokens: the host reconnects. */
  function tokensOf(row: ConnectionRow): ConnectionTokens | null {
    if (
      !row.access_token_encrypted ||
      !row.refresh_token_encrypted ||
      !row.access_token_expires_at ||
      !row.refresh_token_expires_at
    )
      return null;
    try {
      return {
        accessToken: cipher.decrypt(row.access_token_encrypted, ACCESS_PURPOSE),
        accessTokenExpiresAt: new Date(row.access_token_expires_at),
        refreshToken: cipher.decrypt(row.refresh_token_encrypted, REFRESH_PURPOSE),
        refreshTokenExpiresAt: new Date(row.refresh_token_expires_at),
        scope: row.scopes,
      };
    } catch (error) {
      if (error instanceof DecryptionError) return null;
      throw error;
    }
  }

  /** A secret sealed under a key no longer configured cannot be kept: the reconnect gets a fresh one. */
  function canOpen(sealed: string): boolean {
    try {
      cipher.decrypt(sealed, SECRET_PURPOSE);
      return true;
    } catch (error) {
      if (error instanceof DecryptionError) return false;
      throw error;
    }
  }

  async function selectOne(
    runner: DataSource | EntityManager,
    where: string,
    parameters: unknown[],
  ): Promise<ConnectionRow | undefined> {
    const rows: ConnectionRow[] = await runner.query(`SELECT * FROM cal_connections WHERE ${where}`, parameters);
    return rows[0];
  }

  function lockedStore(manager: EntityManager, connectionId: string): LockedConnection {
    return {
      async read() {
        const row = await selectOne(manager, "id = $1", [connectionId]);
        return row ? { connection: connectionOf(row), tokens: tokensOf(row) } : null;
      },
      async saveTokens(tokens) {
        await manager.query(
          `UPDATE cal_connections SET access_token_encrypted = $2, access_token_expires_at = $3, refresh_token_encrypted = $4,
             refresh_token_expires_at = $5, scopes = $6, key_id = $7, updated_at = now() WHERE id = $1`,
          [
            connectionId,
            cipher.encrypt(tokens.accessToken, ACCESS_PURPOSE),
            tokens.accessTokenExpiresAt,
            cipher.encrypt(tokens.refreshToken, REFRESH_PURPOSE),
            tokens.refreshTokenExpiresAt,
            tokens.scope,
            cipher.activeKeyId,
          ],
        );
      },
      async markNeedsReconnect() {
        // TypeORM answers an UPDATE … RETURNING with [rows, affected count].
        const [, affected]: [unknown[], number] = await manager.query(
          `UPDATE cal_connections SET status = 'needs_reconnect', needs_reconnect_since = COALESCE(needs_reconnect_since, now()),
             access_token_encrypted = NULL, access_token_expires_at = NULL, refresh_token_encrypted = NULL, refresh_token_expires_at = NULL, updated_at = now()
           WHERE id = $1 AND status = 'connected' RETURNING id`,
          [connectionId],
        );
        return affected === 1;
      },
    };
  }

  return {
    async findById(connectionId: string): Promise<CalConnection | null> {
      const row = await selectOne(dataSource, "id = $1", [connectionId]);
      return row ? connectionOf(row) : null;
    },

    /** The connection of a Cal.com username (case-insensitive), disconnected ones excluded. */
    async findActiveByUsername(username: string): Promise<CalConnection | null> {
      const row = await selectOne(
        dataSource,
        `lower(username) = lower($1) AND status <> 'disconnected' ORDER BY connected_at DESC LIMIT 1`,
        [username],
      );
      return row ? connectionOf(row) : null;
    },

    /** The host's name as we keep it (users.name, sealed), for the booking page; null if unknown or unreadable. */
    async displayName(connection: CalConnection): Promise<string | null> {
      if (!connection.userId) return null;
      const [row]: Array<{ name: string | null }> = await dataSource.query("SELECT name FROM users WHERE id = $1", [
        connection.userId,
      ]);
      if (!row?.name) return null;
      try {
        return cipher.decrypt(row.name, "users.name");
      } catch (error) {
        if (error instanceof DecryptionError) return null;
        throw error;
      }
    },

    async list(filter: { status?: ConnectionStatus } = {}): Promise<CalConnection[]> {
      const rows: ConnectionRow[] = filter.status
        ? await dataSource.query("SELECT * FROM cal_connections WHERE status = $1 ORDER BY connected_at", [
            filter.status,
          ])
        : await dataSource.query("SELECT * FROM cal_connections ORDER BY connected_at");
      return rows.map(connectionOf);
    },

    async countByStatus(): Promise<Record<ConnectionStatus, number>> {
      const rows: Array<{ status: ConnectionStatus; n: number }> = await dataSource.query(
        "SELECT status, count(*)::int AS n FROM cal_connections GROUP BY status",
      );
      const counts = { connected: 0, needs_reconnect: 0, disconnected: 0 };
      for (const row of rows) counts[row.status] = row.n;
      return counts;
    },

    /**
     * What a delivery to a connection's URL is checked against. Unknown id → null. The secret is null
     * when it cannot be opened, so the delivery fails verification rather than the request.
     */
    async webhookVerification(
      connectionId: string,
    ): Promise<{ status: ConnectionStatus; secret: string | null } | null> {
      const rows: Array<{ status: ConnectionStatus; webhook_secret_encrypted: string }> = await dataSource.query(
        "SELECT status, webhook_secret_encrypted FROM cal_connections WHERE id = $1",
        [connectionId],
      );
      const row = rows[0];
      if (!row) return null;
      try {
        return { status: row.status, secret: cipher.decrypt(row.webhook_secret_encrypted, SECRET_PURPOSE) };
      } catch (error) {
        if (error instanceof DecryptionError) return { status: row.status, secret: null };
        throw error;
      }
    },

    async webhookSecret(connectionId: string): Promise<string> {
      const row = await selectOne(dataSource, "id = $1", [connectionId]);
      if (!row) throw new Error(`no connection ${connectionId}`);
      return cipher.decrypt(row.webhook_secret_encrypted, SECRET_PURPOSE);
    },

    /**
     * Records a completed authorization inside the caller's transaction: a new connection, or the same
     * account connected again (same row, same id, so the same webhook URL). A connection that was
     * disconnected gets a fresh webhook secret; a live one keeps its secret, so deliveries already on
     * their way still verify (unless it can no longer be opened).
     */
    async saveConnected(
      manager: EntityManager,
      input: SaveConnectedInput,
    ): Promise<{ connection: CalConnection; reconnected: boolean }> {
      await manager.query("SELECT pg_advisory_xact_lock($1, $2)", [CONNECTION_LOCK, input.calUserId]);
      const existing = await selectOne(manager, "cal_user_id = $1 FOR UPDATE", [input.calUserId]);
      const secret =
        existing && existing.status !== "disconnected" && canOpen(existing.webhook_secret_encrypted)
          ? existing.webhook_secret_encrypted
          : cipher.encrypt(newWebhookSecret(), SECRET_PURPOSE);
      const { tokens } = input;
      const rows: ConnectionRow[] = await manager.query(
        `INSERT INTO cal_connections (cal_user_id, user_id, username, status, scopes, access_token_encrypted, access_token_expires_at,
           refresh_token_encrypted, refresh_token_expires_at, webhook_secret_encrypted, key_id)
         VALUES ($1, $2, $3, 'connected', $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (cal_user_id) DO UPDATE SET user_id = EXCLUDED.user_id, username = EXCLUDED.username, status = 'connected',
           scopes = EXCLUDED.scopes, access_token_encrypted = EXCLUDED.access_token_encrypted, access_token_expires_at = EXCLUDED.access_token_expires_at,
           refresh_token_encrypted = EXCLUDED.refresh_token_encrypted, refresh_token_expires_at = EXCLUDED.refresh_token_expires_at,
           webhook_secret_encrypted = EXCLUDED.webhook_secret_encrypted, key_id = EXCLUDED.key_id, connected_at = now(),
           needs_reconnect_since = NULL, disconnected_at = NULL, webhook_status = 'pending', updated_at = now()
         RETURNING *`,
        [
          input.calUserId,
          input.userId,
          input.username,
          tokens.scope,
          cipher.encrypt(tokens.accessToken, ACCESS_PURPOSE),
          tokens.accessTokenExpiresAt,
          cipher.encrypt(tokens.refreshToken, REFRESH_PURPOSE),
          tokens.refreshTokenExpiresAt,
          secret,
          cipher.activeKeyId,
        ],
      );
      return { connection: connectionOf(rows[0]!), reconnected: existing !== undefined };
    },

    /**
     * A fresh private token for the host's own "disconnect" link (the previous one stops working).
     * Returned once; only its hash is kept.
     */
    async issueHostToken(connectionId: string): Promise<string> {
      const token = randomBytes(32).toString("base64url");
      await dataSource.query("UPDATE cal_connections SET host_token_hash = $2, updated_at = now() WHERE id = $1", [
        connectionId,
        hashHostToken(token),
      ]);
      return token;
    },

    /** The live connection a host's private token belongs to. */
    async findByHostToken(token: string): Promise<CalConnection | null> {
      const row = await selectOne(dataSource, `host_token_hash = $1 AND status <> 'disconnected'`, [
        hashHostToken(token),
      ]);
      return row ? connectionOf(row) : null;
    },

    async setWebhookId(connectionId: string, webhookId: string): Promise<void> {
      await dataSource.query(
        "UPDATE cal_connections SET cal_webhook_id = $2, webhook_status = 'registered', updated_at = now() WHERE id = $1",
        [connectionId, webhookId],
      );
    },

    /** Cal.com refused our webhook for the token's scopes. True when this call changed the state (audit once). */
    async markWebhookMissingScope(connectionId: string): Promise<boolean> {
      const [, affected]: [unknown[], number] = await dataSource.query(
        `UPDATE cal_connections SET webhook_status = 'missing_scope', cal_webhook_id = NULL, updated_at = now()
         WHERE id = $1 AND webhook_status <> 'missing_scope' RETURNING id`,
        [connectionId],
      );
      return affected === 1;
    },

    /** Live connections Cal.com gave no webhook: reconciliation polls them more often. */
    async countWithoutWebhook(): Promise<number> {
      const [row]: Array<{ n: number }> = await dataSource.query(
        "SELECT count(*)::int AS n FROM cal_connections WHERE status = 'connected' AND webhook_status = 'missing_scope'",
      );
      return row?.n ?? 0;
    },

    /** Forgets the tokens and marks the connection disconnected; bookings and audit history stay. */
    async markDisconnected(connectionId: string): Promise<void> {
      await dataSource.query(
        `UPDATE cal_connections SET status = 'disconnected', disconnected_at = COALESCE(disconnected_at, now()), cal_webhook_id = NULL,
           webhook_status = 'pending',
           access_token_encrypted = NULL, access_token_expires_at = NULL, refresh_token_encrypted = NULL, refresh_token_expires_at = NULL,
           host_token_hash = NULL, updated_at = now()
         WHERE id = $1`,
        [connectionId],
      );
    },

    /**
     * Runs `work` holding the connection's lock, so concurrent refreshes collapse into one: refresh
     * tokens rotate on use, and two refreshes racing would spend each other's token.
     */
    async withConnectionLock<T>(connectionId: string, work: (locked: LockedConnection) => Promise<T>): Promise<T> {
      return dataSource.transaction(async (manager) => {
        const [row]: Array<{ cal_user_id: number }> = await manager.query(
          "SELECT cal_user_id FROM cal_connections WHERE id = $1",
          [connectionId],
        );
        if (row) await manager.query("SELECT pg_advisory_xact_lock($1, $2)", [CONNECTION_LOCK, row.cal_user_id]);
        return work(lockedStore(manager, connectionId));
      });
    },
  };
}

interface LockedConnection {
  read(): Promise<{ connection: CalConnection; tokens: ConnectionTokens | null } | null>;
  saveTokens(tokens: ConnectionTokens): Promise<void>;
  /** True when this call moved it from connected to needs_reconnect (false if it already was). */
  markNeedsReconnect(): Promise<boolean>;
}

export type CalConnectionStore = ReturnType<typeof createCalConnectionStore>;
