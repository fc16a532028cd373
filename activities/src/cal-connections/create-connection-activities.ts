// The side effects of connecting, keeping and disconnecting a host's own Cal.com account (OAuth 2.0),
// as Temporal activities. Tokens and secrets never leave these functions: what they return to a
// workflow (and so to Temporal's history) is ids, usernames and outcomes.
import { ApplicationFailure } from "@temporalio/common";
import type { DataSource } from "typeorm";
import { CalApiError, type CalClient, type CalOAuth2Client } from "@churchhub/cal-client";
import { AUTHORIZATION_REFUSED, BOOKING_TRIGGERS, type CompletedConnection } from "@churchhub/contracts";
import type { CalConnectionStore, ConnectLinkStore } from "@churchhub/database";
import type { PersonalDataProtector } from "@churchhub/field-encryption";
import { upsertOrganizerRow } from "../upsert-organizer.js";
import { NeedsReconnectError, rethrowConnectionFailure } from "./connection-failures.js";
import type { ConnectionTokenKeeper } from "./connection-token-keeper.js";

interface ConnectionActivityDependencies {
  dataSource: DataSource;
  protector: PersonalDataProtector;
  connections: CalConnectionStore;
  links: ConnectLinkStore;
  oauth2Client: CalOAuth2Client;
  calClient: CalClient;
  tokenKeeper: ConnectionTokenKeeper;
  /** Our OAuth callback, exactly as registered with Cal.com (the code is bound to it). */
  redirectUri: string;
  /** The URL Cal.com posts this connection's webhooks to. */
  webhookUrlFor: (connectionId: string) => string;
  clock: () => Date;
}

type ConnectionAction =
  | "connected"
  | "reconnected"
  | "disconnected"
  | "needs_reconnect"
  | "webhook_registered"
  | "webhook_refused"
  | "webhook_removed";

/**
 * What registering our webhook came to. `missing_scope`: Cal.com answered 403 for the token's scopes (some
 * builds gate /v2/webhooks on WEBHOOK_READ/WEBHOOK_WRITE, cal-emulator/README.md); the connection stays, marked,
 * and reconciliation polls its bookings instead.
 */
export type ConnectionWebhookOutcome =
  | { status: "registered"; webhookId: string; created: boolean }
  | { status: "missing_scope"; refusedBy: string; newlyMarked: boolean };

export interface ConnectionAuditInput {
  connectionId: string;
  action: ConnectionAction;
  /** Makes the entry idempotent under retries: one row per (connection, action, key). */
  eventKey: string;
  by: "host" | "operator" | "system";
  detail?: Record<string, string | number | boolean | null>;
}

export function createConnectionActivities(deps: ConnectionActivityDependencies) {
  const { connections, links, protector } = deps;

  async function writeConnectionAudit(input: ConnectionAuditInput): Promise<void> {
    const connection = await connections.findById(input.connectionId);
    const now = deps.clock();
    await deps.dataSource.query(
      `INSERT INTO audit_logs (delivery_id, trigger_event, outcome, source, user_id, booking_uid, occurred_at, received_at, payload)
       VALUES ($1, $2, 'recorded', 'connection', $3, NULL, $4, $4, $5)
       ON CONFLICT (delivery_id) DO NOTHING`,
      [
        `connection:${input.connectionId}:${input.action}:${input.eventKey}`,
        `CONNECTION_${input.action.toUpperCase()}`,
        connection?.userId ?? null,
        now,
        protector.sealJson(
          {
            connectionId: input.connectionId,
            calUserId: connection?.calUserId ?? null,
            username: connection?.username ?? null,
            action: input.action,
            by: input.by,
            ...input.detail,
          },
          "audit_logs.payload",
        ),
      ],
    );
  }

  return {
    writeConnectionAudit,

    /**
     * Exchanges the attempt's authorization code (a public client with its PKCE verifier), reads the account with
     * `GET /v2/me`, and in one transaction upserts our user, the connection (tokens sealed) and spends
     * the link. A retry after success returns the same result; a code Cal.com refuses is final.
     */
    async completeCalConnection(input: { attemptId: string }): Promise<CompletedConnection> {
      const attempt = await links.readAttempt(input.attemptId);
      if (!attempt) throw ApplicationFailure.nonRetryable("No such authorization attempt", AUTHORIZATION_REFUSED);
      if (attempt.outcome === "connected" && attempt.connectionId) {
        const connection = await connections.findById(attempt.connectionId);
        if (connection)
          return {
            connectionId: connection.id,
            calUserId: connection.calUserId,
            username: connection.username,
            userId: connection.userId!,
            reconnected: false,
          };
      }
      // Only a public client's attempt carries a PKCE verifier (oauth2-client.ts says why).
      if (attempt.outcome === "failed" || !attempt.code || (deps.oauth2Client.usesPkce && !attempt.codeVerifier)) {
        throw ApplicationFailure.nonRetryable(
          "This authorization attempt cannot be completed; start again from the connect link",
          AUTHORIZATION_REFUSED,
        );
      }
      let tokens;
      let me;
      try {
        tokens = await deps.oauth2Client.exchangeAuthorizationCode({
          code: attempt.code,
          redirectUri: deps.redirectUri,
          ...(attempt.codeVerifier ? { codeVerifier: attempt.codeVerifier } : {}),
        });
        me = await deps.calClient.getMe(tokens.accessToken);
      } catch (error) {
        if (error instanceof CalApiError && !error.retryable) {
          await links.finishAttempt(deps.dataSource, {
            attemptId: input.attemptId,
            outcome: "failed",
            connectionId: null,
          });
          throw ApplicationFailure.nonRetryable(
            `Cal.com refused the authorization (${error.operation}: ${error.code ?? error.status ?? error.kind})`,
            AUTHORIZATION_REFUSED,
          );
        }
        throw error;
      }
      if (!me.username)
        throw ApplicationFailure.nonRetryable(
          "The Cal.com account has no username, so it cannot have a public booking page",
          AUTHORIZATION_REFUSED,
        );
      const username = me.username;
      const account = me;
      const saved = await deps.dataSource.transaction(async (manager) => {
        const userId = await upsertOrganizerRow(manager, protector, {
          calUserId: account.id,
          username,
          name: account.name ?? null,
          email: account.email ?? null,
          timeZone: account.timeZone ?? null,
          locale: account.locale ?? null,
          phoneNumber: null,
        });
        const result = await connections.saveConnected(manager, { calUserId: account.id, username, userId, tokens });
        await links.finishAttempt(manager, {
          attemptId: input.attemptId,
          outcome: "connected",
          connectionId: result.connection.id,
        });
        return { ...result, userId };
      });
      return {
        connectionId: saved.connection.id,
        calUserId: account.id,
        username,
        userId: saved.userId,
        reconnected: saved.reconnected,
      };
    },

    /**
     * Makes sure the account has exactly one webhook of ours: found by its subscriber URL (unique to the
     * connection) and updated, or created. Every booking trigger; the connection's own secret.
     */
    async registerConnectionWebhook(input: { connectionId: string }): Promise<ConnectionWebhookOutcome> {
      try {
        const subscriberUrl = deps.webhookUrlFor(input.connectionId);
        const secret = await connections.webhookSecret(input.connectionId);
        const wanted = { subscriberUrl, triggers: [...BOOKING_TRIGGERS], active: true, secret };
        const outcome = await deps.tokenKeeper.withAccessToken(input.connectionId, async (accessToken) => {
          const existing = (await deps.calClient.listWebhooks(accessToken)).find(
            (webhook) => webhook.subscriberUrl === subscriberUrl,
          );
          if (existing) {
            await deps.calClient.updateWebhook(accessToken, existing.id, wanted);
            return { webhookId: existing.id, created: false };
          }
          const created = await deps.calClient.createWebhook(accessToken, wanted);
          return { webhookId: created.id, created: true };
        });
        await connections.setWebhookId(input.connectionId, outcome.webhookId);
        return { status: "registered", ...outcome };
      } catch (error) {
        // 403, not 401: the token is good (a 401 was already retried with a fresh one) but lacks a scope.
        if (error instanceof CalApiError && error.status === 403) {
          const newlyMarked = await connections.markWebhookMissingScope(input.connectionId);
          return { status: "missing_scope", refusedBy: error.operation, newlyMarked };
        }
        rethrowConnectionFailure(error);
      }
    },

    /**
     * Deletes our webhook from the account. Without a usable token (the host revoked us) it cannot be
     * deleted: that is reported, and deliveries to the URL are refused (410) from now on anyway.
     */
    async removeConnectionWebhook(input: {
      connectionId: string;
    }): Promise<{ removed: boolean; reason: string | null }> {
      const connection = await connections.findById(input.connectionId);
      if (!connection || connection.status === "disconnected")
        return { removed: false, reason: "already disconnected" };
      if (connection.status === "needs_reconnect")
        return { removed: false, reason: "no usable token (needs reconnect)" };
      const subscriberUrl = deps.webhookUrlFor(input.connectionId);
      try {
        return await deps.tokenKeeper.withAccessToken(input.connectionId, async (accessToken) => {
          const ours = (await deps.calClient.listWebhooks(accessToken)).filter(
            (webhook) => webhook.subscriberUrl === subscriberUrl || webhook.id === connection.calWebhookId,
          );
          for (const webhook of ours) {
            try {
              await deps.calClient.deleteWebhook(accessToken, webhook.id);
            } catch (error) {
              // Deleted meanwhile (a retry after a lost answer): already what we want.
              if (!(error instanceof CalApiError && error.kind === "not_found")) throw error;
            }
          }
          return { removed: ours.length > 0, reason: ours.length > 0 ? null : "no webhook of ours on the account" };
        });
      } catch (error) {
        if (error instanceof NeedsReconnectError)
          return { removed: false, reason: "no usable token (needs reconnect)" };
        rethrowConnectionFailure(error);
      }
    },

    /**
     * Forgets the tokens and marks the connection disconnected. Cal.com documents no token revocation
     * endpoint for OAuth 2.0 clients (cal-emulator/README.md), so forgetting is what revoking means here: the
     * refresh token dies unused after 30 days, the access token within 30 minutes.
     */
    async forgetConnection(input: { connectionId: string }): Promise<void> {
      await connections.markDisconnected(input.connectionId);
    },
  };
}

export type ConnectionActivities = ReturnType<typeof createConnectionActivities>;
