// What a Cal.com refusal means for sensitive mode, in words staff can act on. Cal.com being down is not
// a problem here: it is thrown on, so Temporal retries the activity. Everything else becomes a state
// and a sentence (nothing fails silently), and never carries a token or a value from Cal.com's body.
import { ApplicationFailure } from "@temporalio/common";
import { CalApiError } from "@churchhub/cal-client";
import { NeedsReconnectError } from "../cal-connections/connection-failures.js";
import type { HostCredential } from "./host-access-token.js";
import { HostNotConnectedError } from "./host-access-token.js";

export interface SensitiveProblem {
  state: "missing_scope" | "failed" | "not_found";
  detail: string;
}

/** The OAuth 2.0 scopes changing an event type (and its private links) needs at Cal.com. */
export const EVENT_TYPE_SCOPES = ["EVENT_TYPE_READ", "EVENT_TYPE_WRITE"] as const;

export function missingScopeDetail(credential: HostCredential | null, action: string): string {
  const granted = credential?.kind === "connection" && credential.scopes ? credential.scopes : "fewer scopes";
  return (
    `Cal.com refused to ${action}: this host's Cal.com connection was granted ${granted}, and Cal.com needs ` +
    `${EVENT_TYPE_SCOPES.join(" and ")} for it. An operator adds ${EVENT_TYPE_SCOPES.join(" ")} to CAL_OAUTH2_SCOPES ` +
    "(and to the OAuth client's scopes at app.cal.com/settings/developer/oauth), then sends the host a new connect " +
    "link (npm run connect:link); once the host has connected again, turn sensitive mode off and on, or wait for the " +
    "next reconciliation."
  );
}

/** Null when the error is worth retrying (rethrow it); otherwise the state and what to do. */
export function sensitiveProblemOf(
  error: unknown,
  credential: HostCredential | null,
  action: string,
): SensitiveProblem | null {
  if (error instanceof HostNotConnectedError)
    return {
      state: "failed",
      detail: `This host has no Cal.com connection we can act with: connect their Cal.com account (npm run connect:link) first.`,
    };
  if (error instanceof NeedsReconnectError)
    return {
      state: "failed",
      detail: "Cal.com no longer accepts this host's connection: send them a new connect link (npm run connect:link).",
    };
  if (error instanceof CalApiError) {
    if (error.retryable) return null;
    if (error.status === 403) return { state: "missing_scope", detail: missingScopeDetail(credential, action) };
    if (error.kind === "not_found")
      return {
        state: "not_found",
        detail: `Cal.com has no such event type in this host's account (it may have been deleted in Cal.com).`,
      };
    return {
      state: "failed",
      detail: `Cal.com refused to ${action} (HTTP ${error.status ?? "?"}${error.code ? ` ${error.code}` : ""}); an operator should look at the worker's log.`,
    };
  }
  if (error instanceof ApplicationFailure && error.nonRetryable)
    return { state: "failed", detail: `Cal.com refused the host's token: ${error.message}.` };
  return null;
}
