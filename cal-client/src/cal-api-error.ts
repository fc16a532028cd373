// What went wrong talking to Cal.com, in terms a caller can act on. The upstream body is kept for
// logs of status and code only: it may contain personal data, so it never reaches a response.
type CalFailureKind =
  /** Cal.com (or the network) is down or erroring: worth retrying. */
  | "unavailable"
  /** Our credentials or the token were refused (401/403/498): retrying cannot help. */
  | "rejected"
  /** The thing asked for does not exist (404). */
  | "not_found"
  /** Cal.com says the request itself is wrong (400/409/422). */
  | "invalid"
  /** Cal.com answered 2xx in a shape we cannot page through: retrying cannot help, someone must look. */
  | "unexpected";

export class CalApiError extends Error {
  constructor(
    readonly kind: CalFailureKind,
    readonly status: number | null,
    readonly code: string | null,
    readonly operation: string,
  ) {
    super(`Cal.com ${operation} failed: ${kind}${status ? ` (HTTP ${status}${code ? ` ${code}` : ""})` : ""}`);
    this.name = "CalApiError";
  }

  get retryable(): boolean {
    return this.kind === "unavailable";
  }
}

export function kindForStatus(status: number): CalFailureKind {
  if (status === 401 || status === 403 || status === 498) return "rejected";
  if (status === 404) return "not_found";
  if (status === 408 || status === 429 || status >= 500) return "unavailable";
  return "invalid";
}
