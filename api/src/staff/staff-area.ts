// Assembles the staff area from its settings once: one pg Pool for Better Auth and the staff queries,
// the mailer, Better Auth, the sign-in link delivery, the access log and the router. The api process,
// the invite command and the local stack's seeding all build it here, so they agree on every detail.
import pg from "pg";
import { createNoteKeystore, createSecureNoteStore, type NoteKeystore } from "@churchhub/database";
import type { PersonalDataProtector } from "@churchhub/field-encryption";
import { noteKeystoreUrlFor, type Settings } from "@churchhub/settings";
import { createStaffAccessLog, type StaffAccessLog } from "./access-log/staff-access-log.js";
import { createStaffAuth, type StaffAuth } from "./auth/create-staff-auth.js";
import { createSignInLinkDelivery, type SignInLinkDelivery } from "./auth/sign-in-links.js";
import { STAFF_TABLES } from "./auth/staff-auth-tables.js";
import { createSmtpMailer, type Mailer } from "./mail/smtp-mailer.js";
import { createStaffErasureRouter } from "./erasure/staff-erasure.router.js";
import type { RequestErasure } from "./erasure/request-erasure.js";
import { createStaffNotesRouter } from "./notes/staff-notes.router.js";
import { createStaffBookings } from "./staff-bookings.js";
import { createCsrfTokens } from "./staff-csrf.js";
import { createPrincipalResolver } from "./staff-principal.js";
import { createStaffRouter } from "./staff.router.js";

export interface StaffArea {
  auth: StaffAuth;
  links: SignInLinkDelivery;
  accessLog: StaffAccessLog;
  pool: pg.Pool;
  noteKeystore: NoteKeystore;
  router: ReturnType<typeof createStaffRouter>;
  close(): Promise<void>;
}

export interface StaffAreaOptions {
  databaseUrl: string;
  protector: PersonalDataProtector;
  secret: string;
  publicUrl: string;
  mailer: Mailer;
  churchName: string;
  sessionHours: number;
  signInLinkMinutes: number;
  invitationHours: number;
  signInAttemptsPerMinute: number;
  trustedProxies: readonly string[];
  clock: () => Date;
  poolSize?: number;
  /** The secure notes' key store: another database than `databaseUrl` (NOTE_KEYSTORE_URL). */
  noteKeystoreUrl: string;
  /** Create the key store's database when missing (development and tests only). */
  createNoteKeystoreDatabase: boolean;
  /** An administrator's request to forget a booking's person (through Temporal; absent without it). */
  requestErasure?: RequestErasure;
}

export class StaffAreaConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StaffAreaConfigurationError";
  }
}

export function createStaffArea(options: StaffAreaOptions): StaffArea {
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: options.poolSize ?? 5,
    application_name: "churchhub-staff",
    connectionTimeoutMillis: 5_000,
  });
  const publicOrigin = new URL(options.publicUrl).origin;
  const links = createSignInLinkDelivery({
    pool,
    mailer: options.mailer,
    churchName: options.churchName,
    signInLinkMinutes: options.signInLinkMinutes,
    invitationHours: options.invitationHours,
    clock: options.clock,
  });
  const auth = createStaffAuth({
    pool,
    secret: options.secret,
    publicUrl: options.publicUrl,
    deliverSignInLink: (link) => links.deliver(link),
    sessionHours: options.sessionHours,
    signInLinkMinutes: options.signInLinkMinutes,
    signInAttemptsPerMinute: options.signInAttemptsPerMinute,
    // Secure everywhere but plain-http development (a browser drops Secure cookies over http).
    secureCookies: new URL(options.publicUrl).protocol === "https:",
    trustedProxies: [...options.trustedProxies],
    churchName: options.churchName,
  });
  const accessLog = createStaffAccessLog({ pool, protector: options.protector, clock: options.clock });
  const bookings = createStaffBookings({ pool, protector: options.protector });
  const noteKeystore = createNoteKeystore({
    url: options.noteKeystoreUrl,
    protector: options.protector,
    notesDatabaseUrl: options.databaseUrl,
    createDatabase: options.createNoteKeystoreDatabase,
  });
  const notes = createSecureNoteStore({ pool, keystore: noteKeystore, clock: options.clock });
  const router = createStaffRouter({
    auth,
    resolvePrincipal: createPrincipalResolver(auth),
    bookings,
    accessLog,
    csrf: createCsrfTokens(options.secret),
    hasPasskey: async (userId) =>
      (await pool.query(`SELECT 1 FROM ${STAFF_TABLES.passkey} WHERE user_id = $1 LIMIT 1`, [userId])).rowCount === 1,
    publicOrigin,
    trustedProxies: options.trustedProxies,
    routes: [
      createStaffNotesRouter({ notes, bookings, accessLog, trustedProxies: options.trustedProxies }),
      createStaffErasureRouter({ bookings, requestErasure: options.requestErasure }),
    ],
  });
  return {
    auth,
    links,
    accessLog,
    pool,
    noteKeystore,
    router,
    async close() {
      options.mailer.close();
      await Promise.all([pool.end(), noteKeystore.close()]);
    },
  };
}

/** Where staff mail goes: SMTP_URL, or outside production the local mail server of `npm run dev`. */
export function staffSmtpUrlFor(settings: Settings): string {
  if (settings.SMTP_URL) return settings.SMTP_URL;
  if (settings.NODE_ENV === "production")
    throw new StaffAreaConfigurationError("SMTP_URL: required in production (staff sign-in links go out by mail)");
  return `smtp://127.0.0.1:${settings.DEV_MAIL_SMTP_PORT}`;
}

/**
 * The staff area as configured by the environment, or null when it has no secret (STAFF_AUTH_SECRET, or
 * `secret` given by a caller that only issues links and never reads a cookie).
 */
export function createStaffAreaFromSettings(
  settings: Settings,
  deps: {
    databaseUrl: string;
    protector: PersonalDataProtector;
    clock: () => Date;
    poolSize?: number;
    secret?: string;
    requestErasure?: RequestErasure;
  },
): StaffArea | null {
  const secret = deps.secret ?? settings.STAFF_AUTH_SECRET;
  if (!secret) return null;
  return createStaffArea({
    ...deps,
    secret,
    publicUrl: settings.STAFF_PUBLIC_URL,
    mailer: createSmtpMailer({ smtpUrl: staffSmtpUrlFor(settings), from: settings.MAIL_FROM }),
    churchName: settings.CHURCH_NAME,
    sessionHours: settings.STAFF_SESSION_HOURS,
    signInLinkMinutes: settings.STAFF_SIGN_IN_LINK_MINUTES,
    invitationHours: settings.STAFF_INVITATION_HOURS,
    signInAttemptsPerMinute: settings.RATE_LIMIT_SIGN_IN_PER_MINUTE,
    trustedProxies: settings.STAFF_TRUSTED_PROXIES,
    noteKeystoreUrl: noteKeystoreUrlFor(settings, deps.databaseUrl),
    createNoteKeystoreDatabase: settings.NODE_ENV !== "production",
  });
}
