// Questionnaires end to end on the real pieces (api, worker, Temporal, Postgres, a real SMTP server):
// a host builds, publishes and attaches one to their own event type; the server re-runs the evaluator
// and refuses unreachable, missing and wrong-typed answers by name; a response that arrives before its
// booking's webhook is linked when the booking arrives; the reminder mails the private link (lead time
// longer than the time left: due at once) and the link answers once. The canary answer appears nowhere
// in a dump of the database, in any exported workflow history or in the logs, and reads back intact for
// the host, the read written to the access log.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createCalClient } from "@churchhub/cal-client";
import { createHostEventTypes } from "@churchhub/api";
import { awaitQuestionnaireBookingWorkflowId, questionnaireReminderWorkflowId } from "@churchhub/contracts";
import {
  createDataSource,
  createQuestionnaireDefinitions,
  createQuestionnaireResponses,
  type DataSource,
} from "@churchhub/database";
import { linkIn } from "@churchhub/local-stack";
import { bookingPayload, deliveries, envelope, newBookingFixture } from "@churchhub/test-support/cal-deliveries";
import { dumpDatabase } from "@churchhub/test-support/dump-database";
import { readJson, startPipeline, testProtector, type Pipeline } from "@churchhub/test-support/pipeline";
import { createScratchDatabase } from "@churchhub/test-support/scratch-database";
import { startStaffHarness, type StaffHarness, type StaffSession } from "@churchhub/test-support/staff-harness";
import { waitUntil } from "@churchhub/test-support/wait-until";

const CANARY = `Canaryanswer ${randomBytes(6).toString("hex")}`;
// The emulator's seeded counsellor and their event type (cal-emulator/fixtures/sandbox.json).
const HOST = { calUserId: 7002, username: "counsellor-david-clxsandbox0client-example-org", eventTypeId: 9003 };
const OTHER_HOSTS_EVENT_TYPE = 9001;
const ATTENDEE_EMAIL = "sam@example.org";

const definition = {
  title: "Before we meet",
  sections: [
    {
      id: "main",
      questions: [
        {
          id: "topic",
          type: "singleChoice",
          label: "What would you like to talk about?",
          required: true,
          choices: [
            { value: "grief", label: "Grief or loss" },
            { value: "other", label: "Something else" },
          ],
        },
        {
          id: "who-died",
          type: "shortText",
          label: "Who died?",
          required: true,
          condition: { question: "topic", op: "equals", value: "grief" },
        },
        { id: "sessions", type: "number", label: "How many sessions?", required: false, min: 1, max: 10 },
      ],
    },
  ],
};

const BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
/** A uid shaped like Cal.com's (base58, 22 characters). */
const calUid = () => Array.from(randomBytes(22), (byte) => BASE58[byte % 58]).join("");

const logLines: string[] = [];
const restoreOutput: Array<() => void> = [];
let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
let storesSource: DataSource;
let harness: StaffHarness;
let pipeline: Pipeline;
let host: StaffSession;
let otherHost: StaffSession;
let questionnaireId: string;
let versionId: string;
let earlyUid: string;

function captureProcessOutput(): void {
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write.bind(stream);
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      logLines.push(String(chunk));
      return (original as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write;
    restoreOutput.push(() => (stream.write = original));
  }
}

beforeAll(async () => {
  captureProcessOutput();
  scratch = await createScratchDatabase("questionnaires");
  const protector = testProtector();
  storesSource = createDataSource({ url: scratch.url, poolSize: 2 });
  await storesSource.initialize();
  // The staff area on the pipeline's database and keys; its SMTP server also takes the worker's reminders.
  harness = await startStaffHarness({
    databaseUrl: scratch.url,
    questionnaires: {
      dataSource: storesSource,
      definitions: createQuestionnaireDefinitions({ dataSource: storesSource }),
      responses: createQuestionnaireResponses({ dataSource: storesSource, cipher: protector.cipher }),
      hostEventTypes: createHostEventTypes({
        dataSource: storesSource,
        calClient: { listPublicEventTypes: (username) => calClient().listPublicEventTypes(username) },
      }),
    },
  });
  pipeline = await startPipeline({
    databaseUrl: scratch.url,
    protector,
    calEmulator: {},
    logDestination: { write: (line) => void logLines.push(line) },
    settings: { SMTP_URL: harness.smtpUrl, QUESTIONNAIRE_REMINDER_LEAD_MINUTES: "43200" },
  });
  // The counsellor is known to us by username (as after their first booking), so their event types can be listed.
  await storesSource.query(`INSERT INTO users (cal_user_id, username) VALUES ($1, $2)`, [
    HOST.calUserId,
    HOST.username,
  ]);
  host = await harness.signInNew("host", { calUserId: HOST.calUserId });
  otherHost = await harness.signInNew("host", { calUserId: 7001 });
});

afterAll(async () => {
  for (const restore of restoreOutput) restore();
  await pipeline?.stop();
  await harness?.stop();
  await storesSource?.destroy();
  await scratch?.drop();
});

const calClient = () => createCalClient({ baseUrl: pipeline.cal!.running.url });

async function staffCall(session: StaffSession, method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { cookie: session.cookie, "x-forwarded-for": "198.51.100.7" };
  if (method !== "GET") headers["x-csrf-token"] = await session.csrfToken();
  if (body !== undefined) headers["content-type"] = "application/json";
  return fetch(`${harness.apiUrl}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

function webServerCall(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${pipeline.baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${pipeline.webServerToken}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const answer = (bookingUid: string, answers: Record<string, unknown>) =>
  webServerCall("POST", "/questionnaires/responses", {
    bookingUid,
    eventTypeId: HOST.eventTypeId,
    versionId,
    answers,
  });

const bookingOf = (uid: string, startTime: Date) =>
  newBookingFixture({
    uid,
    organizerId: HOST.calUserId,
    eventTypeId: HOST.eventTypeId,
    startTime: startTime.toISOString(),
    endTime: new Date(startTime.getTime() + 1_800_000).toISOString(),
  });

describe("building", () => {
  it("lets a host create, save, publish and attach a questionnaire to their own event type only", async () => {
    const invalid = await staffCall(host, "POST", "/staff/questionnaires", {
      definition: {
        ...definition,
        sections: [{ id: "main", questions: [definition.sections[0]!.questions[1]!] }],
      },
    });
    expect(invalid.status).toBe(400);
    const refusal = await readJson(invalid);
    expect(refusal.error.code).toBe("definition_invalid");
    expect(refusal.error.problems[0].subjectId).toBe("who-died");

    const created = await staffCall(host, "POST", "/staff/questionnaires", { definition });
    expect(created.status).toBe(201);
    const { questionnaire } = await readJson(created);
    questionnaireId = questionnaire.id;
    expect(questionnaire).toMatchObject({ ownerCalUserId: HOST.calUserId, latestVersion: null });
    expect(
      (await staffCall(host, "PUT", `/staff/questionnaires/${questionnaireId}/draft`, { definition })).status,
    ).toBe(200);
    expect(
      (
        await staffCall(host, "PUT", `/staff/questionnaires/${questionnaireId}/attachments/${HOST.eventTypeId}`, {
          required: true,
        })
      ).status,
    ).toBe(409);

    const published = await staffCall(host, "POST", `/staff/questionnaires/${questionnaireId}/versions`);
    expect(published.status).toBe(201);
    versionId = (await readJson(published)).version.id;
    const versions = await readJson(await staffCall(host, "GET", `/staff/questionnaires/${questionnaireId}/versions`));
    expect(versions.versions.map((version: { version: number }) => version.version)).toEqual([1]);

    const eventTypes = await readJson(
      await staffCall(host, "GET", `/staff/questionnaires/${questionnaireId}/event-types`),
    );
    expect(eventTypes.eventTypes.map((eventType: { id: number }) => eventType.id)).toContain(HOST.eventTypeId);
    const elsewhere = await staffCall(
      host,
      "PUT",
      `/staff/questionnaires/${questionnaireId}/attachments/${OTHER_HOSTS_EVENT_TYPE}`,
      { required: true },
    );
    expect(elsewhere.status).toBe(404);
    const attached = await staffCall(
      host,
      "PUT",
      `/staff/questionnaires/${questionnaireId}/attachments/${HOST.eventTypeId}`,
      {
        required: true,
      },
    );
    expect(attached.status).toBe(200);
    const attachment = `/staff/questionnaires/${questionnaireId}/attachments/${HOST.eventTypeId}`;
    expect((await staffCall(host, "DELETE", attachment)).status).toBe(204);
    expect((await staffCall(host, "DELETE", attachment)).status).toBe(404);
    expect((await webServerCall("GET", `/questionnaires/event-types/${HOST.eventTypeId}`)).status).toBe(404);
    expect((await staffCall(host, "PUT", attachment, { required: true })).status).toBe(200);

    // Another host sees neither the questionnaire nor its versions.
    expect((await staffCall(otherHost, "GET", `/staff/questionnaires/${questionnaireId}`)).status).toBe(404);
    expect((await readJson(await staffCall(otherHost, "GET", "/staff/questionnaires"))).questionnaires).toEqual([]);
    // A published version cannot be changed, even by the database's owner of the rows.
    await expect(
      storesSource.query(`UPDATE questionnaire_versions SET definition = '{}' WHERE id = $1`, [versionId]),
    ).rejects.toThrow(/immutable/);

    const forVisitors = await webServerCall("GET", `/questionnaires/event-types/${HOST.eventTypeId}`);
    expect(forVisitors.status).toBe(200);
    expect(await readJson(forVisitors)).toMatchObject({ versionId, required: true, definition });
  });
});

describe("answering", () => {
  it("refuses, by question, an unreachable answer, a missing required one and a wrong type, storing nothing", async () => {
    const uid = calUid();
    const cases = [
      [{ topic: "other", "who-died": "someone" }, "who-died", "unreachable"],
      [{ topic: "grief" }, "who-died", "required"],
      [{ topic: "other", sessions: "three" }, "sessions", "invalid"],
    ] as const;
    for (const [answers, questionId, code] of cases) {
      const refused = await answer(uid, answers);
      expect(refused.status).toBe(400);
      const body = await readJson(refused);
      expect(body.error.questions).toEqual([expect.objectContaining({ questionId, code })]);
      expect(body.error.message).toContain(questionId);
    }
    const notAUid = await answer("not a Cal.com uid", { topic: "other" });
    expect(notAUid.status).toBe(400);
    const stored = await storesSource.query(
      `SELECT count(*)::int AS n FROM questionnaire_responses WHERE booking_uid = $1`,
      [uid],
    );
    expect(stored[0].n).toBe(0);
  });

  it("links a response that arrived before its booking's webhook when the booking arrives", async () => {
    earlyUid = calUid();
    const submitted = await answer(earlyUid, { topic: "grief", "who-died": CANARY });
    expect(submitted.status).toBe(201);
    const [waiting] = await storesSource.query(
      `SELECT id, linked_at FROM questionnaire_responses WHERE booking_uid = $1`,
      [earlyUid],
    );
    expect(waiting.linked_at).toBeNull();
    const wait = pipeline.client.workflow.getHandle(awaitQuestionnaireBookingWorkflowId(waiting.id));
    expect((await wait.describe()).status.name).toBe("RUNNING");

    const body = deliveries.created(bookingOf(earlyUid, new Date(Date.now() + 3 * 86_400_000)));
    const accepted = await pipeline.send(body);
    expect(accepted.status).toBe(202);
    await pipeline.processed(accepted, body);
    expect(await wait.result()).toEqual({ outcome: "linked" });
    const [linked] = await storesSource.query(`SELECT linked_at FROM questionnaire_responses WHERE id = $1`, [
      waiting.id,
    ]);
    expect(linked.linked_at).not.toBeNull();
    // The booking's required questionnaire is answered: its reminder ends without a mail.
    const reminder = pipeline.client.workflow.getHandle(questionnaireReminderWorkflowId(earlyUid));
    expect(await reminder.result()).toEqual({ outcome: "answered" });
    expect((await answer(earlyUid, { topic: "other" })).status).toBe(409);
  });

  it("mails the private link when a required questionnaire is unanswered, and the link answers once", async () => {
    const uid = calUid();
    const sentAfter = new Date();
    const body = deliveries.created(bookingOf(uid, new Date(Date.now() + 2 * 86_400_000)));
    const accepted = await pipeline.send(body);
    await pipeline.processed(accepted, body);
    const reminder = pipeline.client.workflow.getHandle(questionnaireReminderWorkflowId(uid));
    expect(await reminder.result()).toEqual({ outcome: "sent" });

    const mail = await harness.inbox.waitForLatest(ATTENDEE_EMAIL, { after: sentAfter });
    expect(mail.subject).toContain("Grace Community Church");
    const token = new URL(linkIn(mail, "/questionnaires/answer/")).pathname.split("/").at(-1)!;
    const opened = await webServerCall("GET", `/questionnaires/answer-later/${token}`);
    expect(opened.status).toBe(200);
    expect(await readJson(opened)).toMatchObject({ versionId, required: true });
    const answered = await webServerCall("POST", `/questionnaires/answer-later/${token}`, {
      versionId,
      answers: { topic: "other", sessions: 2 },
    });
    expect(answered.status).toBe(201);
    const again = await webServerCall("POST", `/questionnaires/answer-later/${token}`, {
      versionId,
      answers: { topic: "other" },
    });
    expect(again.status).toBe(410);
    expect(
      (await readJson(await staffCall(host, "GET", `/staff/bookings/${uid}/questionnaire-responses`))).responses,
    ).toEqual([expect.objectContaining({ bookingUid: uid, version: 1, answers: { topic: "other", sessions: 2 } })]);
  });

  it("mails a private booking's reminder to the address its person left us, not to its relay address", async () => {
    const uid = calUid();
    const relayAddress = `guest-${randomBytes(8).toString("hex")}@relay.churchhub.invalid`;
    const personEmail = `private-${randomBytes(4).toString("hex")}@example.org`;
    // The intent as private booking leaves it once the booking's delivery has linked it.
    await storesSource.query(
      `INSERT INTO private_booking_intents
         (cal_event_type_id, pseudonym, relay_address, details_encrypted, link_token_hash, booking_uids, expires_at)
       VALUES ($1, 'Guest 1234', $2, $3, $4, ARRAY[$5], now() + interval '1 day')`,
      [
        HOST.eventTypeId,
        relayAddress,
        pipeline.protector.sealJson({ name: null, email: personEmail, phone: null }, "private_booking_intents.details"),
        randomBytes(32).toString("hex"),
        uid,
      ],
    );
    const sentAfter = new Date();
    const body = envelope(
      "BOOKING_CREATED",
      bookingPayload(bookingOf(uid, new Date(Date.now() + 2 * 86_400_000)), {
        attendees: [{ email: relayAddress, name: "Guest 1234", timeZone: "Europe/London" }],
      }),
    );
    const accepted = await pipeline.send(body);
    await pipeline.processed(accepted, body);
    const reminder = pipeline.client.workflow.getHandle(questionnaireReminderWorkflowId(uid));
    expect(await reminder.result()).toEqual({ outcome: "sent" });
    const mail = await harness.inbox.waitForLatest(personEmail, { after: sentAfter });
    expect(linkIn(mail, "/questionnaires/answer/")).toContain("/questionnaires/answer/");
    // The booking's one reminder has gone out, to the person: none to the relay address.
    expect(await harness.inbox.to(relayAddress)).toEqual([]);
  });

  it("issues a booking's confirmation link once", async () => {
    const uid = calUid();
    const first = await webServerCall("POST", "/questionnaires/answer-later-links", {
      bookingUid: uid,
      eventTypeId: HOST.eventTypeId,
    });
    expect(first.status).toBe(201);
    expect((await readJson(first)).url).toMatch(/^http:\/\/web\.test\/questionnaires\/answer\/[A-Za-z0-9_-]{43}$/);
    const second = await webServerCall("POST", "/questionnaires/answer-later-links", {
      bookingUid: uid,
      eventTypeId: HOST.eventTypeId,
    });
    expect(second.status).toBe(409);
  });
});

describe("privacy", () => {
  const hit = (haystack: string) => haystack.toLowerCase().includes(CANARY.toLowerCase());

  it("leaves the canary answer nowhere in a dump of the database", async () => {
    const dump = await dumpDatabase(scratch.url);
    expect(dump).toContain(earlyUid);
    expect(hit(dump)).toBe(false);
  });

  it("leaves the canary answer nowhere in any workflow history", () => {
    const cli = inject("temporalCliPath");
    const address = inject("temporalAddress");
    const listed = execFileSync(
      cli,
      ["workflow", "list", "--address", address, "--query", `TaskQueue="${pipeline.taskQueue}"`, "--output", "json"],
      { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
    );
    const ids = [
      ...new Set(
        (JSON.parse(listed) as Array<{ execution: { workflowId: string } }>).map((entry) => entry.execution.workflowId),
      ),
    ];
    expect(ids.some((id) => id.startsWith("questionnaire-await-booking-"))).toBe(true);
    expect(ids).toContain(questionnaireReminderWorkflowId(earlyUid));
    for (const id of ids) {
      const history = execFileSync(
        cli,
        ["workflow", "show", "--address", address, "--workflow-id", id, "--output", "json"],
        {
          encoding: "utf8",
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
      expect(history.length).toBeGreaterThan(100);
      expect(hit(history), id).toBe(false);
    }
  });

  it("leaves the canary answer nowhere in the logs", () => {
    const output = logLines.join("");
    expect(output.length).toBeGreaterThan(0);
    expect(hit(output)).toBe(false);
  });

  it("reads the answer back intact for the booking's host only, and logs the read", async () => {
    const read = await staffCall(host, "GET", `/staff/bookings/${earlyUid}/questionnaire-responses`);
    expect(read.status).toBe(200);
    const { responses } = await readJson(read);
    expect(responses).toHaveLength(1);
    expect(responses[0]).toMatchObject({
      bookingUid: earlyUid,
      versionId,
      answers: { topic: "grief", "who-died": CANARY },
    });
    expect((await staffCall(otherHost, "GET", `/staff/bookings/${earlyUid}/questionnaire-responses`)).status).toBe(404);
    const logged = await waitUntil("the read in the access log", async () => {
      const rows = await storesSource.query(
        `SELECT staff_user_id FROM staff_access_log WHERE booking_uid = $1 AND action = 'questionnaire.view'`,
        [earlyUid],
      );
      return rows.length > 0 ? rows : null;
    });
    expect(logged.map((row: { staff_user_id: string }) => row.staff_user_id)).toEqual([host.userId]);
  });
});
