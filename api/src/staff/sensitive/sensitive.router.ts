// The staff area's sensitive-mode endpoints: a host marks their own Cal.com event types sensitive (an
// administrator any host's), sets their default, and hands out Cal.com private links for sensitive ones.
// A host asking about another host gets the same 404 as for an unknown one. Changes pass the staff
// router's CSRF check; Cal.com is reached through workflows (sensitive-settings-service.ts).
import express, { type Router } from "express";
import { z } from "zod";
import { notFound } from "../../http/http-errors.js";
import { validateRequest } from "../../http/validate-request.js";
import { principalOf } from "../staff-access.js";
import type { StaffPrincipal } from "../staff-principal.js";
import type { SensitiveSettingsService } from "./sensitive-settings-service.js";

const calId = z.coerce.number().int().positive().max(2_147_483_647);
export const sensitiveHostParamsSchema = z.strictObject({ calUserId: calId });
export const sensitiveEventTypeParamsSchema = z.strictObject({ calUserId: calId, eventTypeId: calId });
export const privateLinkParamsSchema = z.strictObject({
  calUserId: calId,
  eventTypeId: calId,
  linkId: z.string().min(1).max(200),
});
export const sensitiveFlagBodySchema = z.strictObject({ sensitive: z.boolean() });
export const createPrivateLinkBodySchema = z
  .strictObject({
    expiresAt: z.iso.datetime({ offset: true }).optional(),
    maxUsageCount: z.number().int().min(1).max(1000).optional(),
  })
  .refine((body) => body.expiresAt === undefined || body.maxUsageCount === undefined, {
    message: "give an expiry or a number of uses, not both",
  });

/** A host acts for themself only; an administrator for any host. */
function requireHostInScope(principal: StaffPrincipal, calUserId: number): void {
  if (principal.role === "admin") return;
  if (principal.calUserId !== calUserId) throw notFound("No such host");
}

export function createSensitiveRouter(service: SensitiveSettingsService): Router {
  const router = express.Router();
  const json = express.json({ limit: "2kb" });

  router.get("/staff/sensitive/hosts", async (_request, response) => {
    const principal = principalOf(response);
    if (principal.role === "admin") return void response.json({ hosts: await service.hosts() });
    response.json({
      hosts: principal.calUserId === null ? [] : [{ calUserId: principal.calUserId, name: principal.name }],
    });
  });

  const hostParams = validateRequest({ params: sensitiveHostParamsSchema });
  router.get("/staff/sensitive/hosts/:calUserId/event-types", hostParams, async (_request, response) => {
    const { calUserId } = hostParams.parsed(response).params;
    requireHostInScope(principalOf(response), calUserId);
    response.json(await service.hostView(calUserId));
  });

  const defaultChange = validateRequest({ params: sensitiveHostParamsSchema, body: sensitiveFlagBodySchema });
  router.put("/staff/sensitive/hosts/:calUserId/default", json, defaultChange, async (_request, response) => {
    const { params, body } = defaultChange.parsed(response);
    requireHostInScope(principalOf(response), params.calUserId);
    response.status(202).json(await service.setHostDefault(params.calUserId, body.sensitive));
  });

  const flagChange = validateRequest({ params: sensitiveEventTypeParamsSchema, body: sensitiveFlagBodySchema });
  router.put(
    "/staff/sensitive/hosts/:calUserId/event-types/:eventTypeId",
    json,
    flagChange,
    async (_request, response) => {
      const { params, body } = flagChange.parsed(response);
      requireHostInScope(principalOf(response), params.calUserId);
      const eventType = await service.setEventTypeSensitive(params.calUserId, params.eventTypeId, body.sensitive);
      response.status(202).json({ eventType });
    },
  );

  const linksPath = "/staff/sensitive/hosts/:calUserId/event-types/:eventTypeId/private-links";
  const linkParams = validateRequest({ params: sensitiveEventTypeParamsSchema });
  router.get(linksPath, linkParams, async (_request, response) => {
    const { calUserId, eventTypeId } = linkParams.parsed(response).params;
    requireHostInScope(principalOf(response), calUserId);
    const result = await service.privateLinks(calUserId, eventTypeId, { kind: "list" });
    response.json({ links: result.links });
  });

  const linkCreation = validateRequest({ params: sensitiveEventTypeParamsSchema, body: createPrivateLinkBodySchema });
  router.post(linksPath, json, linkCreation, async (_request, response) => {
    const { params, body } = linkCreation.parsed(response);
    requireHostInScope(principalOf(response), params.calUserId);
    const result = await service.privateLinks(params.calUserId, params.eventTypeId, { kind: "create", ...body });
    response.status(201).json({ link: result.created, links: result.links });
  });

  const linkRevocation = validateRequest({ params: privateLinkParamsSchema });
  router.delete(`${linksPath}/:linkId`, linkRevocation, async (_request, response) => {
    const { calUserId, eventTypeId, linkId } = linkRevocation.parsed(response).params;
    requireHostInScope(principalOf(response), calUserId);
    const result = await service.privateLinks(calUserId, eventTypeId, { kind: "revoke", linkId });
    response.json({ links: result.links });
  });

  return router;
}
