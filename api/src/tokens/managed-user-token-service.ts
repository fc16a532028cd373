// Serves a managed user's Cal.com access token: from the encrypted cache when it is valid long enough
// (no Cal.com call), otherwise through the mintManagedUserToken workflow. Concurrent requests for one
// user share one workflow run (same id, USE_EXISTING), so they mint once.
import type { Client } from "@temporalio/client";
import { applicationFailureType } from "../application-failure-type.js";
import { CAL_REJECTED, UNKNOWN_MANAGED_USER } from "@churchhub/contracts";
import { managedUserTokenWorkflowId, startAndAwaitWorkflow } from "@churchhub/contracts/client";
import { hashAccessToken, type ManagedUserTokenStore } from "@churchhub/database";

/** A token handed out stays valid at least this long, so a caller never receives one about to die. */
const MIN_TOKEN_VALIDITY_MS = 5 * 60_000;

type TokenFailureReason = "unknown_user" | "cal_rejected" | "cal_unavailable";

export class TokenUnavailableError extends Error {
  constructor(
    readonly reason: TokenFailureReason,
    cause?: unknown,
  ) {
    super(`Managed-user token unavailable: ${reason}`, { cause });
    this.name = "TokenUnavailableError";
  }
}

interface ServedToken {
  accessToken: string;
  expiresAt: string;
  source: "cache" | "workflow";
}

interface TokenServiceDependencies {
  client: Client;
  taskQueue: string;
  tokenStore: ManagedUserTokenStore;
  clock: () => Date;
  /** How long a request waits for the workflow before answering 503. */
  waitMs: number;
}

export function createManagedUserTokenService(deps: TokenServiceDependencies) {
  async function mint(username: string, replaceAccessTokenHash?: string): Promise<ServedToken> {
    let ensured: { calUserId: number };
    try {
      ensured = await startAndAwaitWorkflow(
        deps.client,
        "mintManagedUserTokenWorkflow",
        {
          taskQueue: deps.taskQueue,
          // No personal data in workflow ids: a username is derived from a person's email.
          workflowId: managedUserTokenWorkflowId(username),
          args: [
            {
              username,
              minValidityMs: MIN_TOKEN_VALIDITY_MS,
              ...(replaceAccessTokenHash ? { replaceAccessTokenHash } : {}),
            },
          ],
          workflowExecutionTimeout: "1 minute",
        },
        deps.waitMs,
      );
    } catch (error) {
      const type = applicationFailureType(error);
      if (type === UNKNOWN_MANAGED_USER) throw new TokenUnavailableError("unknown_user", error);
      if (type === CAL_REJECTED) throw new TokenUnavailableError("cal_rejected", error);
      throw new TokenUnavailableError("cal_unavailable", error);
    }
    const stored = await deps.tokenStore.findByCalUserId(ensured.calUserId);
    if (!stored) throw new TokenUnavailableError("cal_unavailable");
    return {
      accessToken: stored.accessToken,
      expiresAt: stored.accessTokenExpiresAt.toISOString(),
      source: "workflow",
    };
  }

  function validLongEnough(expiresAt: Date): boolean {
    return expiresAt.getTime() - deps.clock().getTime() > MIN_TOKEN_VALIDITY_MS;
  }

  return {
    async tokenFor(username: string): Promise<ServedToken> {
      const cached = await deps.tokenStore.findByUsername(username);
      if (cached && validLongEnough(cached.accessTokenExpiresAt)) {
        return {
          accessToken: cached.accessToken,
          expiresAt: cached.accessTokenExpiresAt.toISOString(),
          source: "cache",
        };
      }
      return mint(username);
    },

    /** Atoms' refresh flow: replaces a token Cal.com refused; null when the token is not one of ours. */
    async replaceRefusedToken(refusedAccessToken: string): Promise<ServedToken | null> {
      const owner = await deps.tokenStore.findByAccessToken(refusedAccessToken);
      if (!owner) return null;
      return mint(owner.username, hashAccessToken(refusedAccessToken));
    },
  };
}

export type ManagedUserTokenService = ReturnType<typeof createManagedUserTokenService>;
