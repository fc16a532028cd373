// The type of the ApplicationFailure behind a failed workflow, found through the cause chain Temporal
// wraps it in (WorkflowFailedError → ActivityFailure → ApplicationFailure). The api maps these stable
// type names (activities' non-retryable failures) to answers.
import { WorkflowFailedError } from "@temporalio/client";
import { ApplicationFailure, TemporalFailure } from "@temporalio/common";

export function applicationFailureType(error: unknown): string | undefined {
  let current: unknown = error;
  while (current instanceof Error) {
    if (current instanceof ApplicationFailure) return current.type ?? undefined;
    current = current instanceof TemporalFailure || current instanceof WorkflowFailedError ? current.cause : undefined;
  }
  return undefined;
}
