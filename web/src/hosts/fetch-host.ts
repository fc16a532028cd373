// Looks a host up in the ChurchHub api: a valid host, "no such host", or "cannot tell right now".
import { hostSchema, type Host } from "./host.schema";

/** The api knows no host of that name (it says nothing about Cal.com accounts, and neither do we). */
export class HostNotFoundError extends Error {
  constructor() {
    super("No booking page with that name");
    this.name = "HostNotFoundError";
  }
}

/** The api, or Cal.com behind it, could not answer; worth retrying later. */
export class HostLookupUnavailableError extends Error {
  constructor(
    readonly reason:
      | "api-unreachable"
      | "api-rejected-credentials"
      | "cal-unavailable"
      | "api-error"
      | "invalid-answer",
    options?: { cause?: unknown },
  ) {
    super(`Host lookup unavailable (${reason})`, options);
    this.name = "HostLookupUnavailableError";
  }
}

interface FetchHostDependencies {
  apiUrl: string;
  /** Our server's credential for the api's server-only endpoints; never sent anywhere else. */
  webServerToken: string;
  fetch: typeof fetch;
  timeoutMs?: number;
}

// Cal.com usernames (managed users included) are lower-case words joined by dashes, dots or underscores;
// anything else cannot be a host, so it is "not found" without asking the api.
const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export async function fetchHost(username: string, deps: FetchHostDependencies): Promise<Host> {
  if (!USERNAME_PATTERN.test(username)) throw new HostNotFoundError();

  let response: Response;
  try {
    response = await deps.fetch(`${deps.apiUrl}/hosts/${encodeURIComponent(username)}`, {
      headers: { accept: "application/json", authorization: `Bearer ${deps.webServerToken}` },
      cache: "no-store",
      signal: AbortSignal.timeout(deps.timeoutMs ?? 10_000),
    });
  } catch (error) {
    throw new HostLookupUnavailableError("api-unreachable", { cause: error });
  }

  if (response.status === 404) throw new HostNotFoundError();
  // A configuration mistake (wrong WEB_SERVER_TOKEN), not the visitor's: the error page, and a clear server log.
  if (response.status === 401 || response.status === 403)
    throw new HostLookupUnavailableError("api-rejected-credentials");
  if (response.status === 502 || response.status === 503 || response.status === 504) {
    throw new HostLookupUnavailableError("cal-unavailable");
  }
  if (!response.ok) throw new HostLookupUnavailableError("api-error");

  const parsed = hostSchema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw new HostLookupUnavailableError("invalid-answer", { cause: parsed.error });
  return parsed.data;
}
