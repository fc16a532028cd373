// How API v2 prints a user: the managed-user object (oauth-client-users controller) and /v2/me.
import type { ManagedUserOutput } from "./schemas/managed-user.schema.js";
import type { EmulatorState, User } from "./state.js";

export function toManagedUserOutput(user: User): ManagedUserOutput {
  return {
    id: user.id,
    email: user.email,
    username: user.username,
    name: user.name,
    bio: user.bio,
    timeZone: user.timeZone,
    weekStart: user.weekStart,
    createdDate: user.createdDate,
    timeFormat: user.timeFormat,
    defaultScheduleId: user.defaultScheduleId,
    locale: user.locale,
    avatarUrl: user.avatarUrl,
    metadata: user.metadata,
  };
}

export function toMe(user: User, state: EmulatorState) {
  const organization = user.organizationId === state.organization.id ? state.organization : null;
  return {
    id: user.id,
    username: user.username,
    email: user.email,
    name: user.name,
    avatarUrl: user.avatarUrl,
    bio: user.bio,
    timeFormat: user.timeFormat,
    defaultScheduleId: user.defaultScheduleId,
    weekStart: user.weekStart,
    timeZone: user.timeZone,
    organizationId: organization?.id ?? null,
    ...(organization ? { organization: { isPlatform: organization.isPlatform, id: organization.id } } : {}),
  };
}
