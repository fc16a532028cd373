// Which Cal.com failures a retry can fix. Cal.com being down or erroring is retried by Temporal;
// "no such user" and "your credentials are refused" (401/403/404) are not: retrying only hammers Cal.com.
import { ApplicationFailure } from "@temporalio/common";
import { CalApiError } from "@churchhub/cal-client";
import { CAL_REJECTED, UNKNOWN_MANAGED_USER } from "@churchhub/contracts";

export function unknownManagedUser(): ApplicationFailure {
  return ApplicationFailure.nonRetryable(
    "No managed user of this OAuth client has that username",
    UNKNOWN_MANAGED_USER,
  );
}

/** Cal.com answered in a shape we cannot read (e.g. an unknown bookings pagination): someone must look. */
export const CAL_UNEXPECTED_RESPONSE = "CalUnexpectedResponse";

/** Non-retryable; the message names the operation and what was unexpected, never a value from the body. */
export function calUnexpectedResponse(error: CalApiError): ApplicationFailure {
  return ApplicationFailure.nonRetryable(
    `Cal.com answered in a shape we cannot read (${error.operation}, ${error.code ?? "no code"})`,
    CAL_UNEXPECTED_RESPONSE,
  );
}

export function rethrowCalFailure(error: unknown): never {
  if (error instanceof CalApiError) {
    if (error.kind === "unexpected") throw calUnexpectedResponse(error);
    if (error.kind === "not_found") throw unknownManagedUser();
    if (error.kind === "rejected" || error.kind === "invalid") {
      throw ApplicationFailure.nonRetryable(
        `Cal.com refused the request (${error.operation}, HTTP ${error.status ?? "?"})`,
        CAL_REJECTED,
      );
    }
  }
  throw error;
}
