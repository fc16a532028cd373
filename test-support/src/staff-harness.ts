// The staff area for a test file: its own scratch database, a real local SMTP server (maildev), and the
// api's staff router on an ephemeral port, with the public origin http://localhost:<port> (what the web
// server's proxy would be). Bookings of two hosts are written as the pipeline writes them (sealed). The
// administrators' screens manage the scratch database's API keys and the test Temporal's schedules.
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import { Client, Connection } from "@temporalio/client";
import express from "express";
import pg from "pg";
import { inject } from "vitest";
import {
  createErrorHandler,
  createHostEventTypes,
  createResponseContract,
  createStaffArea,
  notFound,
  type StaffArea,
  type StaffQuestionnaireDependencies,
  type StaffRole,
} from "@churchhub/api";
import {
  createApiKeyStore,
  createDataSource,
  createQuestionnaireDefinitions,
  createQuestionnaireResponses,
} from "@churchhub/database";
import { createSmtpMailer } from "@churchhub/mail";
import { createProtectorFromSettings, type PersonalDataProtector } from "@churchhub/field-encryption";
import { createLogger } from "@churchhub/logging";
import {
  createMailInbox,
  freePort,
  startLocalMailServer,
  type MailInbox,
  type RunningMailServer,
} from "@churchhub/local-stack";
import { recordAnswer } from "./answer-recorder.js";
import { createScratchDatabase } from "./scratch-database.js";
import { createStaffSessions, type StaffSession } from "./staff-sessions.js";

export type { StaffSession } from "./staff-sessions.js";

export interface StaffHarness {
  origin: string;
  /** Where the api itself listens. */
  apiUrl: string;
  databaseUrl: string;
  smtpUrl: string;
  area: StaffArea;
  /** The secure notes' key store (a database of its own beside `databaseUrl`). */
  noteKeystoreUrl: string;
  inbox: MailInbox;
  /** Answers that broke the api's OpenAPI document (a test file asserts none, as the pipeline's stop does). */
  contractViolations: string[];
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

export async function startStaffHarness(
  options: {
    signInAttemptsPerMinute?: number;
    publicUrl?: string;
    /** Another test's database (e.g. a pipeline's) instead of a scratch database of its own. */
    databaseUrl?: string;
    /**
     * The questionnaire endpoints' stores (another test's, e.g. with its Cal.com); by default this
     * database's, with no host event types to attach to (there is no Cal.com here).
     */
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
  const noteKeystoreUrl = `${database.url}_note_keys`;
  const dataSource = createDataSource({ url: database.url, poolSize: 2 });
  await dataSource.initialize();
  // Served as the api serves them: a booking's page reads its questionnaire answers.
  const questionnaires: StaffQuestionnaireDependencies = options.questionnaires ?? {
    dataSource,
    definitions: createQuestionnaireDefinitions({ dataSource }),
    responses: createQuestionnaireResponses({ dataSource, cipher: protector.cipher }),
    hostEventTypes: createHostEventTypes({ dataSource, calClient: { listPublicEventTypes: async () => [] } }),
  };
  const area = createStaffArea({
    databaseUrl: database.url,
    noteKeystoreUrl,
    createNoteKeystoreDatabase: true,
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
    questionnaires,
  });
  const temporalConnection = await Connection.connect({ address: inject("temporalAddress") });
  const app = express();
  app.use(
    area.createRouter({
      apiKeys: createApiKeyStore({ dataSource }),
      temporal: { client: new Client({ connection: temporalConnection }), namespace: "default" },
      createConnectLink: null,
    }),
  );
  app.use((_request, _response, next) => next(notFound()));
  app.use(createErrorHandler(createLogger({ level: "silent", name: "staff-test" })));
  // Every answer is held to the OpenAPI document, as in the pipeline (status, and the body's schema).
  const contract = createResponseContract();
  const contractViolations: string[] = [];
  const server: Server = createServer((request, response) => {
    recordAnswer(request, response, (answer) => {
      const { violation } = contract.check(answer);
      if (violation && !contractViolations.includes(violation)) contractViolations.push(violation);
    });
    app(request, response);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const pool = new pg.Pool({ connectionString: database.url, max: 3 });
  const inbox = createMailInbox(mail.inboxUrl);
  const base = `http://127.0.0.1:${port}`;
  const sessions = createStaffSessions({ apiUrl: base, origin, area, inbox });

  return {
    origin,
    apiUrl: base,
    databaseUrl: database.url,
    smtpUrl: mail.smtpUrl,
    area,
    noteKeystoreUrl,
    inbox,
    contractViolations,
    pool,
    protector,
    followSignInLink: sessions.followSignInLink,
    signInNew: sessions.signInNew,
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
      await dataSource.destroy();
      await temporalConnection.close();
      await mail.stop();
      await database.drop();
      await dropDatabase(noteKeystoreUrl);
    },
  };
}

/** Drops a database of the test server by its URL (connecting to the server's maintenance database). */
async function dropDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  const client = new pg.Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    await client.query(
      `DROP DATABASE IF EXISTS ${client.escapeIdentifier(decodeURIComponent(target.pathname.slice(1)))} WITH (FORCE)`,
    );
  } finally {
    await client.end();
  }
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
    noteKeystoreUrl: `${input.databaseUrl}_note_keys`,
    createNoteKeystoreDatabase: true,
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
