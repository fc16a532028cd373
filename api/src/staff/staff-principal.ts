// Who is asking: the signed-in staff member behind a request's session cookie, read fresh from Postgres
// on every request (no cookie cache), so a session ended by sign-out or deactivation stops at once.
import { fromNodeHeaders } from "better-auth/node";
import type { IncomingHttpHeaders } from "node:http";
import { STAFF_ROLES, type StaffAuth, type StaffRole } from "./auth/create-staff-auth.js";

export interface StaffPrincipal {
  userId: string;
  sessionId: string;
  role: StaffRole;
  /** For a host: the Cal.com user whose bookings they own. */
  calUserId: number | null;
  name: string;
  email: string;
}

export type ResolvePrincipal = (headers: IncomingHttpHeaders) => Promise<StaffPrincipal | null>;

export function createPrincipalResolver(auth: StaffAuth): ResolvePrincipal {
  return async (headers) => {
    if (!headers.cookie) return null;
    const found = await auth.api.getSession({ headers: fromNodeHeaders(headers) });
    if (!found) return null;
    const { user, session } = found;
    const role = STAFF_ROLES.find((candidate) => candidate === user.role);
    // A deactivated person's sessions are deleted when they are deactivated; the check here also
    // covers a session that outlived a ban made behind Better Auth's back.
    if (!role || user.banned) return null;
    return {
      userId: user.id,
      sessionId: session.id,
      role,
      calUserId: typeof user.calUserId === "number" ? user.calUserId : null,
      name: user.name,
      email: user.email,
    };
  };
}
