// GET /hosts/{username}: what the booking page's server needs to render a host's page, found by short
// public name or Cal.com username. Server-only (our web server's bearer token). GET /public/hosts: the
// public list of who can be booked here (display name, public name, page path; nothing else).
import { Router } from "express";
import { z } from "zod";
import { CalApiError } from "@churchhub/cal-client";
import { HttpError, notFound } from "../http/http-errors.js";
import { validateRequest } from "../http/validate-request.js";
import type { HostDirectory, HostProfile } from "./host-directory.js";
import type { HostPublicNames } from "./public-names/host-public-names.js";
import { publicNameProblem } from "./public-names/public-name-rules.js";

export const hostUsernameSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9._-]+$/, "must be a Cal.com username or a host's public name");
export const hostParamsSchema = z.object({ username: hostUsernameSchema });
const hostRequest = validateRequest({ params: hostParamsSchema });

export interface HostsRouterDependencies {
  hostDirectory: HostDirectory;
  /** Hosts' short public names; absent without the staff area (where they are chosen). */
  publicNames?: HostPublicNames;
  churchName: string;
  calPublicApiUrl: string;
}

/** Cal.com's failures, as the web server reads them: 503 worth retrying, 502 refused. */
async function askingCal<T>(lookup: () => Promise<T>): Promise<T> {
  try {
    return await lookup();
  } catch (error) {
    if (error instanceof CalApiError && error.kind === "unavailable")
      throw new HttpError(503, "cal_unavailable", "Cal.com is unavailable; retry later", { "Retry-After": "10" });
    if (error instanceof CalApiError) throw new HttpError(502, "cal_error", "Cal.com refused the request");
    throw error;
  }
}

export function createHostsRouter(deps: HostsRouterDependencies): Router {
  const router = Router();

  /** The host a booking path names: a public name (current or earlier) first, then a Cal.com username. */
  async function hostNamed(username: string): Promise<{ host: HostProfile; publicName: string | null } | null> {
    const asked = username.toLowerCase();
    const byName = deps.publicNames && publicNameProblem(asked) === null ? await deps.publicNames.resolve(asked) : null;
    if (byName) {
      const host = await askingCal(() => deps.hostDirectory.findHostByCalUserId(byName.calUserId));
      return host ? { host, publicName: byName.currentName } : null;
    }
    const host = await askingCal(() => deps.hostDirectory.findHost(username));
    if (!host) return null;
    const names = await deps.publicNames?.currentNames([host.calUserId]);
    return { host, publicName: names?.get(host.calUserId) ?? null };
  }

  router.get("/hosts/:username", hostRequest, async (_request, response) => {
    const found = await hostNamed(hostRequest.parsed(response).params.username);
    // The same answer whether or not a Cal.com account of that name exists elsewhere.
    if (!found) throw notFound("No host with that username here");
    const { calUserId: _calUserId, ...host } = found.host;
    response.json({
      ...host,
      publicName: found.publicName,
      church: { name: deps.churchName },
      calApiUrl: deps.calPublicApiUrl,
    });
  });

  router.get("/public/hosts", async (_request, response) => {
    const hosts = await askingCal(() => deps.hostDirectory.listHosts());
    const names = (await deps.publicNames?.currentNames(hosts.map((host) => host.calUserId))) ?? new Map();
    response.json({
      hosts: hosts
        .map((host) => {
          const publicName: string | null = names.get(host.calUserId) ?? null;
          return { name: host.name, publicName, path: `/book/${encodeURIComponent(publicName ?? host.username)}` };
        })
        .sort((a, b) => a.name.localeCompare(b.name)),
    });
  });
  return router;
}
