// Activities that keep a managed user's Cal.com access token fresh: find the user, then serve the
// cached token, or refresh it with the refresh token, or (refresh token dead) force-refresh it.
import type { CalClient, ManagedUserTokens } from "@churchhub/cal-client";
import { CalApiError } from "@churchhub/cal-client";
import type { EnsuredToken, MintManagedUserTokenInput } from "@churchhub/contracts";
import { hashAccessToken, type ManagedUserTokenStore, type StoredManagedUserTokens } from "@churchhub/database";
import { rethrowCalFailure, unknownManagedUser } from "./token-failures.js";

interface TokenActivityDependencies {
  calClient: CalClient;
  tokenStore: ManagedUserTokenStore;
  clock: () => Date;
}

/** The workflow's input, with the user found. */
interface EnsureTokenInput extends MintManagedUserTokenInput {
  calUserId: number;
}

// Cal.com caps managed-user list pages at 250.
const PAGE_SIZE = 250;

export function createTokenActivities({ calClient, tokenStore, clock }: TokenActivityDependencies) {
  function stored(calUserId: number, username: string, tokens: ManagedUserTokens): StoredManagedUserTokens {
    return {
      calUserId,
      username,
      accessToken: tokens.accessToken,
      accessTokenExpiresAt: new Date(tokens.accessTokenExpiresAt),
      refreshToken: tokens.refreshToken,
      refreshTokenExpiresAt: new Date(tokens.refreshTokenExpiresAt),
    };
  }

  return {
    /** The Cal.com user id of a managed user of our OAuth client, by username. */
    async findManagedUser(username: string): Promise<{ calUserId: number }> {
      const known = await tokenStore.findByUsername(username);
      if (known) return { calUserId: known.calUserId };
      try {
        for (let offset = 0; ; offset += PAGE_SIZE) {
          const page = await calClient.listManagedUsers({ limit: PAGE_SIZE, offset });
          const match = page.find((user) => user.username?.toLowerCase() === username.toLowerCase());
          if (match) return { calUserId: match.id };
          if (page.length < PAGE_SIZE) break;
        }
      } catch (error) {
        rethrowCalFailure(error);
      }
      throw unknownManagedUser();
    },

    /** Makes sure the cache holds an access token valid for at least `minValidityMs`. */
    async ensureManagedUserAccessToken(input: EnsureTokenInput): Promise<EnsuredToken> {
      return tokenStore.withUserLock(input.calUserId, async (locked) => {
        const current = await locked.read(input.calUserId);
        const now = clock().getTime();
        // A token the caller says Cal.com already refused (the Atoms refresh flow) is never "still valid".
        const refused =
          input.replaceAccessTokenHash !== undefined &&
          current !== null &&
          hashAccessToken(current.accessToken) === input.replaceAccessTokenHash;
        if (current && !refused && current.accessTokenExpiresAt.getTime() - now > input.minValidityMs) {
          return {
            calUserId: input.calUserId,
            accessTokenExpiresAt: current.accessTokenExpiresAt.toISOString(),
            outcome: "cached",
          };
        }
        let tokens: ManagedUserTokens | undefined;
        let outcome: EnsuredToken["outcome"] = "refreshed";
        try {
          if (current && current.refreshTokenExpiresAt.getTime() > now) {
            try {
              tokens = await calClient.refreshManagedUserTokens(current.refreshToken);
            } catch (error) {
              // A refresh token Cal.com no longer knows (revoked, or rotated by a run that crashed
              // before saving) is dead: fall through to force-refresh. Anything else is re-thrown.
              if (!(error instanceof CalApiError) || error.kind !== "invalid") throw error;
            }
          }
          if (!tokens) {
            tokens = await calClient.forceRefreshManagedUser(input.calUserId);
            outcome = "force-refreshed";
          }
        } catch (error) {
          rethrowCalFailure(error);
        }
        await locked.save(stored(input.calUserId, input.username, tokens));
        return {
          calUserId: input.calUserId,
          accessTokenExpiresAt: new Date(tokens.accessTokenExpiresAt).toISOString(),
          outcome,
        };
      });
    },
  };
}

export type TokenActivities = ReturnType<typeof createTokenActivities>;
