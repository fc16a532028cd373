// The staff area's sign-in, configured once: Better Auth on our Postgres (a pg Pool), email magic links
// (no self-sign-up: only invited people have an account), passkeys registered after the first sign-in,
// and the admin plugin's roles (`admin`, `host`) and bans (deactivation). The api process runs it; the
// browser reaches it only through the web server's same-origin proxy (/staff/auth/*).
import { createHash } from "node:crypto";
import { passkey } from "@better-auth/passkey";
import { betterAuth } from "better-auth";
import { admin, magicLink } from "better-auth/plugins";
import { adminAc, defaultStatements } from "better-auth/plugins/admin/access";
import { createAccessControl } from "better-auth/plugins/access";
import type { Pool } from "pg";
import {
  STAFF_TABLES,
  staffAccountFields,
  staffPasskeyFields,
  staffRateLimitFields,
  staffSessionAdminFields,
  staffSessionFields,
  staffUserAdminFields,
  staffUserFields,
  staffVerificationFields,
} from "./staff-auth-tables.js";

/** The path under which the api serves Better Auth, and under which the web server proxies it. */
export const STAFF_AUTH_BASE_PATH = "/staff/auth";

export const STAFF_ROLES = ["admin", "host"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** A sign-in link Better Auth has just stored (as the hash of `token`), ready to be delivered. */
export interface SignInLink {
  email: string;
  url: string;
  token: string;
  /** As passed to signInMagicLink; from a browser it is whatever the browser sent. */
  metadata: Record<string, unknown> | undefined;
}

export interface StaffAuthDependencies {
  pool: Pool;
  /** Signs cookies and tokens (≥ 32 characters; the same on every api replica). */
  secret: string;
  /** Where people open the staff area (the web server's origin): links, cookies and the passkey RP id. */
  publicUrl: string;
  /** Delivers a sign-in link (mail) or drops it (unknown address); awaited, so a mail failure fails the request. */
  deliverSignInLink: (link: SignInLink) => Promise<void>;
  sessionHours: number;
  signInLinkMinutes: number;
  /** Sign-in attempts per minute per client address (magic-link requests, passkey sign-ins). */
  signInAttemptsPerMinute: number;
  /** Cookies get the Secure flag (everywhere but plain-http localhost). */
  secureCookies: boolean;
  /** The web server's address: its X-Forwarded-For is trusted for the client address, no one else's. */
  trustedProxies: string[];
  churchName: string;
}

/** Sign-in tokens are stored only as their SHA-256: a copy of the database holds no usable link. */
export function hashSignInToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

const accessControl = createAccessControl(defaultStatements);
// Admins hold Better Auth's admin permissions (used only server-side: its HTTP admin routes are off);
// hosts hold none there: what a host may see is decided by api/src/staff/staff-access.ts.
const roles = { admin: adminAc, host: accessControl.newRole({ user: [], session: [] }) };

// Better Auth's own admin HTTP routes stay closed: staff management goes through our /staff endpoints,
// authorized in one place. The server-side calls (auth.api.banUser …) are unaffected.
const closedAdminRoutes = [
  "/admin/set-role",
  "/admin/get-user",
  "/admin/create-user",
  "/admin/update-user",
  "/admin/list-users",
  "/admin/list-user-sessions",
  "/admin/unban-user",
  "/admin/ban-user",
  "/admin/impersonate-user",
  "/admin/stop-impersonating",
  "/admin/revoke-user-session",
  "/admin/revoke-user-sessions",
  "/admin/remove-user",
  "/admin/set-user-password",
  "/admin/has-permission",
  // Accounts are made by invitation only; people do not delete or re-address themselves.
  "/sign-up/email",
  "/delete-user",
  "/change-email",
  "/update-user",
];

export function createStaffAuth(deps: StaffAuthDependencies) {
  const publicOrigin = new URL(deps.publicUrl).origin;
  const signInLimit = { window: 60, max: deps.signInAttemptsPerMinute };
  return betterAuth({
    appName: `${deps.churchName} staff`,
    baseURL: publicOrigin,
    basePath: STAFF_AUTH_BASE_PATH,
    secret: deps.secret,
    database: deps.pool,
    trustedOrigins: [publicOrigin],
    telemetry: { enabled: false },
    disabledPaths: closedAdminRoutes,
    emailAndPassword: { enabled: false },
    user: {
      modelName: STAFF_TABLES.user,
      fields: staffUserFields,
      additionalFields: {
        // The Cal.com user whose bookings a host owns (our users.cal_user_id); null for administrators.
        calUserId: { type: "number", required: false, input: false, fieldName: "cal_user_id" },
      },
    },
    session: {
      modelName: STAFF_TABLES.session,
      fields: staffSessionFields,
      expiresIn: deps.sessionHours * 3600,
      // Extended while in use, at most once an hour.
      updateAge: 3600,
      // Every request reads the session from Postgres: ending a session (sign-out, deactivation) takes
      // effect on the next request, not when a cached copy in a cookie runs out.
      cookieCache: { enabled: false },
    },
    account: { modelName: STAFF_TABLES.account, fields: staffAccountFields },
    // Sessions are deleted at sign-out, so the last sign-in is kept on the person (the staff screen shows it).
    databaseHooks: {
      session: {
        create: {
          after: async (session) => {
            await deps.pool.query(`UPDATE ${STAFF_TABLES.user} SET last_sign_in_at = $2 WHERE id = $1`, [
              session.userId,
              session.createdAt,
            ]);
          },
        },
      },
    },
    verification: { modelName: STAFF_TABLES.verification, fields: staffVerificationFields },
    rateLimit: {
      enabled: true,
      // In Postgres, so every api replica counts the same attempts.
      storage: "database",
      modelName: STAFF_TABLES.rateLimit,
      fields: staffRateLimitFields,
      window: 60,
      max: 300,
      customRules: {
        "/sign-in/magic-link": signInLimit,
        "/magic-link/verify": signInLimit,
        "/passkey/generate-authenticate-options": signInLimit,
        "/passkey/verify-authentication": signInLimit,
      },
    },
    advanced: {
      cookiePrefix: "churchhub-staff",
      useSecureCookies: deps.secureCookies,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", path: "/" },
      ipAddress: { ipAddressHeaders: ["x-forwarded-for"], trustedProxies: deps.trustedProxies },
    },
    plugins: [
      magicLink({
        disableSignUp: true,
        expiresIn: deps.signInLinkMinutes * 60,
        storeToken: { type: "custom-hasher", hash: async (token) => hashSignInToken(token) },
        rateLimit: signInLimit,
        sendMagicLink: async ({ email, url, token, metadata }) => {
          await deps.deliverSignInLink({ email, url, token, metadata });
        },
      }),
      passkey({
        // WebAuthn binds a passkey to a domain (an IP address is refused): the staff area's host name.
        rpID: new URL(publicOrigin).hostname,
        rpName: `${deps.churchName} staff`,
        origin: publicOrigin,
        schema: { passkey: { modelName: STAFF_TABLES.passkey, fields: staffPasskeyFields } },
      }),
      admin({
        ac: accessControl,
        roles,
        defaultRole: "host",
        adminRoles: ["admin"],
        bannedUserMessage: "This account has been deactivated.",
        schema: { user: { fields: staffUserAdminFields }, session: { fields: staffSessionAdminFields } },
      }),
    ],
  });
}

export type StaffAuth = ReturnType<typeof createStaffAuth>;
