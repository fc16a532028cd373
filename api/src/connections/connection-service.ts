// The api's side of OAuth 2.0 connections: operators' connect links, sending a host to Cal.com's
// consent page, taking the callback, and starting the Temporal workflows that do the real work
// (exchange, store, webhook registration; disconnect). The request waits for those workflows so the
// host sees the outcome, but nothing slow runs in the request itself.
import { randomUUID } from "node:crypto";
import type { Client } from "@temporalio/client";
import { applicationFailureType } from "../application-failure-type.js";
import {
  AUTHORIZATION_REFUSED,
  CONNECTION_CAL_REJECTED,
  connectCalAccountWorkflowId,
  disconnectCalAccountWorkflowId,
  oauthCallbackUrl,
} from "@churchhub/contracts";
import { startAndAwaitWorkflow } from "@churchhub/contracts/client";
import type {
  AttemptRefusal,
  CalConnection,
  CalConnectionStore,
  ConnectLink,
  ConnectLinkStore,
} from "@churchhub/database";
import {
  hashBrowserBinding,
  newBrowserBinding,
  newPkcePair,
  sameText,
  type StateRefusal,
  type StateSigner,
} from "./connect-state.js";
import { issueConnectLink } from "./issue-connect-link.js";
import type { ConnectedHostSignIn } from "../staff/invite/connected-host-sign-in.js";

/** How long a host has between opening the link and coming back from Cal.com (codes live 10 minutes). */
const ATTEMPT_TTL_MS = 15 * 60_000;

interface ConnectionServiceDependencies {
  links: ConnectLinkStore;
  connections: CalConnectionStore;
  stateSigner: StateSigner;
  client: Client;
  taskQueue: string;
  /**
   * `scopes`: what the consent page asks for (CAL_OAUTH2_SCOPES). `usesPkce`: only a public client sends
   * a PKCE challenge (see cal-client's oauth2-client.ts for why a confidential one must not).
   */
  oauth2: { clientId: string; authorizeUrl: string; scopes: readonly string[]; usesPkce: boolean };
  apiPublicUrl: string;
  linkTtlMs: number;
  clock: () => Date;
  /** How long the callback waits for the connect workflow. */
  waitMs: number;
  /** The staff area's offer to a host who connected (absent without a staff area). */
  offerStaffSignIn?: (connected: { calUserId: number; userId: string }) => Promise<ConnectedHostSignIn>;
}

export type CallbackOutcome =
  | {
      kind: "connected";
      username: string;
      reconnected: boolean;
      connectionId: string;
      manageUrl: string;
      /** True when Cal.com refused our webhook for the token's scopes: the page says what to add. */
      webhookMissingScope: boolean;
      /** The staff sign-in offered (null: this api has no staff area; failed: the mail could not go out). */
      staffSignIn: ConnectedHostSignIn | { kind: "failed" } | null;
    }
  | { kind: "refused"; reason: StateRefusal | AttemptRefusal | "missing_code" }
  | { kind: "denied"; error: string }
  | { kind: "failed"; reason: "authorization_refused" | "cal_rejected" | "unavailable" };

export class ConnectionWorkflowError extends Error {
  constructor(
    readonly reason: "not_found" | "cal_rejected" | "unavailable",
    cause?: unknown,
  ) {
    super(`connection workflow failed: ${reason}`, { cause });
    this.name = "ConnectionWorkflowError";
  }
}

export function createConnectionService(deps: ConnectionServiceDependencies) {
  return {
    createLink(input: {
      hostLabel: string | null;
      createdBy: string | null;
    }): Promise<{ link: ConnectLink; url: string }> {
      return issueConnectLink(deps, input);
    },

    /**
     * A host opened a connect link: start an attempt and give the URL of Cal.com's consent page. The
     * browser keeps `binding` in a cookie; an existing one is reused so two tabs do not lock each other out.
     */
    async beginConnect(
      linkToken: string,
      existingBinding: string | undefined,
    ): Promise<{ authorizeUrl: string; binding: string } | null> {
      const link = await deps.links.findUsableLink(linkToken);
      if (!link) return null;
      const binding =
        existingBinding && /^[A-Za-z0-9_-]{43}$/.test(existingBinding) ? existingBinding : newBrowserBinding();
      const pkce = deps.oauth2.usesPkce ? newPkcePair() : null;
      const expiresAt = new Date(deps.clock().getTime() + ATTEMPT_TTL_MS);
      const { attemptId } = await deps.links.createAttempt({
        linkId: link.id,
        browserBindingHash: hashBrowserBinding(binding),
        codeVerifier: pkce?.verifier ?? null,
        expiresAt,
      });
      const url = new URL(deps.oauth2.authorizeUrl);
      url.searchParams.set("client_id", deps.oauth2.clientId);
      url.searchParams.set("redirect_uri", oauthCallbackUrl(deps.apiPublicUrl));
      url.searchParams.set("state", deps.stateSigner.sign({ attemptId, expiresAt }));
      url.searchParams.set("scope", deps.oauth2.scopes.join(" "));
      if (pkce) {
        url.searchParams.set("code_challenge", pkce.challenge);
        url.searchParams.set("code_challenge_method", "S256");
      }
      return { authorizeUrl: url.toString(), binding };
    },

    /** Cal.com sent the host back: check everything, then let the connect workflow do the work. */
    async completeCallback(
      query: { code?: unknown; state?: unknown; error?: unknown },
      binding: string | undefined,
    ): Promise<CallbackOutcome> {
      const verified = deps.stateSigner.verify(query.state);
      if (!verified.ok) return { kind: "refused", reason: verified.refusal };
      if (typeof query.error === "string") return { kind: "denied", error: query.error.slice(0, 64) };
      if (typeof query.code !== "string" || query.code.length === 0 || query.code.length > 2048)
        return { kind: "refused", reason: "missing_code" };
      if (!binding) return { kind: "refused", reason: "other_browser" };
      const taken = await deps.links.takeAttempt({
        attemptId: verified.state.attemptId,
        browserBindingHash: hashBrowserBinding(binding),
        code: query.code,
        bindingMatches: sameText,
      });
      if (!taken.ok) return { kind: "refused", reason: taken.refusal };
      try {
        const { attemptId } = verified.state;
        const result = await startAndAwaitWorkflow(
          deps.client,
          "connectCalAccountWorkflow",
          {
            taskQueue: deps.taskQueue,
            workflowId: connectCalAccountWorkflowId(attemptId),
            args: [{ attemptId }],
            workflowExecutionTimeout: "10 minutes",
          },
          deps.waitMs,
        );
        // The host's own way to disconnect later: a private link shown once, on this page.
        const hostToken = await deps.connections.issueHostToken(result.connectionId);
        // The connection stands whatever happens to the mail: the page then says to ask for an invitation.
        const staffSignIn = deps.offerStaffSignIn
          ? await deps
              .offerStaffSignIn({ calUserId: result.calUserId, userId: result.userId })
              .catch(() => ({ kind: "failed" as const }))
          : null;
        return {
          staffSignIn,
          kind: "connected",
          username: result.username,
          reconnected: result.reconnected,
          connectionId: result.connectionId,
          manageUrl: hostManageUrl(deps.apiPublicUrl, hostToken),
          webhookMissingScope: result.webhookStatus === "missing_scope",
        };
      } catch (error) {
        const type = applicationFailureType(error);
        if (type === AUTHORIZATION_REFUSED) return { kind: "failed", reason: "authorization_refused" };
        if (type === CONNECTION_CAL_REJECTED) return { kind: "failed", reason: "cal_rejected" };
        return { kind: "failed", reason: "unavailable" };
      }
    },

    /** The connection behind a host's private link (null: unknown, or already disconnected). */
    findByHostToken(token: string): Promise<CalConnection | null> {
      return deps.connections.findByHostToken(token);
    },

    list(): Promise<CalConnection[]> {
      return deps.connections.list();
    },

    find(connectionId: string): Promise<CalConnection | null> {
      return deps.connections.findById(connectionId);
    },

    async disconnect(
      connectionId: string,
      by: "operator" | "host",
    ): Promise<{ webhookRemoved: boolean; webhookNote: string | null }> {
      const connection = await deps.connections.findById(connectionId);
      if (!connection) throw new ConnectionWorkflowError("not_found");
      try {
        const result = await startAndAwaitWorkflow(
          deps.client,
          "disconnectCalAccountWorkflow",
          {
            taskQueue: deps.taskQueue,
            workflowId: disconnectCalAccountWorkflowId(connectionId),
            args: [{ connectionId, by, requestKey: randomUUID() }],
            workflowExecutionTimeout: "10 minutes",
          },
          deps.waitMs,
        );
        return { webhookRemoved: result.webhookRemoved, webhookNote: result.webhookNote };
      } catch (error) {
        throw new ConnectionWorkflowError(
          applicationFailureType(error) === CONNECTION_CAL_REJECTED ? "cal_rejected" : "unavailable",
          error,
        );
      }
    },
  };
}

/** The host's private page to see and end their connection. */
function hostManageUrl(apiPublicUrl: string, token: string): string {
  return `${apiPublicUrl.replace(/\/+$/, "")}/connect/cal/manage/${encodeURIComponent(token)}`;
}

export type ConnectionService = ReturnType<typeof createConnectionService>;
