// Assembles the staff area from its settings once: one pg Pool for Better Auth and the staff queries,
// the mailer, Better Auth, the sign-in link delivery, the access log and (for the api process, with the
// system parts the administrators' screens manage) the router. The api process, the invite command and
// the local stack's seeding all build it here, so they agree on every detail.
import type { Client } from "@temporalio/client";
import type { Router } from "express";
import pg from "pg";
import type { CalClient } from "@churchhub/cal-client";
import { createNoteKeystore, createSecureNoteStore, type ApiKeyStore, type NoteKeystore } from "@churchhub/database";
import type { PersonalDataProtector } from "@churchhub/field-encryption";
import { noteKeystoreUrlFor, type Settings } from "@churchhub/settings";
import { createHostPublicNames, type HostPublicNames } from "../hosts/public-names/host-public-names.js";
import { createStaffAccessLog, type StaffAccessLog } from "./access-log/staff-access-log.js";
import { createStaffAuth, type StaffAuth } from "./auth/create-staff-auth.js";
import { createSignInLinkDelivery, type SignInLinkDelivery } from "./auth/sign-in-links.js";
import { STAFF_TABLES } from "./auth/staff-auth-tables.js";
import { createSmtpMailer, smtpUrlFor, type Mailer } from "@churchhub/mail";
import { createStaffErasureRouter } from "./erasure/staff-erasure.router.js";
import type { RequestErasure } from "./erasure/request-erasure.js";
import { createStaffNotesRouter } from "./notes/staff-notes.router.js";
import { createStaffBookings } from "./staff-bookings.js";
import { createCsrfTokens } from "./staff-csrf.js";
import { createPrincipalResolver } from "./staff-principal.js";
import { createStaffRouter } from "./staff.router.js";
import { createHostsOverview } from "./admin/hosts-overview.js";
import { createReconciliationOverview } from "./admin/reconciliation-overview.js";
import { createStaffAdminRouter, type StaffAdminDependencies } from "./admin/staff-admin.router.js";
import { createStaffPeople } from "./admin/staff-people.js";
import { clientAddress } from "./client-address.js";
import {
  createStaffQuestionnairesRouter,
  type StaffQuestionnaireDependencies,
} from "../questionnaires/staff-questionnaires.router.js";
import { createSensitiveSettingsService } from "./sensitive/sensitive-settings-service.js";
import { createSensitiveRouter } from "./sensitive/sensitive.router.js";
import { createStaffPublicNameRouter } from "./staff-public-name.router.js";

export interface StaffArea {
  auth: StaffAuth;
  links: SignInLinkDelivery;
  accessLog: StaffAccessLog;
  /** Hosts' short public names, chosen here and read by the api's host lookups. */
  publicNames: HostPublicNames;
  pool: pg.Pool;
  /** The /staff endpoints, the administrators' ones managing these parts of the system. */
  createRouter(system: StaffAdminSystem): Router;
  noteKeystore: NoteKeystore;
  close(): Promise<void>;
}

/** What the administrators' screens manage beyond the staff area itself. */
export interface StaffAdminSystem {
  apiKeys: Pick<ApiKeyStore, "list" | "create" | "revoke">;
  /** The api's Temporal client: the reconciliation schedules are described and triggered through it. */
  temporal: { client: Client; namespace: string };
  /** Lists the Platform client's managed users; absent without a Platform client. */
  managedUsers?: Pick<CalClient, "listManagedUsers">;
  createConnectLink: StaffAdminDependencies["createConnectLink"];
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
  /** Questionnaire storage, when the process serves questionnaires (the api does). */
  questionnaires?: StaffQuestionnaireDependencies;
  /** Temporal, for sensitive mode's work at Cal.com; without it those endpoints answer 503. */
  workflows?: { client: Client; taskQueue: string };
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
  const protector = options.protector;
  const publicNames = createHostPublicNames(pool);
  const bookings = createStaffBookings({ pool, protector });
  const noteKeystore = createNoteKeystore({
    url: options.noteKeystoreUrl,
    protector,
    notesDatabaseUrl: options.databaseUrl,
    createDatabase: options.createNoteKeystoreDatabase,
  });
  const notes = createSecureNoteStore({ pool, keystore: noteKeystore, clock: options.clock });
  function createRouter(system: StaffAdminSystem): Router {
    const hosts = createHostsOverview({ pool, protector, calClient: system.managedUsers });
    return createStaffRouter({
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
        createStaffAdminRouter({
          people: createStaffPeople({ pool, auth, links, isKnownHost: (calUserId) => hosts.isKnown(calUserId) }),
          hosts,
          createConnectLink: system.createConnectLink,
          apiKeys: system.apiKeys,
          reconciliation: createReconciliationOverview({ ...system.temporal, pool }),
          accessLog,
        }),
        ...(options.questionnaires
          ? [
              createStaffQuestionnairesRouter({
                ...options.questionnaires,
                accessLog,
                clientAddressOf: (request) => clientAddress(request, options.trustedProxies),
              }),
            ]
          : []),
        createSensitiveRouter(
          createSensitiveSettingsService({ pool, ...(options.workflows ? { temporal: options.workflows } : {}) }),
        ),
        createStaffPublicNameRouter({ publicNames, isKnownHost: (calUserId) => hosts.isKnown(calUserId) }),
        createStaffNotesRouter({ notes, bookings, accessLog, trustedProxies: options.trustedProxies }),
        createStaffErasureRouter({ bookings, requestErasure: options.requestErasure }),
      ],
    });
  }
  return {
    auth,
    links,
    accessLog,
    publicNames,
    pool,
    createRouter,
    noteKeystore,
    async close() {
      options.mailer.close();
      await Promise.all([pool.end(), noteKeystore.close()]);
    },
  };
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
    questionnaires?: StaffQuestionnaireDependencies;
    workflows?: { client: Client; taskQueue: string };
    requestErasure?: RequestErasure;
  },
): StaffArea | null {
  const secret = deps.secret ?? settings.STAFF_AUTH_SECRET;
  if (!secret) return null;
  return createStaffArea({
    ...deps,
    secret,
    publicUrl: settings.STAFF_PUBLIC_URL,
    mailer: createSmtpMailer({ smtpUrl: smtpUrlFor(settings), from: settings.MAIL_FROM }),
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
