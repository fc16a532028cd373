// Signed-in staff members for a test: an account invited as `npm run staff:invite` does, its mailed link
// followed as a browser would, and the session cookie kept for requests to the api's /staff endpoints.
// Used by the staff harness and by the pipeline's staff area alike.
import { randomUUID } from "node:crypto";
import { inviteStaff, type StaffArea, type StaffRole } from "@churchhub/api";
import { linkIn, type MailInbox } from "@churchhub/local-stack";

export interface StaffSession {
  userId: string;
  email: string;
  cookie: string;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  post(path: string, headers?: Record<string, string>): Promise<Response>;
  /** A change as our pages make it: this session's CSRF token, our Origin, and a JSON body when given. */
  change(method: "POST" | "PUT" | "PATCH" | "DELETE", path: string, body?: unknown): Promise<Response>;
  csrfToken(): Promise<string>;
}

export interface StaffSessions {
  /** Creates an account, mails its invitation, follows the mailed link and returns the session. */
  signInNew(role: StaffRole, options?: { calUserId?: number }): Promise<StaffSession>;
  /** Creates an account and returns the sign-in link mailed to it, for a browser to open. */
  signInLink(role: StaffRole, options?: { calUserId?: number; name?: string }): Promise<string>;
  /** Follows a sign-in link as a browser would (no redirects followed); returns the session cookie or null. */
  followSignInLink(
    url: string,
    clientAddress?: string,
  ): Promise<{ status: number; cookie: string | null; location: string | null }>;
}

export const STAFF_SESSION_COOKIE = "churchhub-staff.session_token";

export function createStaffSessions(deps: {
  /** Where the api listens (the link's path and query are sent there). */
  apiUrl: string;
  /** The staff area's public origin (the Origin our pages send). */
  origin: string;
  /** Any staff area on the same database: it only issues the invitations. */
  area: Pick<StaffArea, "auth" | "links" | "pool">;
  inbox: MailInbox;
}): StaffSessions {
  // Each sign-in from its own address, as different people's browsers would be: the sign-in rate limit
  // (per address) is tested on purpose elsewhere, not tripped by setting up sessions.
  let nextAddress = 1;
  async function followSignInLink(url: string, clientAddress = `192.0.2.${nextAddress++}`) {
    const link = new URL(url);
    const response = await fetch(`${deps.apiUrl}${link.pathname}${link.search}`, {
      redirect: "manual",
      headers: { "x-forwarded-for": clientAddress },
    });
    const cookie =
      response.headers
        .getSetCookie()
        .map((header) => header.split(";")[0]!)
        .find((pair) => pair.startsWith(`${STAFF_SESSION_COOKIE}=`) && pair.length > STAFF_SESSION_COOKIE.length + 1) ??
      null;
    return { status: response.status, cookie, location: response.headers.get("location") };
  }

  function session(userId: string, email: string, cookie: string): StaffSession {
    const request = (method: string, path: string, headers: Record<string, string> = {}, body?: string) =>
      fetch(`${deps.apiUrl}${path}`, {
        method,
        headers: { cookie, "x-forwarded-for": "198.51.100.7", ...headers },
        body,
      });
    async function csrfToken() {
      const response = await request("GET", "/staff/session");
      return ((await response.json()) as { csrfToken: string }).csrfToken;
    }
    return {
      userId,
      email,
      cookie,
      get: (path, headers) => request("GET", path, headers),
      post: (path, headers) => request("POST", path, { "content-type": "application/json", ...headers }),
      async change(method, path, body) {
        const headers: Record<string, string> = { "x-csrf-token": await csrfToken(), origin: deps.origin };
        if (body !== undefined) headers["content-type"] = "application/json";
        return request(method, path, headers, body === undefined ? undefined : JSON.stringify(body));
      },
      csrfToken,
    };
  }

  async function invite(role: StaffRole, options: { calUserId?: number; name?: string }) {
    const email = `${role}-${randomUUID().slice(0, 8)}@staff.example.org`;
    const invited = await inviteStaff(
      { auth: deps.area.auth, links: deps.area.links, pool: deps.area.pool },
      { email, role, calUserId: options.calUserId, ...(options.name ? { name: options.name } : {}) },
    );
    const link = linkIn(await deps.inbox.waitForLatest(email), "/staff/auth/magic-link/verify");
    return { email, userId: invited.userId, link };
  }

  return {
    followSignInLink,
    async signInLink(role, options = {}) {
      return (await invite(role, options)).link;
    },
    async signInNew(role, options = {}) {
      const { email, userId, link } = await invite(role, options);
      const signedIn = await followSignInLink(link);
      if (!signedIn.cookie) throw new Error(`signing in ${email} gave no session (HTTP ${signedIn.status})`);
      return session(userId, email, signedIn.cookie);
    },
  };
}
