// Invites a person to the staff area: creates their account (email, role, and for a host the Cal.com
// user whose bookings they own) unless it exists, then stores and mails a one-time invitation link and
// returns it. No one can sign up themselves; this (the command, or later an admin screen) is the way in.
import type { Pool } from "pg";
import type { StaffAuth, StaffRole } from "../auth/create-staff-auth.js";
import type { SignInLinkDelivery } from "../auth/sign-in-links.js";
import { STAFF_TABLES } from "../auth/staff-auth-tables.js";

export interface StaffInvitation {
  email: string;
  role: StaffRole;
  /** Required for a host: the Cal.com user id of the host's bookings. */
  calUserId?: number;
  name?: string;
}

export class StaffInvitationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StaffInvitationError";
  }
}

export async function inviteStaff(
  deps: { auth: StaffAuth; links: SignInLinkDelivery; pool: Pool },
  invitation: StaffInvitation,
): Promise<{ userId: string; created: boolean; url: string; expiresAt: Date }> {
  const email = invitation.email.trim().toLowerCase();
  if (invitation.role === "host" && invitation.calUserId === undefined)
    throw new StaffInvitationError("a host is linked to the Cal.com user whose bookings they own: name the host");
  if (invitation.role === "admin" && invitation.calUserId !== undefined)
    throw new StaffInvitationError("an administrator sees every host's bookings: do not link one to a host");
  const existing = await deps.pool.query<{ id: string; role: string; cal_user_id: number | null; banned: boolean }>(
    `SELECT id, role, cal_user_id, banned FROM ${STAFF_TABLES.user} WHERE email = $1`,
    [email],
  );
  let userId: string;
  let created = false;
  const current = existing.rows[0];
  if (current) {
    if (current.banned) throw new StaffInvitationError(`${email} is deactivated; reactivate the account first`);
    if (current.role !== invitation.role || (current.cal_user_id ?? undefined) !== invitation.calUserId)
      throw new StaffInvitationError(
        `${email} already has a staff account as ${current.role}; change its role in the staff area instead`,
      );
    userId = current.id;
  } else {
    const context = await deps.auth.$context;
    const user = await context.internalAdapter.createUser(
      {
        email,
        name: invitation.name?.trim() || email.split("@")[0]!,
        // The invitation link proves the address when it is used; Better Auth requires verified emails to
        // sign in by link without first revoking other sign-in methods, and there are none yet.
        emailVerified: true,
        role: invitation.role,
        calUserId: invitation.calUserId ?? null,
      },
      { method: "admin" },
    );
    userId = user.id;
    created = true;
  }
  const link = await deps.links.issueInvitation(deps.auth, email);
  return { userId, created, ...link };
}
