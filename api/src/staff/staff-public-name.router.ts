// The staff area's endpoints for hosts' short public names (/book/<name>): a host reads and chooses
// their own; an administrator reads and chooses any host's. Mounted behind requireStaff and the CSRF check.
import express, { Router, type Response } from "express";
import { z } from "zod";
import { HttpError, notFound } from "../http/http-errors.js";
import {
  PublicNameTakenError,
  type HostPublicNameRecord,
  type HostPublicNames,
} from "../hosts/public-names/host-public-names.js";
import { describePublicNameProblem, publicNameProblem } from "../hosts/public-names/public-name-rules.js";
import { principalOf, requireStaffRole } from "./staff-access.js";
import { parsedStaffInput } from "./staff-input.js";

export const publicNameBodySchema = z.strictObject({
  name: z.string().max(200).describe("2-40 lowercase letters, digits and hyphens; not a word the site uses"),
});
export const staffHostParamsSchema = z.strictObject({
  calUserId: z.coerce.number().int().positive().max(2_147_483_647),
});

export interface StaffPublicNameDependencies {
  publicNames: HostPublicNames;
  /** Whether a Cal.com user is a host of ours (an administrator may name only those). */
  isKnownHost(calUserId: number): Promise<boolean>;
}

function answer(response: Response, record: HostPublicNameRecord) {
  response.json({
    publicName: record.current,
    previousNames: record.previous,
    bookingPath: record.current ? `/book/${record.current}` : null,
  });
}

export function createStaffPublicNameRouter(deps: StaffPublicNameDependencies): Router {
  const router = Router();
  const body = express.json({ limit: "1kb" });

  async function choose(response: Response, calUserId: number, requestBody: unknown) {
    const { name } = parsedStaffInput(publicNameBodySchema, requestBody ?? {}, "body");
    const chosen = name.trim().toLowerCase();
    const problem = publicNameProblem(chosen);
    if (problem) throw new HttpError(400, "invalid_public_name", describePublicNameProblem(chosen, problem));
    try {
      answer(
        response,
        await deps.publicNames.choose({ calUserId, name: chosen, chosenBy: principalOf(response).userId }),
      );
    } catch (error) {
      if (error instanceof PublicNameTakenError) throw new HttpError(409, "public_name_taken", error.message);
      throw error;
    }
  }

  /** A host's own Cal.com user; an administrator has none and names hosts through /staff/hosts/{calUserId}. */
  function ownCalUserId(response: Response): number {
    const calUserId = principalOf(response).calUserId;
    if (calUserId === null) throw new Error("requireStaffRole('host') let a host without a Cal.com user through");
    return calUserId;
  }

  async function knownHost(params: unknown): Promise<number> {
    const { calUserId } = parsedStaffInput(staffHostParamsSchema, params, "path");
    if (!(await deps.isKnownHost(calUserId))) throw notFound("No host with that Cal.com user id");
    return calUserId;
  }

  router.get("/staff/profile/public-name", requireStaffRole("host"), async (_request, response) => {
    answer(response, await deps.publicNames.record(ownCalUserId(response)));
  });
  router.put("/staff/profile/public-name", requireStaffRole("host"), body, async (request, response) => {
    await choose(response, ownCalUserId(response), request.body);
  });
  router.get("/staff/hosts/:calUserId/public-name", requireStaffRole("admin"), async (request, response) => {
    answer(response, await deps.publicNames.record(await knownHost(request.params)));
  });
  router.put("/staff/hosts/:calUserId/public-name", requireStaffRole("admin"), body, async (request, response) => {
    await choose(response, await knownHost(request.params), request.body);
  });
  return router;
}
