// Who can be booked here: the managed users of our Cal.com OAuth client, with their public event
// types. The list is cached briefly so a busy booking page does not page through Cal.com per view.
import type { CalClient, CalEventType, ManagedUser } from '@churchhub/cal-client';

export interface HostProfile {
  username: string;
  name: string;
  eventTypes: Array<{ id: number; slug: string; title: string; lengthInMinutes: number; description: string | null }>;
}

export interface HostDirectory {
  findHost(username: string): Promise<HostProfile | null>;
}

const PAGE_SIZE = 250;

export function createHostDirectory(deps: { calClient: CalClient; clock: () => Date; cacheMs?: number }): HostDirectory {
  let cached: { users: ManagedUser[]; at: number } | undefined;

  async function managedUsers(): Promise<ManagedUser[]> {
    const now = deps.clock().getTime();
    if (cached && now - cached.at < (deps.cacheMs ?? 60_000)) return cached.users;
    const users: ManagedUser[] = [];
    for (let offset = 0; ; offset += PAGE_SIZE) {
      const page = await deps.calClient.listManagedUsers({ limit: PAGE_SIZE, offset });
      users.push(...page);
      if (page.length < PAGE_SIZE) break;
    }
    cached = { users, at: now };
    return users;
  }

  function eventTypeView(eventType: CalEventType) {
    return {
      id: eventType.id,
      slug: eventType.slug,
      title: eventType.title,
      lengthInMinutes: eventType.lengthInMinutes ?? eventType.length ?? 0,
      description: eventType.description ?? null,
    };
  }

  return {
    async findHost(username) {
      const user = (await managedUsers()).find((candidate) => candidate.username?.toLowerCase() === username.toLowerCase());
      if (!user?.username) return null;
      const eventTypes = await deps.calClient.listPublicEventTypes(user.username);
      return { username: user.username, name: user.name ?? user.username, eventTypes: eventTypes.filter((eventType) => !eventType.hidden).map(eventTypeView) };
    },
  };
}
