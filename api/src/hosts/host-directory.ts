// Who can be booked here: the managed users of our Cal.com Platform client, and hosts who connected
// their own Cal.com account, with their public event types. The managed-user list is cached briefly so
// a busy booking page does not page through Cal.com per view.
import type { CalClient, CalEventType, ManagedUser } from "@churchhub/cal-client";
import type { CalConnectionStore } from "@churchhub/database";

interface HostProfile {
  username: string;
  name: string;
  /** Which Cal Atoms provider the booking page uses: CalProvider (platform) or CalOAuthProvider (oauth2). */
  calProvider: "platform" | "oauth2";
  /** The Platform client id, or the OAuth 2.0 client id, matching calProvider. */
  calClientId: string;
  eventTypes: Array<{ id: number; slug: string; title: string; lengthInMinutes: number; description: string | null }>;
}

export interface HostDirectory {
  findHost(username: string): Promise<HostProfile | null>;
}

const PAGE_SIZE = 250;

function eventTypeView(eventType: CalEventType) {
  return {
    id: eventType.id,
    slug: eventType.slug,
    title: eventType.title,
    lengthInMinutes: eventType.lengthInMinutes ?? eventType.length ?? 0,
    description: eventType.description ?? null,
  };
}

async function publicEventTypes(calClient: CalClient, username: string) {
  return (await calClient.listPublicEventTypes(username)).filter((eventType) => !eventType.hidden).map(eventTypeView);
}

/** Managed users of the Platform client. */
export function createManagedUserDirectory(deps: {
  calClient: CalClient;
  platformClientId: string;
  clock: () => Date;
  cacheMs?: number;
}): HostDirectory {
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

  return {
    async findHost(username) {
      const user = (await managedUsers()).find(
        (candidate) => candidate.username?.toLowerCase() === username.toLowerCase(),
      );
      if (!user?.username) return null;
      return {
        username: user.username,
        name: user.name ?? user.username,
        calProvider: "platform",
        calClientId: deps.platformClientId,
        eventTypes: await publicEventTypes(deps.calClient, user.username),
      };
    },
  };
}

/**
 * Hosts who connected their own Cal.com account (OAuth 2.0). A connection that needs reconnecting is
 * still bookable: Cal.com takes the booking, and reconciliation catches up once the host reconnects.
 */
export function createConnectedHostDirectory(deps: {
  calClient: CalClient;
  connections: Pick<CalConnectionStore, "findActiveByUsername" | "displayName">;
  oauth2ClientId: string;
}): HostDirectory {
  return {
    async findHost(username) {
      const connection = await deps.connections.findActiveByUsername(username);
      if (!connection) return null;
      return {
        username: connection.username,
        name: (await deps.connections.displayName(connection)) ?? connection.username,
        calProvider: "oauth2",
        calClientId: deps.oauth2ClientId,
        eventTypes: await publicEventTypes(deps.calClient, connection.username),
      };
    },
  };
}

/** The first directory that knows the username answers. */
export function combineHostDirectories(directories: readonly HostDirectory[]): HostDirectory {
  return {
    async findHost(username) {
      for (const directory of directories) {
        const host = await directory.findHost(username);
        if (host) return host;
      }
      return null;
    },
  };
}
