// The failures of connection work that a retry cannot fix, as non-retryable Temporal failures with
// the stable type names of contracts/ that the workflows and the api read.
import { ApplicationFailure } from "@temporalio/common";
import { CalApiError } from "@churchhub/cal-client";
import { CONNECTION_CAL_REJECTED, CONNECTION_GONE, CONNECTION_NEEDS_RECONNECT } from "@churchhub/contracts";
import { calUnexpectedResponse } from "../managed-user-tokens/token-failures.js";

export class NeedsReconnectError extends Error {
  constructor(readonly connectionId: string) {
    super(`connection ${connectionId} needs the host to connect again`);
    this.name = "NeedsReconnectError";
  }
}

export class ConnectionGoneError extends Error {
  constructor(readonly connectionId: string) {
    super(`connection ${connectionId} does not exist or was disconnected`);
    this.name = "ConnectionGoneError";
  }
}

export function needsReconnect(): ApplicationFailure {
  return ApplicationFailure.nonRetryable(
    "Cal.com no longer accepts this connection; the host must connect again",
    CONNECTION_NEEDS_RECONNECT,
  );
}

function connectionGone(): ApplicationFailure {
  return ApplicationFailure.nonRetryable("No such connected account (or it was disconnected)", CONNECTION_GONE);
}

/** Cal.com being down or erroring is retried by Temporal; a refusal is final. */
export function rethrowConnectionFailure(error: unknown): never {
  if (error instanceof NeedsReconnectError) throw needsReconnect();
  if (error instanceof ConnectionGoneError) throw connectionGone();
  if (error instanceof CalApiError && error.kind === "unexpected") throw calUnexpectedResponse(error);
  if (error instanceof CalApiError && !error.retryable) {
    throw ApplicationFailure.nonRetryable(
      `Cal.com refused the request (${error.operation}, HTTP ${error.status ?? "?"}${error.code ? ` ${error.code}` : ""})`,
      CONNECTION_CAL_REJECTED,
    );
  }
  throw error;
}
