// The administrators' screens' endpoints, /staff/admin/...: hosts and their Cal.com connection state
// (with connect links), staff (invite, role, deactivate, reactivate), API keys, reconciliation and the
// whole access log. Mounted behind the staff area's session and CSRF checks; every path here needs the
// admin role (403 for a host). Each reuses the one implementation of its job: the invitation of
// `npm run staff:invite`, the connect links of POST /connections/cal/links, the API key store of
// `npm run apikey:*`, the access log's own verifier.
import express, { Router } from "express";
import { z } from "zod";
import type { ApiKeyStore, Role } from "@churchhub/database";
import { apiKeyParamsSchema, newApiKeySchema } from "../../admin/admin.router.js";
import { newConnectLinkSchema } from "../../connections/connections.router.js";
import { HttpError, notFound } from "../../http/http-errors.js";
import { validateRequest } from "../../http/validate-request.js";
import type { StaffAccessLog } from "../access-log/staff-access-log.js";
import { STAFF_ROLES } from "../auth/create-staff-auth.js";
import { principalOf, requireStaffRole } from "../staff-access.js";
import type { HostsOverview } from "./hosts-overview.js";
import type { ReconciliationOverview } from "./reconciliation-overview.js";
import { UnknownScheduleError } from "./reconciliation-overview.js";
import { StaffChangeRefusedError, type StaffPeople } from "./staff-people.js";

const noNul = (value: string) => !value.includes("\u0000");
const calUserIdSchema = z.number().int().positive().describe("The Cal.com user id of the host (from the hosts list)");

export const staffPersonParamsSchema = z.strictObject({ id: z.string().min(1).max(100) });
export const staffInvitationSchema = z.strictObject({
  email: z.email({ error: "must be an email address" }).max(254),
  role: z.enum(STAFF_ROLES),
  calUserId: calUserIdSchema.nullish().describe("Required for a host: the Cal.com user whose bookings they own"),
  name: z.string().trim().min(1).max(120).refine(noNul, "must not contain U+0000").nullish(),
});
export const staffRoleChangeSchema = z.strictObject({
  role: z.enum(STAFF_ROLES),
  calUserId: calUserIdSchema.nullish().describe("Required for a host; omitted for an administrator"),
});
export const accessLogPageQuerySchema = z.strictObject({
  before: z
    .string()
    .regex(/^[1-9]\d{0,18}$/, "must be an entry's sequence number")
    .optional()
    .describe("The last sequence of the previous page"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const scheduleParamsSchema = z.strictObject({ scheduleId: z.string().min(1).max(200) });

const personRequest = validateRequest({ params: staffPersonParamsSchema });
const invitationRequest = validateRequest({ body: staffInvitationSchema });
const roleChangeRequest = validateRequest({ params: staffPersonParamsSchema, body: staffRoleChangeSchema });
const connectLinkRequest = validateRequest({ body: newConnectLinkSchema.default({}) });
const newApiKeyRequest = validateRequest({ body: newApiKeySchema });
const apiKeyRequest = validateRequest({ params: apiKeyParamsSchema });
const accessLogRequest = validateRequest({ query: accessLogPageQuerySchema });
const scheduleRequest = validateRequest({ params: scheduleParamsSchema });

/** How many of the latest repairs the reconciliation screen shows. */
const REPAIRS_SHOWN = 50;

export interface StaffAdminDependencies {
  people: StaffPeople;
  hosts: HostsOverview;
  /** The connect links of POST /connections/cal/links; null when no OAuth 2.0 client is configured. */
  createConnectLink:
    | ((input: { hostLabel: string | null; createdBy: string }) => Promise<{ url: string; expiresAt: Date }>)
    | null;
  apiKeys: Pick<ApiKeyStore, "list" | "create" | "revoke">;
  reconciliation: ReconciliationOverview;
  accessLog: StaffAccessLog;
}

function refused(error: unknown): never {
  if (error instanceof StaffChangeRefusedError) {
    if (error.reason === "not_found") throw notFound(error.message);
    throw new HttpError(400, error.reason === "yourself" ? "cannot_change_yourself" : "refused", error.message);
  }
  throw error;
}

export function createStaffAdminRouter(deps: StaffAdminDependencies): Router {
  const router = Router();
  router.use("/staff/admin", requireStaffRole("admin"));
  const json = express.json({ limit: "4kb" });

  router.get("/staff/admin/hosts", async (_request, response) => {
    response.json({ hosts: await deps.hosts.list(), connectLinksAvailable: deps.createConnectLink !== null });
  });

  router.post("/staff/admin/hosts/connect-links", json, connectLinkRequest, async (_request, response) => {
    if (!deps.createConnectLink)
      throw new HttpError(409, "not_configured", "Connecting Cal.com accounts needs CAL_OAUTH2_CLIENT_ID");
    const { body } = connectLinkRequest.parsed(response);
    const link = await deps.createConnectLink({
      hostLabel: body.hostLabel ?? null,
      // Who made it, without personal data in the clear: the staff member's id.
      createdBy: `staff ${principalOf(response).userId}`,
    });
    response.status(201).json({ url: link.url, expiresAt: link.expiresAt.toISOString() });
  });

  router.get("/staff/admin/staff", async (_request, response) => {
    response.json({ people: await deps.people.list() });
  });

  router.post("/staff/admin/staff", json, invitationRequest, async (_request, response) => {
    const { body } = invitationRequest.parsed(response);
    const invited = await deps.people
      .invite({ email: body.email, role: body.role, calUserId: body.calUserId ?? null, name: body.name ?? null })
      .catch(refused);
    response.status(201).json({ id: invited.id, created: invited.created, expiresAt: invited.expiresAt.toISOString() });
  });

  router.post("/staff/admin/staff/:id/role", json, roleChangeRequest, async (_request, response) => {
    const { params, body } = roleChangeRequest.parsed(response);
    await deps.people
      .changeRole(principalOf(response), params.id, { role: body.role, calUserId: body.calUserId ?? null })
      .catch(refused);
    response.status(204).end();
  });

  router.post("/staff/admin/staff/:id/deactivate", personRequest, async (request, response) => {
    const { id } = personRequest.parsed(response).params;
    await deps.people.deactivate(principalOf(response), id, request.headers).catch(refused);
    response.status(204).end();
  });

  router.post("/staff/admin/staff/:id/reactivate", personRequest, async (request, response) => {
    const { id } = personRequest.parsed(response).params;
    await deps.people.reactivate(id, request.headers).catch(refused);
    response.status(204).end();
  });

  router.get("/staff/admin/api-keys", async (_request, response) => {
    response.json({ apiKeys: await deps.apiKeys.list() });
  });

  router.post("/staff/admin/api-keys", json, newApiKeyRequest, async (_request, response) => {
    const { body } = newApiKeyRequest.parsed(response);
    response.status(201).json(await deps.apiKeys.create({ name: body.name, role: body.role as Role }));
  });

  router.delete("/staff/admin/api-keys/:id", apiKeyRequest, async (_request, response) => {
    if (!(await deps.apiKeys.revoke(apiKeyRequest.parsed(response).params.id)))
      throw notFound("No active key with that id");
    response.status(204).end();
  });

  router.get("/staff/admin/reconciliation", async (_request, response) => {
    const overview = await deps.reconciliation.overview({ repairs: REPAIRS_SHOWN });
    response.json({ namespace: deps.reconciliation.namespace, ...overview });
  });

  router.post("/staff/admin/reconciliation/:scheduleId/run", scheduleRequest, async (_request, response) => {
    try {
      await deps.reconciliation.trigger(scheduleRequest.parsed(response).params.scheduleId);
    } catch (error) {
      if (error instanceof UnknownScheduleError) throw notFound(error.message);
      throw error;
    }
    response.status(202).json({ triggered: true });
  });

  router.get("/staff/admin/access-log", accessLogRequest, async (_request, response) => {
    const { before, limit } = accessLogRequest.parsed(response).query;
    const [page, verdict] = await Promise.all([
      deps.accessLog.page({ before: before ?? null, limit }),
      deps.accessLog.verify(),
    ]);
    response.json({ ...page, verification: verdict });
  });

  return router;
}
