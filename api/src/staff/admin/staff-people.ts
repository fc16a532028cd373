// The people of the staff area as administrators manage them: who they are, their role, whether they can
// sign in, whether they have a passkey and when they last signed in; inviting (the same invitation as
// `npm run staff:invite`), changing a role, deactivating and reactivating. An administrator cannot
// deactivate or demote themselves, so the area can never be left without the person who just acted.
import type { IncomingHttpHeaders } from "node:http";
import { APIError } from "better-auth/api";
import { fromNodeHeaders } from "better-auth/node";
import type { Pool } from "pg";
import type { StaffAuth, StaffRole } from "../auth/create-staff-auth.js";
import type { SignInLinkDelivery } from "../auth/sign-in-links.js";
import { STAFF_TABLES } from "../auth/staff-auth-tables.js";
import { inviteStaff, StaffInvitationError } from "../invite/invite-staff.js";
import type { StaffPrincipal } from "../staff-principal.js";

export interface StaffPersonView {
  id: string;
  name: string;
  email: string;
  role: StaffRole;
  /** For a host: the Cal.com user whose bookings they own. */
  calUserId: number | null;
  active: boolean;
  hasPasskey: boolean;
  lastSignInAt: string | null;
  createdAt: string;
}

/** Why a change to a staff member was refused; `message` is written for the administrator. */
export class StaffChangeRefusedError extends Error {
  constructor(
    readonly reason: "not_found" | "yourself" | "invalid",
    message: string,
  ) {
    super(message);
    this.name = "StaffChangeRefusedError";
  }
}

export interface StaffPeopleDependencies {
  pool: Pool;
  auth: StaffAuth;
  links: SignInLinkDelivery;
  /** Whether a Cal.com user id is one of the hosts we know (a host account must be linked to one). */
  isKnownHost: (calUserId: number) => Promise<boolean>;
}

export function createStaffPeople(deps: StaffPeopleDependencies) {
  const { pool } = deps;

  async function requireHost(role: StaffRole, calUserId: number | null): Promise<void> {
    if (role === "admin" && calUserId !== null)
      throw new StaffChangeRefusedError("invalid", "An administrator sees every host's bookings: link no host");
    if (role === "host" && calUserId === null)
      throw new StaffChangeRefusedError("invalid", "A host must be linked to the Cal.com user whose bookings they own");
    if (calUserId !== null && !(await deps.isKnownHost(calUserId)))
      throw new StaffChangeRefusedError("invalid", `No Cal.com user ${calUserId} is known here`);
  }

  function refuseSelf(actor: StaffPrincipal, id: string, what: string): void {
    if (actor.userId === id)
      throw new StaffChangeRefusedError("yourself", `You cannot ${what} yourself; ask another administrator`);
  }

  // Better Auth's admin plugin (ban, unban) decides with the acting administrator's own session.
  async function asAdmin(call: () => Promise<unknown>): Promise<void> {
    try {
      await call();
    } catch (error) {
      if (error instanceof APIError && error.statusCode === 404)
        throw new StaffChangeRefusedError("not_found", "No staff member with that id");
      if (error instanceof APIError && error.statusCode < 500)
        throw new StaffChangeRefusedError("invalid", error.message);
      throw error;
    }
  }

  return {
    /** Everyone, administrators first, then by name. */
    async list(): Promise<StaffPersonView[]> {
      const { rows } = await pool.query(
        `SELECT u.id, u.name, u.email, u.role, u.cal_user_id, u.banned, u.last_sign_in_at, u.created_at,
                EXISTS (SELECT 1 FROM ${STAFF_TABLES.passkey} p WHERE p.user_id = u.id) AS has_passkey
           FROM ${STAFF_TABLES.user} u ORDER BY u.role = 'admin' DESC, lower(u.name), u.email`,
      );
      return rows.map((row) => ({
        id: row.id,
        name: row.name,
        email: row.email,
        role: row.role,
        calUserId: row.cal_user_id,
        active: !row.banned,
        hasPasskey: row.has_passkey,
        lastSignInAt: row.last_sign_in_at?.toISOString() ?? null,
        createdAt: row.created_at.toISOString(),
      }));
    },

    /** Creates the account unless it exists, and mails a one-time invitation link (never returned here). */
    async invite(input: {
      email: string;
      role: StaffRole;
      calUserId: number | null;
      name: string | null;
    }): Promise<{ id: string; created: boolean; expiresAt: Date }> {
      await requireHost(input.role, input.calUserId);
      try {
        const invited = await inviteStaff(
          { auth: deps.auth, links: deps.links, pool },
          {
            email: input.email,
            role: input.role,
            calUserId: input.calUserId ?? undefined,
            name: input.name ?? undefined,
          },
        );
        return { id: invited.userId, created: invited.created, expiresAt: invited.expiresAt };
      } catch (error) {
        if (error instanceof StaffInvitationError) throw new StaffChangeRefusedError("invalid", error.message);
        throw error;
      }
    },

    /** Takes effect on the person's next request (the principal is read fresh each time). */
    async changeRole(
      actor: StaffPrincipal,
      id: string,
      change: { role: StaffRole; calUserId: number | null },
    ): Promise<void> {
      if (change.role !== "admin") refuseSelf(actor, id, "demote");
      await requireHost(change.role, change.calUserId);
      const context = await deps.auth.$context;
      if (!(await context.internalAdapter.findUserById(id)))
        throw new StaffChangeRefusedError("not_found", "No staff member with that id");
      // One update for both, so the row never holds a host without a Cal.com user.
      await context.internalAdapter.updateUser(id, { role: change.role, calUserId: change.calUserId });
    },

    /** Marks the account deactivated and deletes every session it has: an open session stops at once. */
    async deactivate(actor: StaffPrincipal, id: string, headers: IncomingHttpHeaders): Promise<void> {
      refuseSelf(actor, id, "deactivate");
      await asAdmin(() =>
        deps.auth.api.banUser({ body: { userId: id, banReason: "deactivated" }, headers: fromNodeHeaders(headers) }),
      );
    },

    /** Lets the person sign in again (with a new link or their passkey); their old sessions stay ended. */
    async reactivate(id: string, headers: IncomingHttpHeaders): Promise<void> {
      await asAdmin(() => deps.auth.api.unbanUser({ body: { userId: id }, headers: fromNodeHeaders(headers) }));
    },
  };
}

export type StaffPeople = ReturnType<typeof createStaffPeople>;
