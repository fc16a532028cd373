// Decides whether a Postgres error can be fixed by retrying. Connection loss, timeouts, lock waits and
// serialisation conflicts are transient: Temporal retries them. Data exceptions (class 22) and
// integrity violations (class 23) will fail the same way every time: retrying only delays the alarm.
import { ApplicationFailure } from "@temporalio/common";
import { INVALID_DELIVERY } from "@churchhub/contracts";

const NON_RETRYABLE_SQLSTATE_CLASSES = ["22", "23"];

/** The SQLSTATE when the error is the database refusing the data itself, otherwise undefined. */
export function invalidDataSqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown })?.code;
  if (typeof code === "string" && code.length === 5 && NON_RETRYABLE_SQLSTATE_CLASSES.includes(code.slice(0, 2)))
    return code;
  return undefined;
}

export function rethrowClassified(error: unknown): never {
  const code = invalidDataSqlState(error);
  if (code) throw ApplicationFailure.nonRetryable(`The delivery cannot be stored (SQLSTATE ${code})`, INVALID_DELIVERY);
  throw error;
}
