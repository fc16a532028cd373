// Platform managed users (deprecated by Cal.com, still served): /v2/oauth-clients/{clientId}/users…
// Source: apps/api/v2/src/modules/oauth-clients/controllers/oauth-client-users/oauth-client-users.controller.ts,
// services/oauth-clients-users.service.ts; docs: api-reference/v2/deprecated:-platform-managed-users/*.
import type { Request, Response } from "express";
import { conflict, notFound, unauthorized } from "../http/api-error.js";
import type { Authenticator } from "../http/authenticate.js";
import { principalOf } from "../http/authenticate.js";
import { sendData } from "../http/envelope.js";
import { parseInput } from "../http/parse-input.js";
import type { DeclareRoute } from "../http/route-probes.js";
import { managedUserEmail, managedUserUsername } from "../managed-user-identity.js";
import {
  createManagedUserInputSchema,
  listManagedUsersQuerySchema,
  updateManagedUserInputSchema,
} from "../schemas/managed-user.schema.js";
import { takeId, type EmulatorState, type User } from "../state.js";
import type { TokenService } from "../tokens.js";
import { toManagedUserOutput } from "../user-views.js";

export interface ManagedUsersDeps {
  state: () => EmulatorState;
  tokens: TokenService;
  auth: Authenticator;
  clock: () => Date;
}

/** The OAuth client the caller authenticated as, which must be the one in the path. */
function authenticatedClientId(request: Request, response: Response): string {
  const principal = principalOf(response);
  const clientId = String(request.params.clientId);
  if (principal?.kind !== "oauth-client" || principal.client.id !== clientId)
    throw unauthorized("Invalid client secret");
  return clientId;
}

function managedUserOf(state: EmulatorState, clientId: string, userIdParam: unknown): User {
  const userId = Number(userIdParam);
  const user = state.users.get(userId);
  if (!user || user.oauthClientId !== clientId)
    throw notFound(`User with ID ${String(userIdParam)} is not part of this OAuth client.`);
  return user;
}

export function declareManagedUserRoutes(declare: DeclareRoute, deps: ManagedUsersDeps): void {
  const base = "/oauth-clients/:clientId/users";

  declare("post", base, deps.auth.requireAuth, (request, response) => {
    const clientId = authenticatedClientId(request, response);
    const input = parseInput(createManagedUserInputSchema, request.body);
    const state = deps.state();
    const email = managedUserEmail(clientId, input.email);
    const existing = [...state.users.values()].find((user) => user.email === email);
    if (existing) throw conflict(`User with the provided e-mail already exists. Existing user ID=${existing.id}`);

    const user: User = {
      id: takeId(state, "user"),
      email,
      username: managedUserUsername(email),
      name: input.name,
      bio: input.bio ?? null,
      timeZone: input.timeZone ?? "Europe/London",
      weekStart: input.weekStart ?? "Sunday",
      timeFormat: input.timeFormat ?? 12,
      locale: input.locale ?? "en",
      avatarUrl: input.avatarUrl ?? null,
      defaultScheduleId: null,
      createdDate: deps.clock().toISOString(),
      metadata: input.metadata ?? {},
      oauthClientId: clientId,
      organizationId: state.oauthClients.get(clientId)!.organizationId,
    };
    state.users.set(user.id, user);
    for (const template of state.defaultEventTypesForNewManagedUsers) {
      const id = takeId(state, "eventType");
      state.eventTypes.set(id, {
        ...structuredClone(template),
        id,
        ownerId: user.id,
        description: "",
        bookingFields: [],
        minimumBookingNotice: 120,
        slotInterval: null,
        beforeEventBuffer: 0,
        afterEventBuffer: 0,
        hidden: false,
        requiresConfirmation: false,
        disableGuests: false,
        metadata: {},
        hideCalendarEventDetails: false,
        hideCalendarNotes: false,
        hideOrganizerEmail: false,
        customName: null,
      });
    }
    // Cal.com creates a Mon–Fri 09:00–17:00 default schedule only when a timeZone is given.
    if (input.timeZone) {
      const scheduleId = takeId(state, "schedule");
      state.schedules.set(scheduleId, {
        id: scheduleId,
        userId: user.id,
        name: "Default Schedule",
        timeZone: input.timeZone,
        availability: [
          { days: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"], startTime: "09:00", endTime: "17:00" },
        ],
      });
      user.defaultScheduleId = scheduleId;
    }
    sendData(response, { user: toManagedUserOutput(user), ...deps.tokens.issue(clientId, user.id) }, 201);
  });

  declare("get", base, deps.auth.requireAuth, (request, response) => {
    const clientId = authenticatedClientId(request, response);
    const query = parseInput(listManagedUsersQuerySchema, request.query);
    const wanted = query.emails?.map((email) => (email.includes(clientId) ? email : managedUserEmail(clientId, email)));
    const users = [...deps.state().users.values()]
      .filter((user) => user.oauthClientId === clientId && (!wanted || wanted.includes(user.email)))
      .slice(query.offset, query.offset + query.limit);
    sendData(response, users.map(toManagedUserOutput));
  });

  declare("get", `${base}/:userId`, deps.auth.requireAuth, (request, response) => {
    const clientId = authenticatedClientId(request, response);
    sendData(response, toManagedUserOutput(managedUserOf(deps.state(), clientId, request.params.userId)));
  });

  declare("patch", `${base}/:userId`, deps.auth.requireAuth, (request, response) => {
    const clientId = authenticatedClientId(request, response);
    const user = managedUserOf(deps.state(), clientId, request.params.userId);
    const { email, ...changes } = parseInput(updateManagedUserInputSchema, request.body);
    if (email) {
      user.email = managedUserEmail(clientId, email);
      user.username = managedUserUsername(user.email);
    }
    Object.assign(user, Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)));
    sendData(response, toManagedUserOutput(user));
  });

  declare("delete", `${base}/:userId`, deps.auth.requireAuth, (request, response) => {
    const clientId = authenticatedClientId(request, response);
    const state = deps.state();
    const user = managedUserOf(state, clientId, request.params.userId);
    state.users.delete(user.id);
    deps.tokens.revokeUserTokens(clientId, user.id);
    sendData(response, toManagedUserOutput(user));
  });

  declare("post", `${base}/:userId/force-refresh`, deps.auth.requireAuth, (request, response) => {
    const clientId = authenticatedClientId(request, response);
    const user = managedUserOf(deps.state(), clientId, request.params.userId);
    deps.tokens.revokeUserTokens(clientId, user.id);
    sendData(response, deps.tokens.issue(clientId, user.id));
  });
}
