// One-time connect links (an operator gives one to a host) and the authorization attempts started from
// them. Only the link token's SHA-256 is stored; the PKCE verifier and the authorization code are sealed.
import { createHash, randomBytes } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import type { FieldCipher } from "@churchhub/field-encryption";

const LABEL_PURPOSE = "cal_connect_links.host_label";
const VERIFIER_PURPOSE = "cal_connect_attempts.code_verifier";
const CODE_PURPOSE = "cal_connect_attempts.authorization_code";

function hashLinkToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export interface ConnectLink {
  id: string;
  expiresAt: Date;
  usedAt: Date | null;
  connectionId: string | null;
  createdBy: string | null;
  createdAt: Date;
}

/** Why a callback's attempt could not be taken; each one is answered without storing anything. */
export type AttemptRefusal = "unknown" | "replayed" | "expired" | "other_browser" | "link_used";

interface AttemptForExchange {
  attemptId: string;
  linkId: string;
  /** Null once the attempt has ended. */
  codeVerifier: string | null;
  code: string | null;
  outcome: string | null;
  connectionId: string | null;
}

interface LinkRow {
  id: string;
  expires_at: Date;
  used_at: Date | null;
  connection_id: string | null;
  created_by: string | null;
  created_at: Date;
}

const linkOf = (row: LinkRow): ConnectLink => ({
  id: row.id,
  expiresAt: new Date(row.expires_at),
  usedAt: row.used_at ? new Date(row.used_at) : null,
  connectionId: row.connection_id,
  createdBy: row.created_by,
  createdAt: new Date(row.created_at),
});

export function createConnectLinkStore(deps: { dataSource: DataSource; cipher: FieldCipher; clock: () => Date }) {
  const { dataSource, cipher, clock } = deps;

  return {
    /** A new link; the token is returned once and never stored. */
    async createLink(input: {
      hostLabel: string | null;
      createdBy: string | null;
      expiresAt: Date;
    }): Promise<{ link: ConnectLink; token: string }> {
      const token = randomBytes(32).toString("base64url");
      const rows: LinkRow[] = await dataSource.query(
        `INSERT INTO cal_connect_links (token_hash, host_label_encrypted, created_by, expires_at) VALUES ($1, $2, $3, $4) RETURNING *`,
        [
          hashLinkToken(token),
          input.hostLabel === null ? null : cipher.encrypt(input.hostLabel, LABEL_PURPOSE),
          input.createdBy,
          input.expiresAt,
        ],
      );
      return { link: linkOf(rows[0]!), token };
    },

    /** The link behind a token if it can still start a connection (unused, unexpired). */
    async findUsableLink(token: string): Promise<ConnectLink | null> {
      const rows: LinkRow[] = await dataSource.query(
        "SELECT * FROM cal_connect_links WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2",
        [hashLinkToken(token), clock()],
      );
      return rows[0] ? linkOf(rows[0]) : null;
    },

    async createAttempt(input: {
      linkId: string;
      browserBindingHash: string;
      /** Null for a confidential client, which uses no PKCE. */
      codeVerifier: string | null;
      expiresAt: Date;
    }): Promise<{ attemptId: string }> {
      const rows: Array<{ id: string }> = await dataSource.query(
        "INSERT INTO cal_connect_attempts (link_id, browser_binding_hash, code_verifier_encrypted, expires_at) VALUES ($1, $2, $3, $4) RETURNING id",
        [
          input.linkId,
          input.browserBindingHash,
          input.codeVerifier === null ? null : cipher.encrypt(input.codeVerifier, VERIFIER_PURPOSE),
          input.expiresAt,
        ],
      );
      return { attemptId: rows[0]!.id };
    },

    /**
     * Takes an attempt for the callback, once: checks it exists, is unused, unexpired, was started in
     * this browser and its link is still unused, then marks it used and keeps the code (sealed) for the
     * connect workflow. A refusal changes nothing, so the rightful browser can still finish.
     */
    async takeAttempt(input: {
      attemptId: string;
      browserBindingHash: string;
      code: string;
      bindingMatches: (stored: string, presented: string) => boolean;
    }): Promise<{ ok: true } | { ok: false; refusal: AttemptRefusal }> {
      return dataSource.transaction(async (manager) => {
        const rows: Array<{
          used_at: Date | null;
          expires_at: Date;
          browser_binding_hash: string;
          link_used_at: Date | null;
          link_expires_at: Date;
        }> = await manager.query(
          `SELECT a.used_at, a.expires_at, a.browser_binding_hash, l.used_at AS link_used_at, l.expires_at AS link_expires_at
             FROM cal_connect_attempts a JOIN cal_connect_links l ON l.id = a.link_id WHERE a.id = $1 FOR UPDATE OF a`,
          [input.attemptId],
        );
        const row = rows[0];
        if (!row) return { ok: false, refusal: "unknown" } as const;
        if (row.used_at) return { ok: false, refusal: "replayed" } as const;
        if (new Date(row.expires_at).getTime() <= clock().getTime()) return { ok: false, refusal: "expired" } as const;
        if (!input.bindingMatches(row.browser_binding_hash, input.browserBindingHash))
          return { ok: false, refusal: "other_browser" } as const;
        if (row.link_used_at) return { ok: false, refusal: "link_used" } as const;
        await manager.query(
          "UPDATE cal_connect_attempts SET used_at = $2, authorization_code_encrypted = $3 WHERE id = $1",
          [input.attemptId, clock(), cipher.encrypt(input.code, CODE_PURPOSE)],
        );
        return { ok: true } as const;
      });
    },

    async readAttempt(attemptId: string): Promise<AttemptForExchange | null> {
      const rows: Array<{
        id: string;
        link_id: string;
        code_verifier_encrypted: string | null;
        authorization_code_encrypted: string | null;
        outcome: string | null;
        connection_id: string | null;
      }> = await dataSource.query("SELECT * FROM cal_connect_attempts WHERE id = $1", [attemptId]);
      const row = rows[0];
      if (!row) return null;
      return {
        attemptId: row.id,
        linkId: row.link_id,
        codeVerifier: row.code_verifier_encrypted
          ? cipher.decrypt(row.code_verifier_encrypted, VERIFIER_PURPOSE)
          : null,
        code: row.authorization_code_encrypted ? cipher.decrypt(row.authorization_code_encrypted, CODE_PURPOSE) : null,
        outcome: row.outcome,
        connectionId: row.connection_id,
      };
    },

    /**
     * Ends an attempt inside the caller's transaction: the code and verifier are no longer needed and
     * are dropped; on success the link is spent and points at the connection.
     */
    async finishAttempt(
      manager: EntityManager | DataSource,
      input: { attemptId: string; outcome: "connected" | "failed"; connectionId: string | null },
    ): Promise<void> {
      // TypeORM answers an UPDATE … RETURNING with [rows, affected count].
      const [rows]: [Array<{ link_id: string }>, number] = await manager.query(
        `UPDATE cal_connect_attempts SET outcome = $2, connection_id = $3, authorization_code_encrypted = NULL, code_verifier_encrypted = NULL WHERE id = $1 RETURNING link_id`,
        [input.attemptId, input.outcome, input.connectionId],
      );
      if (input.outcome === "connected" && rows[0]) {
        await manager.query(
          "UPDATE cal_connect_links SET used_at = COALESCE(used_at, $2), connection_id = $3 WHERE id = $1",
          [rows[0].link_id, clock(), input.connectionId],
        );
      }
    },
  };
}

export type ConnectLinkStore = ReturnType<typeof createConnectLinkStore>;
