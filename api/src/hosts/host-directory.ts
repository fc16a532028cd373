// Who can be booked here: the managed users of our Cal.com Platform client, and hosts who connected
// their own Cal.com account, with their public event types. The managed-user list is cached briefly so
// a busy booking page does not page through Cal.com per view.
import type { CalClient, CalEventType, ManagedUser } from "@churchhub/cal-client";
import type { CalConnection, CalConnectionStore } from "@churchhub/database";

/** A bookable host without their event types: what the public list of hosts shows. */
export interface HostSummary {
  calUserId: number;
  /** The Cal.com username (the booking page's link when the host has no short public name). */
  username: string;
  name: string;
}

export interface HostProfile {
  calUserId: number;
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
  findHostByCalUserId(calUserId: number): Promise<HostProfile | null>;
  listHosts(): Promise<HostSummary[]>;
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

  async function profile(user: ManagedUser | undefined): Promise<HostProfile | null> {
    if (!user?.username) return null;
    return {
      calUserId: user.id,
      username: user.username,
      name: user.name ?? user.username,
      calProvider: "platform",
      calClientId: deps.platformClientId,
      eventTypes: await publicEventTypes(deps.calClient, user.username),
    };
  }

  return {
    async findHost(username) {
      return profile(
        (await managedUsers()).find((candidate) => candidate.username?.toLowerCase() === username.toLowerCase()),
      );
    },
    async findHostByCalUserId(calUserId) {
      return profile((await managedUsers()).find((candidate) => candidate.id === calUserId));
    },
    async listHosts() {
      return (await managedUsers()).flatMap((user) =>
        user.username ? [{ calUserId: user.id, username: user.username, name: user.name ?? user.username }] : [],
      );
    },
  };
}

/**
 * Hosts who connected their own Cal.com account (OAuth 2.0). A connection that needs reconnecting is
 * still bookable: Cal.com takes the booking, and reconciliation catches up once the host reconnects.
 */
export function createConnectedHostDirectory(deps: {
  calClient: CalClient;
  connections: Pick<CalConnectionStore, "findActiveByUsername" | "list" | "displayName">;
  oauth2ClientId: string;
}): HostDirectory {
  async function profile(connection: CalConnection | null | undefined): Promise<HostProfile | null> {
    if (!connection) return null;
    return {
      calUserId: connection.calUserId,
      username: connection.username,
      name: (await deps.connections.displayName(connection)) ?? connection.username,
      calProvider: "oauth2",
      calClientId: deps.oauth2ClientId,
      eventTypes: await publicEventTypes(deps.calClient, connection.username),
    };
  }
  const activeConnections = async () =>
    (await deps.connections.list()).filter((connection) => connection.status !== "disconnected");

  return {
    findHost: async (username) => profile(await deps.connections.findActiveByUsername(username)),
    findHostByCalUserId: async (calUserId) =>
      profile((await activeConnections()).find((connection) => connection.calUserId === calUserId)),
    async listHosts() {
      return Promise.all(
        (await activeConnections()).map(async (connection) => ({
          calUserId: connection.calUserId,
          username: connection.username,
          name: (await deps.connections.displayName(connection)) ?? connection.username,
        })),
      );
    },
  };
}

/** The first directory that knows the host answers; the list is every directory's, each host once. */
export function combineHostDirectories(directories: readonly HostDirectory[]): HostDirectory {
  async function first(find: (directory: HostDirectory) => Promise<HostProfile | null>) {
    for (const directory of directories) {
      const host = await find(directory);
      if (host) return host;
    }
    return null;
  }
  return {
    findHost: (username) => first((directory) => directory.findHost(username)),
    findHostByCalUserId: (calUserId) => first((directory) => directory.findHostByCalUserId(calUserId)),
    async listHosts() {
      const seen = new Set<number>();
      return (await Promise.all(directories.map((directory) => directory.listHosts())))
        .flat()
        .filter((host) => !seen.has(host.calUserId) && seen.add(host.calUserId));
    },
  };
}
