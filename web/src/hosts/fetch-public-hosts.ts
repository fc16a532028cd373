// The api's public list of bookable hosts (GET /public/hosts), for the front page: name, public name, path.
import { z } from "zod";

const publicHostListSchema = z.object({
  hosts: z.array(
    z.object({
      name: z.string(),
      publicName: z.string().nullable(),
      // Only a path on this site: a link the list shows can never lead elsewhere.
      path: z.string().regex(/^\/book\/[^/?#]+$/),
    }),
  ),
});

export type PublicHost = z.infer<typeof publicHostListSchema>["hosts"][number];

/** The api did not give the list (unreachable, an error status, or an answer of another shape). */
export class PublicHostsUnavailableError extends Error {
  constructor(
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`The list of hosts is unavailable (${reason})`, options);
    this.name = "PublicHostsUnavailableError";
  }
}

export async function fetchPublicHosts(deps: { apiUrl: string; fetch: typeof fetch }): Promise<PublicHost[]> {
  let response: Response;
  try {
    response = await deps.fetch(`${deps.apiUrl}/public/hosts`, {
      headers: { accept: "application/json" },
      cache: "no-store",
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    throw new PublicHostsUnavailableError("api-unreachable", { cause: error });
  }
  if (!response.ok) throw new PublicHostsUnavailableError(`HTTP ${response.status}`);
  const parsed = publicHostListSchema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw new PublicHostsUnavailableError("invalid-answer", { cause: parsed.error });
  return parsed.data.hosts;
}
