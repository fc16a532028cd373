// Staff members signed in to the pipeline's own staff area (startPipeline({ staff: true })): invited as
// `npm run staff:invite` does, their mailed sign-in link followed as a browser would, and a client that
// sends the session cookie (and, on changes, the session's CSRF token) to the pipeline's api.
import { randomUUID } from "node:crypto";
import { inviteStaff, type StaffArea, type StaffRole } from "@churchhub/api";
import { createMailInbox, linkIn } from "@churchhub/local-stack";

const SESSION_COOKIE = "churchhub-staff.session_token";

export interface PipelineStaffClient {
  userId: string;
  /** Sends the session cookie; changes carry the CSRF token and a JSON body. */
  call(method: string, path: string, body?: unknown): Promise<Response>;
}

export interface PipelineStaff {
  signInNew(role: StaffRole, options?: { calUserId?: number }): Promise<PipelineStaffClient>;
  /** Invites someone and returns the sign-in link mailed to them, for a browser to open. */
  signInLink(role: StaffRole, options?: { calUserId?: number; name?: string }): Promise<string>;
}

export function createPipelineStaff(input: { area: StaffArea; inboxUrl: string; baseUrl: string }): PipelineStaff {
  const inbox = createMailInbox(input.inboxUrl);
  let nextAddress = 1;
  async function invite(role: StaffRole, options: { calUserId?: number; name?: string }) {
    const email = `${role}-${randomUUID().slice(0, 8)}@staff.example.org`;
    const invited = await inviteStaff(
      { auth: input.area.auth, links: input.area.links, pool: input.area.pool },
      { email, role, calUserId: options.calUserId, ...(options.name ? { name: options.name } : {}) },
    );
    const link = linkIn(await inbox.waitForLatest(email), "/staff/auth/magic-link/verify");
    return { email, userId: invited.userId, link };
  }

  return {
    async signInLink(role, options = {}) {
      return (await invite(role, options)).link;
    },
    async signInNew(role, options = {}) {
      const { email, userId, link: mailed } = await invite(role, options);
      const link = new URL(mailed);
      // Each person from an address of their own: the sign-in rate limit counts per address.
      const address = `192.0.2.${nextAddress++}`;
      const followed = await fetch(`${input.baseUrl}${link.pathname}${link.search}`, {
        redirect: "manual",
        headers: { "x-forwarded-for": address },
      });
      const cookie = followed.headers
        .getSetCookie()
        .map((header) => header.split(";")[0]!)
        .find((pair) => pair.startsWith(`${SESSION_COOKIE}=`) && pair.length > SESSION_COOKIE.length + 1);
      if (!cookie) throw new Error(`signing in ${email} gave no session (HTTP ${followed.status})`);
      let csrfToken: string | undefined;
      const send = (method: string, path: string, headers: Record<string, string>, body?: unknown) =>
        fetch(`${input.baseUrl}${path}`, {
          method,
          headers: { cookie, ...headers },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
      return {
        userId,
        async call(method, path, body) {
          if (method === "GET") return send(method, path, {});
          csrfToken ??= ((await (await send("GET", "/staff/session", {})).json()) as { csrfToken: string }).csrfToken;
          return send(
            method,
            path,
            { "x-csrf-token": csrfToken, ...(body === undefined ? {} : { "content-type": "application/json" }) },
            body,
          );
        },
      };
    },
  };
}
