// The staff area for a test file: its own scratch database, a real local SMTP server (maildev), and the
// api's staff router on an ephemeral port, with the public origin http://localhost:<port> (what the web
// server's proxy would be). Bookings of two hosts are written as the pipeline writes them (sealed).
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import express from "express";
import pg from "pg";
import {
  createErrorHandler,
  createStaffArea,
  inviteStaff,
  notFound,
  type StaffArea,
  type StaffQuestionnaireDependencies,
  type StaffRole,
} from "@churchhub/api";
import { createSmtpMailer } from "@churchhub/mail";
import { createProtectorFromSettings, type PersonalDataProtector } from "@churchhub/field-encryption";
import { createLogger } from "@churchhub/logging";
import {
  createMailInbox,
  freePort,
  linkIn,
  startLocalMailServer,
  type MailInbox,
  type RunningMailServer,
} from "@churchhub/local-stack";
import { createScratchDatabase } from "./scratch-database.js";

export interface StaffHarness {
  origin: string;
  /** Where the api itself listens. */
  apiUrl: string;
  databaseUrl: string;
  smtpUrl: string;
  area: StaffArea;
  inbox: MailInbox;
  pool: pg.Pool;
  protector: PersonalDataProtector;
  /** Creates an account, mails its invitation, follows the mailed link and returns the session cookie. */
  signInNew(role: StaffRole, options?: { calUserId?: number }): Promise<StaffSession>;
  /** Follows a sign-in link as a browser would (no redirects followed); returns the session cookie or null. */
  followSignInLink(
    url: string,
    clientAddress?: string,
  ): Promise<{ status: number; cookie: string | null; location: string | null }>;
  seedBooking(input: { calUserId: number; attendeeName: string; attendeeEmail: string }): Promise<string>;
  stop(): Promise<void>;
}

export interface StaffSession {
  userId: string;
  email: string;
  cookie: string;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  post(path: string, headers?: Record<string, string>): Promise<Response>;
  csrfToken(): Promise<string>;
}

const SESSION_COOKIE = "churchhub-staff.session_token";

export async function startStaffHarness(
  options: {
    signInAttemptsPerMinute?: number;
    publicUrl?: string;
    /** Another test's database (e.g. a pipeline's) instead of a scratch database of its own. */
    databaseUrl?: string;
    /** Serve the questionnaire endpoints too, over these stores. */
    questionnaires?: StaffQuestionnaireDependencies;
  } = {},
): Promise<StaffHarness> {
  const database = options.databaseUrl
    ? { url: options.databaseUrl, drop: async () => undefined }
    : await createScratchDatabase("staff");
  const mail: RunningMailServer = await startLocalMailServer({
    smtpPort: await freePort(),
    webPort: await freePort(),
    quiet: true,
  });
  const port = await freePort();
  // The staff area's public origin: the api itself, or (e2e) the web server in front of it.
  const origin = options.publicUrl ?? `http://localhost:${port}`;
  const protector = createProtectorFromSettings({ NODE_ENV: "test" });
  const area = createStaffArea({
    databaseUrl: database.url,
    protector,
    secret: `test-staff-secret-${randomUUID()}`,
    publicUrl: origin,
    mailer: createSmtpMailer({ smtpUrl: mail.smtpUrl, from: "ChurchHub test <staff@localhost>" }),
    churchName: "Test Church",
    sessionHours: 12,
    signInLinkMinutes: 15,
    invitationHours: 72,
    signInAttemptsPerMinute: options.signInAttemptsPerMinute ?? 5,
    trustedProxies: ["127.0.0.1", "::1"],
    clock: () => new Date(),
    questionnaires: options.questionnaires,
  });
  const app = express();
  app.use(area.router);
  app.use((_request, _response, next) => next(notFound()));
  app.use(createErrorHandler(createLogger({ level: "silent", name: "staff-test" })));
  const server: Server = createServer(app);
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const pool = new pg.Pool({ connectionString: database.url, max: 3 });
  const inbox = createMailInbox(mail.inboxUrl);
  const base = `http://127.0.0.1:${port}`;

  // Each sign-in from its own address, as different people's browsers would be: the sign-in rate limit
  // (per address) is tested on purpose elsewhere, not tripped by setting up sessions.
  let nextAddress = 1;
  async function followSignInLink(url: string, clientAddress = `192.0.2.${nextAddress++}`) {
    const link = new URL(url);
    const response = await fetch(`${base}${link.pathname}${link.search}`, {
      redirect: "manual",
      headers: { "x-forwarded-for": clientAddress },
    });
    const cookie =
      response.headers
        .getSetCookie()
        .map((header) => header.split(";")[0]!)
        .find((pair) => pair.startsWith(`${SESSION_COOKIE}=`) && pair.length > SESSION_COOKIE.length + 1) ?? null;
    return { status: response.status, cookie, location: response.headers.get("location") };
  }

  function session(userId: string, email: string, cookie: string): StaffSession {
    const request = (method: string, path: string, headers: Record<string, string> = {}) =>
      fetch(`${base}${path}`, { method, headers: { cookie, "x-forwarded-for": "198.51.100.7", ...headers } });
    return {
      userId,
      email,
      cookie,
      get: (path, headers) => request("GET", path, headers),
      post: (path, headers) => request("POST", path, { "content-type": "application/json", ...headers }),
      async csrfToken() {
        const response = await request("GET", "/staff/session");
        return ((await response.json()) as { csrfToken: string }).csrfToken;
      },
    };
  }

  return {
    origin,
    apiUrl: base,
    databaseUrl: database.url,
    smtpUrl: mail.smtpUrl,
    area,
    inbox,
    pool,
    protector,
    followSignInLink,
    async signInNew(role, options = {}) {
      const email = `${role}-${randomUUID().slice(0, 8)}@staff.example.org`;
      const invited = await inviteStaff(
        { auth: area.auth, links: area.links, pool: area.pool },
        { email, role, calUserId: options.calUserId },
      );
      const received = await inbox.waitForLatest(email);
      const signedIn = await followSignInLink(linkIn(received, "/staff/auth/magic-link/verify"));
      if (!signedIn.cookie) throw new Error(`signing in ${email} gave no session (HTTP ${signedIn.status})`);
      return session(invited.userId, email, signedIn.cookie);
    },
    async seedBooking(input) {
      const users = await pool.query<{ id: string }>(
        `INSERT INTO users (cal_user_id, username, name) VALUES ($1, $2, $3)
         ON CONFLICT (cal_user_id) DO UPDATE SET updated_at = now() RETURNING id`,
        [input.calUserId, `host-${input.calUserId}`, protector.sealText(`Host ${input.calUserId}`, "users.name")],
      );
      const uid = `staff-test-${randomUUID()}`;
      const start = new Date(Date.now() + 86_400_000);
      const attendees = [
        {
          name: input.attendeeName,
          email: input.attendeeEmail,
          timeZone: "Europe/London",
          locale: "en",
          phoneNumber: null,
        },
      ];
      await pool.query(
        `INSERT INTO bookings (uid, user_id, title, start_time, end_time, status, status_history, event_type_slug,
           attendees, attendee_email_index, payload, last_event_at, last_event_rank, last_delivery_id)
         VALUES ($1, $2, $3, $4, $5, 'accepted', $6, 'pastoral-conversation', $7, $8, $9, now(), 1, $10)`,
        [
          uid,
          users.rows[0]!.id,
          protector.sealText(`Pastoral conversation with ${input.attendeeName}`, "bookings.title"),
          start,
          new Date(start.getTime() + 1_800_000),
          JSON.stringify([
            {
              status: "accepted",
              triggerEvent: "BOOKING_CREATED",
              occurredAt: new Date().toISOString(),
              deliveryId: uid,
            },
          ]),
          protector.sealJson(attendees, "bookings.attendees"),
          [protector.emailIndex(input.attendeeEmail)],
          protector.sealJson({ uid }, "bookings.payload"),
          `delivery-${uid}`,
        ],
      );
      return uid;
    },
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
      await area.close();
      await mail.stop();
      await database.drop();
    },
  };
}

export interface PipelineStaffArea {
  area: StaffArea;
  stop(): Promise<void>;
}

/** The staff area for startPipeline({ staff: true }): on the pipeline's database, with its own mail server. */
export async function startStaffAreaForPipeline(input: {
  databaseUrl: string;
  protector: PersonalDataProtector;
  clock: () => Date;
}): Promise<PipelineStaffArea> {
  const mail = await startLocalMailServer({ smtpPort: await freePort(), webPort: await freePort(), quiet: true });
  const area = createStaffArea({
    ...input,
    secret: `test-staff-secret-${randomUUID()}`,
    publicUrl: "http://localhost:3000",
    mailer: createSmtpMailer({ smtpUrl: mail.smtpUrl, from: "ChurchHub test <staff@localhost>" }),
    churchName: "Test Church",
    sessionHours: 12,
    signInLinkMinutes: 15,
    invitationHours: 72,
    signInAttemptsPerMinute: 5,
    trustedProxies: ["127.0.0.1", "::1"],
  });
  return {
    area,
    async stop() {
      await area.close();
      await mail.stop();
    },
  };
}
