// Delivers the sign-in links Better Auth makes: only to people who have a staff account that is not
// deactivated (anyone may ask for a link for any address; an unknown one gets the same answer and no
// mail), and an invitation only when the server itself asked for one — its longer lifetime is set here,
// on the stored row, because a browser could otherwise claim to be an invitation in the request body.
import { randomUUID } from "node:crypto";
import type { Pool } from "pg";
import type { Mailer } from "@churchhub/mail";
import { signInMail } from "../mail/sign-in-mail.js";
import { hashSignInToken, type SignInLink, type StaffAuth } from "./create-staff-auth.js";
import { STAFF_TABLES } from "./staff-auth-tables.js";

export interface SignInLinkDelivery {
  /** Given to createStaffAuth as deliverSignInLink. */
  deliver(link: SignInLink): Promise<void>;
  /** Stores and mails an invitation link for an existing staff account; returns the link. */
  issueInvitation(auth: StaffAuth, email: string): Promise<{ url: string; expiresAt: Date }>;
}

export class NoStaffAccountError extends Error {
  constructor() {
    super("there is no active staff account with that email address");
    this.name = "NoStaffAccountError";
  }
}

export function createSignInLinkDelivery(deps: {
  pool: Pool;
  mailer: Mailer;
  churchName: string;
  signInLinkMinutes: number;
  invitationHours: number;
  clock: () => Date;
}): SignInLinkDelivery {
  const pendingInvitations = new Map<string, { url?: string; expiresAt?: Date }>();

  return {
    async deliver(link) {
      const { rows } = await deps.pool.query<{ banned: boolean | null }>(
        `SELECT banned FROM ${STAFF_TABLES.user} WHERE email = $1`,
        [link.email.toLowerCase()],
      );
      const identifier = hashSignInToken(link.token);
      if (!rows[0] || rows[0].banned) {
        await deps.pool.query(`DELETE FROM ${STAFF_TABLES.verification} WHERE identifier = $1`, [identifier]);
        return;
      }
      const nonce = typeof link.metadata?.invitation === "string" ? link.metadata.invitation : undefined;
      const invitation = nonce ? pendingInvitations.get(nonce) : undefined;
      let validForMinutes = deps.signInLinkMinutes;
      if (invitation) {
        validForMinutes = deps.invitationHours * 60;
        const expiresAt = new Date(deps.clock().getTime() + validForMinutes * 60_000);
        await deps.pool.query(`UPDATE ${STAFF_TABLES.verification} SET expires_at = $2 WHERE identifier = $1`, [
          identifier,
          expiresAt,
        ]);
        invitation.url = link.url;
        invitation.expiresAt = expiresAt;
      }
      await deps.mailer.send(
        signInMail({
          to: link.email,
          url: link.url,
          purpose: invitation ? "invitation" : "sign-in",
          churchName: deps.churchName,
          validForMinutes,
        }),
      );
    },

    async issueInvitation(auth, email) {
      const nonce = randomUUID();
      const pending: { url?: string; expiresAt?: Date } = {};
      pendingInvitations.set(nonce, pending);
      try {
        await auth.api.signInMagicLink({
          body: { email, callbackURL: "/staff", errorCallbackURL: "/staff/sign-in", metadata: { invitation: nonce } },
          headers: new Headers(),
        });
      } finally {
        pendingInvitations.delete(nonce);
      }
      if (!pending.url || !pending.expiresAt) throw new NoStaffAccountError();
      return { url: pending.url, expiresAt: pending.expiresAt };
    },
  };
}
