// `npm run dev` in sandbox mode: a staff account for a sandbox administrator and one for each seeded host
// (the emulator's managed users and ordinary accounts, linked by their Cal.com user ids), each with a
// fresh one-time sign-in link, mailed to the local inbox and returned for printing. Made through the
// same invitation as `npm run staff:invite`, with the keys and settings the api runs with.
import { createStaffAreaFromSettings, inviteStaff } from "@churchhub/api";
import { createProtectorFromSettings } from "@churchhub/field-encryption";
import type { Settings } from "@churchhub/settings";

export const SANDBOX_ADMIN_EMAIL = "sandbox-admin@example.org";

export interface StaffSignInLink {
  /** `sandbox admin`, or the host's Cal.com username. */
  who: string;
  url: string;
}

export async function seedSandboxStaff(input: {
  settings: Settings;
  databaseUrl: string;
  secret: string;
  hosts: Array<{ calUserId: number; username: string; email: string; name: string }>;
}): Promise<StaffSignInLink[]> {
  const area = createStaffAreaFromSettings(input.settings, {
    databaseUrl: input.databaseUrl,
    protector: createProtectorFromSettings(input.settings),
    clock: () => new Date(),
    poolSize: 2,
    secret: input.secret,
  });
  if (!area) return [];
  const deps = { auth: area.auth, links: area.links, pool: area.pool };
  try {
    const links: StaffSignInLink[] = [];
    const admin = await inviteStaff(deps, { email: SANDBOX_ADMIN_EMAIL, role: "admin", name: "Sandbox administrator" });
    links.push({ who: "sandbox admin", url: admin.url });
    for (const host of input.hosts) {
      const invited = await inviteStaff(deps, {
        email: host.email,
        role: "host",
        calUserId: host.calUserId,
        name: host.name,
      });
      links.push({ who: host.username, url: invited.url });
    }
    return links;
  } finally {
    await area.close();
  }
}
