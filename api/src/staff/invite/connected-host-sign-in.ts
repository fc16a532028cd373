// When a host connects their own Cal.com account, the staff area opens for them: their host account
// (linked to that Cal.com user) is found or created, and a one-time sign-in link is mailed to the
// address of that Cal.com account (/v2/me, kept sealed in users.email).
//
// By mail, not on the callback page: a staff sign-in is always proved by the mailbox (invitations and
// later links alike), and the callback page is often opened on a shared church-office computer with an
// operator's help; a link shown there would sign that browser in as the host.
import type { Pool } from "pg";
import type { PersonalDataProtector } from "@churchhub/field-encryption";
import type { StaffAuth } from "../auth/create-staff-auth.js";
import type { SignInLinkDelivery } from "../auth/sign-in-links.js";
import { STAFF_TABLES } from "../auth/staff-auth-tables.js";
import { inviteStaff } from "./invite-staff.js";

/** What the callback page tells the host. */
export type ConnectedHostSignIn =
  | { kind: "mailed"; created: boolean }
  /** Cal.com gave no email address, or the staff account there is deactivated: nothing was sent. */
  | { kind: "not_offered" };

export interface ConnectedHostSignInDependencies {
  auth: StaffAuth;
  links: SignInLinkDelivery;
  pool: Pool;
  protector: PersonalDataProtector;
}

export async function offerConnectedHostSignIn(
  deps: ConnectedHostSignInDependencies,
  connected: { calUserId: number; userId: string },
): Promise<ConnectedHostSignIn> {
  // The account already linked to this Cal.com user keeps its own address (it may be a church one).
  const linked = await deps.pool.query<{ email: string; banned: boolean | null }>(
    `SELECT email, banned FROM ${STAFF_TABLES.user} WHERE role = 'host' AND cal_user_id = $1
     ORDER BY created_at LIMIT 1`,
    [connected.calUserId],
  );
  if (linked.rows[0]) {
    if (linked.rows[0].banned) return { kind: "not_offered" };
    await deps.links.issueInvitation(deps.auth, linked.rows[0].email);
    return { kind: "mailed", created: false };
  }

  const { rows } = await deps.pool.query<{ email: string | null; name: string | null }>(
    "SELECT email, name FROM users WHERE id = $1",
    [connected.userId],
  );
  const email = deps.protector.openText(rows[0]?.email ?? null, "users.email");
  if (!email) return { kind: "not_offered" };
  const existing = await deps.pool.query<{ banned: boolean | null }>(
    `SELECT banned FROM ${STAFF_TABLES.user} WHERE email = $1`,
    [email.trim().toLowerCase()],
  );
  // Someone on the staff already (an administrator who connected their own calendar, say): a sign-in
  // link to that account, whose role and links stay as they are.
  if (existing.rows[0]) {
    if (existing.rows[0].banned) return { kind: "not_offered" };
    await deps.links.issueInvitation(deps.auth, email.trim().toLowerCase());
    return { kind: "mailed", created: false };
  }
  const invited = await inviteStaff(deps, {
    email,
    role: "host",
    calUserId: connected.calUserId,
    name: deps.protector.openText(rows[0]?.name ?? null, "users.name") ?? undefined,
  });
  return { kind: "mailed", created: invited.created };
}
