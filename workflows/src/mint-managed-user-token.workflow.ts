// Makes sure a managed user's Cal.com access token is fresh. Tokens never pass through Temporal:
// the activities keep them (encrypted) in Postgres and return only expiry times and outcomes.
import { proxyActivities } from "@temporalio/workflow";
import {
  CAL_REJECTED,
  UNKNOWN_MANAGED_USER,
  type EnsuredToken,
  type MintManagedUserTokenInput,
} from "@churchhub/contracts";
import type { TokenActivities } from "@churchhub/activities";

// A person is waiting on this (the api holds the request), so retries are quick and bounded: a few
// attempts over ~10 s ride out a Cal.com blip; 401/403/404 are never retried.
const { findManagedUser, ensureManagedUserAccessToken } = proxyActivities<TokenActivities>({
  startToCloseTimeout: "20 seconds",
  retry: {
    initialInterval: "500 milliseconds",
    backoffCoefficient: 2,
    maximumInterval: "4 seconds",
    maximumAttempts: 5,
    nonRetryableErrorTypes: [UNKNOWN_MANAGED_USER, CAL_REJECTED],
  },
});

export async function mintManagedUserTokenWorkflow(input: MintManagedUserTokenInput): Promise<EnsuredToken> {
  const { calUserId } = await findManagedUser(input.username);
  return ensureManagedUserAccessToken({ calUserId, ...input });
}
