// GET /hosts/{username}: what the booking page's server needs to render a host's page. Server-only
// (our web server's bearer token): it is not a public directory of the church's people.
import { Router } from "express";
import { z } from "zod";
import { CalApiError } from "@churchhub/cal-client";
import { HttpError, notFound } from "../http/http-errors.js";
import { validateRequest } from "../http/validate-request.js";
import type { HostDirectory } from "./host-directory.js";

export const hostUsernameSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9._-]+$/, "must be a Cal.com username");
export const hostParamsSchema = z.object({ username: hostUsernameSchema });
const hostRequest = validateRequest({ params: hostParamsSchema });

export interface HostsRouterDependencies {
  hostDirectory: HostDirectory;
  churchName: string;
  calPublicApiUrl: string;
}

export function createHostsRouter(deps: HostsRouterDependencies): Router {
  const router = Router();
  router.get("/hosts/:username", hostRequest, async (_request, response) => {
    const { username } = hostRequest.parsed(response).params;
    let host;
    try {
      host = await deps.hostDirectory.findHost(username);
    } catch (error) {
      if (error instanceof CalApiError && error.kind === "unavailable")
        throw new HttpError(503, "cal_unavailable", "Cal.com is unavailable; retry later", { "Retry-After": "10" });
      if (error instanceof CalApiError) throw new HttpError(502, "cal_error", "Cal.com refused the request");
      throw error;
    }
    // The same answer whether or not a Cal.com account of that name exists elsewhere.
    if (!host) throw notFound("No host with that username here");
    response.json({ ...host, church: { name: deps.churchName }, calApiUrl: deps.calPublicApiUrl });
  });
  return router;
}
