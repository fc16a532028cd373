// Event types: API v2 2024-06-14 `GET /v2/event-types` (public by username/eventSlug, or the caller's own)
// and `GET`/`PATCH /v2/event-types/{id}` (owner only; PATCH needs EVENT_TYPE_WRITE of a scoped token);
// private links under `/v2/event-types/{id}/private-links` (any version: that controller names none); a missing or older cal-api-version gets the 2024-04-15
// controller (`{eventTypeGroups:[{eventTypes}]}` / `{eventType}` in the row's own form), later ones 404
// (http/api-version.ts); the atoms' `GET /v2/atoms/event-types/{slug}/public`.
// Sources: apps/api/v2/src/ee/event-types/event-types_2024_06_14/controllers/event-types.controller.ts,
// modules/atoms/controllers/atoms.event-types.controller.ts; docs api-reference/v2/event-types/*.
import { z } from "zod";
import { notFound } from "../http/api-error.js";
import type { Authenticator } from "../http/authenticate.js";
import { principalOf, userOf } from "../http/authenticate.js";
import { sendData } from "../http/envelope.js";
import { parseInput } from "../http/parse-input.js";
import type { DeclareRoute } from "../http/route-probes.js";
import type { ScopeGuard } from "../http/scope-guard.js";
import type { EmulatorState, EventType, User } from "../state.js";
import { toEventTypeOutput, toLegacyEventTypeOutput, toPublicEventType } from "../event-type-views.js";
import { eventTypesController, versionGate } from "../http/api-version.js";
import { applyEventTypeUpdate, updateEventTypeInputSchema } from "../event-type-update.js";
import { createPrivateLink, toPrivateLinkOutput } from "../private-links.js";

const createPrivateLinkSchema = z.object({
  expiresAt: z.iso.datetime({ offset: true }).optional(),
  maxUsageCount: z.number().int().min(1).optional(),
});

const listQuerySchema = z.object({
  username: z.string().optional(),
  eventSlug: z.string().optional(),
  usernames: z.string().optional(),
});

const publicQuerySchema = z.object({
  username: z.string().min(1),
  isTeamEvent: z.string().optional(),
  teamId: z.coerce.number().int().optional(),
  orgId: z.coerce.number().int().optional(),
});

function userByUsername(state: EmulatorState, username: string): User | undefined {
  return [...state.users.values()].find((user) => user.username === username.toLowerCase());
}

function withoutHiddenBookingFields(output: ReturnType<typeof toEventTypeOutput>) {
  return { ...output, bookingFields: output.bookingFields.filter((field) => field.hidden !== true) };
}

/** EventTypeOwnershipGuard: another user's event type is as missing as an unknown one. */
function ownEventType(state: EmulatorState, user: User, rawId: unknown): EventType {
  const eventType = state.eventTypes.get(Number(rawId));
  if (!eventType || eventType.ownerId !== user.id) throw notFound(`Event type with id ${String(rawId)} not found`);
  return eventType;
}

export function declareEventTypeRoutes(
  declare: DeclareRoute,
  deps: { state: () => EmulatorState; clock: () => Date; auth: Authenticator; scopes: ScopeGuard },
): void {
  declare(
    "get",
    "/event-types",
    versionGate(eventTypesController),
    deps.auth.optionalAuth,
    deps.scopes.requireScopes(["EVENT_TYPE_READ"]),
    (request, response) => {
      const state = deps.state();
      if (eventTypesController(request) === "2024-04-15") {
        // The legacy controller lists the caller's own event types, grouped; it needs a user.
        const user = userOf(response);
        const own = [...state.eventTypes.values()].filter((eventType) => eventType.ownerId === user.id);
        return sendData(response, { eventTypeGroups: [{ eventTypes: own.map(toLegacyEventTypeOutput) }] });
      }
      const query = parseInput(listQuerySchema, request.query);
      const caller = principalOf(response);
      const callerId = caller?.kind === "user" ? caller.user.id : undefined;
      const usernames = query.usernames?.split(",") ?? (query.username ? [query.username] : []);
      const owners =
        usernames.length > 0
          ? usernames.map((name) => userByUsername(state, name)).filter((user) => user !== undefined)
          : caller?.kind === "user"
            ? [caller.user]
            : [];
      const eventTypes: EventType[] = [...state.eventTypes.values()].filter(
        (eventType) =>
          owners.some((owner) => owner.id === eventType.ownerId) &&
          (query.eventSlug === undefined || eventType.slug === query.eventSlug) &&
          (!eventType.hidden || eventType.ownerId === callerId),
      );
      if (eventTypes.length === 0) throw notFound("Event types not found");
      sendData(
        response,
        eventTypes.map((eventType) =>
          withoutHiddenBookingFields(toEventTypeOutput(eventType, state.users.get(eventType.ownerId)!)),
        ),
      );
    },
  );

  declare(
    "get",
    "/event-types/:eventTypeId",
    versionGate(eventTypesController),
    deps.auth.requireUser,
    deps.scopes.requireScopes(["EVENT_TYPE_READ"]),
    (request, response) => {
      const state = deps.state();
      const user = userOf(response);
      const eventType = state.eventTypes.get(Number(request.params.eventTypeId));
      const legacy = eventTypesController(request) === "2024-04-15";
      if (!eventType || eventType.ownerId !== user.id)
        throw notFound(`Event type with id ${String(request.params.eventTypeId)} not found`);
      if (legacy) return sendData(response, { eventType: toLegacyEventTypeOutput(eventType) });
      sendData(response, toEventTypeOutput(eventType, user));
    },
  );

  declare(
    "patch",
    "/event-types/:eventTypeId",
    // The legacy controller's PATCH takes another body, which the emulator does not model: 2024-06-14 only.
    versionGate((request) => {
      if (eventTypesController(request) !== "2024-06-14")
        throw notFound(`Cannot PATCH ${request.originalUrl.split("?")[0]}`);
    }),
    deps.auth.requireUser,
    deps.scopes.requireScopes(["EVENT_TYPE_WRITE"]),
    (request, response) => {
      const user = userOf(response);
      const eventType = ownEventType(deps.state(), user, request.params.eventTypeId);
      applyEventTypeUpdate(eventType, parseInput(updateEventTypeInputSchema, request.body ?? {}));
      sendData(response, toEventTypeOutput(eventType, user));
    },
  );

  declare(
    "post",
    "/event-types/:eventTypeId/private-links",
    deps.auth.requireUser,
    deps.scopes.requireScopes(["EVENT_TYPE_WRITE"]),
    (request, response) => {
      const eventType = ownEventType(deps.state(), userOf(response), request.params.eventTypeId);
      const input = parseInput(createPrivateLinkSchema, request.body ?? {});
      const link = createPrivateLink(deps.state(), eventType.id, {
        ...(input.expiresAt ? { expiresAt: new Date(input.expiresAt) } : {}),
        ...(input.maxUsageCount ? { maxUsageCount: input.maxUsageCount } : {}),
      });
      sendData(response, toPrivateLinkOutput(link, deps.clock()), 201);
    },
  );

  declare(
    "get",
    "/event-types/:eventTypeId/private-links",
    deps.auth.requireUser,
    deps.scopes.requireScopes(["EVENT_TYPE_READ"]),
    (request, response) => {
      const eventType = ownEventType(deps.state(), userOf(response), request.params.eventTypeId);
      const now = deps.clock();
      sendData(
        response,
        [...deps.state().privateLinks.values()]
          .filter((link) => link.eventTypeId === eventType.id)
          .map((link) => toPrivateLinkOutput(link, now)),
      );
    },
  );

  declare(
    "delete",
    "/event-types/:eventTypeId/private-links/:linkId",
    deps.auth.requireUser,
    deps.scopes.requireScopes(["EVENT_TYPE_WRITE"]),
    (request, response) => {
      const state = deps.state();
      const eventType = ownEventType(state, userOf(response), request.params.eventTypeId);
      const linkId = String(request.params.linkId);
      const link = state.privateLinks.get(linkId);
      if (!link || link.eventTypeId !== eventType.id) throw notFound("Deleted link not found");
      state.privateLinks.delete(linkId);
      sendData(response, { linkId, message: "Private link deleted successfully" });
    },
  );

  declare("get", "/atoms/event-types/:eventSlug/public", (request, response) => {
    const state = deps.state();
    const query = parseInput(publicQuerySchema, request.query);
    // The atoms join several usernames with "+" for a dynamic group event; the emulator has one host per event.
    const owner = userByUsername(state, query.username.split("+")[0]!);
    const eventType =
      owner &&
      [...state.eventTypes.values()].find(
        (candidate) => candidate.ownerId === owner.id && candidate.slug === request.params.eventSlug,
      );
    if (!owner || !eventType) throw notFound(`Event type with slug ${String(request.params.eventSlug)} not found`);
    sendData(response, toPublicEventType(eventType, owner, state));
  });
}
