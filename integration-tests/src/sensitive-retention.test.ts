// Personal data that expires, in the real stack (api, relay, worker, Temporal dev server, Postgres) with
// a retention of 0 days: a booking of a sensitive event type, whose appointment ends moments from now,
// loses the attendee's personal data, its raw payloads and the notes marked for erasure when it ends;
// the booking row and its audit trail remain, with an entry for the erasure. An administrator's request
// to forget erases a future booking at once.
import { randomInt, randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createErasureRequester } from "@churchhub/api";
import { sensitiveRetentionWorkflowId } from "@churchhub/contracts";
import { openSecureNotes, type SecureNoteStore } from "@churchhub/database";
import { loadSettings, noteKeystoreUrlFor } from "@churchhub/settings";
import { bookingPayload, envelope, newBookingFixture } from "@churchhub/test-support/cal-deliveries";
import { startPipeline, type Pipeline } from "@churchhub/test-support/pipeline";

let pipeline: Pipeline;
let secureNotes: { notes: SecureNoteStore; close(): Promise<void> };
// An event type of this file's own: other files' bookings (event type 1234) stay ordinary.
const SENSITIVE_EVENT_TYPE = 800_000 + randomInt(100_000);

beforeAll(async () => {
  pipeline = await startPipeline({ settings: { SENSITIVE_RETENTION_DAYS: "0" } });
  await pipeline.dataSource.query(
    `INSERT INTO sensitive_event_types (cal_event_type_id, cal_user_id, sensitive, settings_state)
     VALUES ($1, 4242, true, 'applied')`,
    [SENSITIVE_EVENT_TYPE],
  );
  secureNotes = openSecureNotes({
    databaseUrl: pipeline.databaseUrl,
    noteKeystoreUrl: noteKeystoreUrlFor(loadSettings({ NODE_ENV: "test" }), pipeline.databaseUrl),
    createNoteKeystoreDatabase: true,
    protector: pipeline.protector,
    clock: () => new Date(),
  });
});

afterAll(async () => {
  await pipeline?.dataSource.query("DELETE FROM sensitive_event_types WHERE cal_event_type_id = $1", [
    SENSITIVE_EVENT_TYPE,
  ]);
  await secureNotes?.close();
  await pipeline?.stop();
});

/** A sensitive booking whose attendee is a canary, recorded through the webhook like any other. */
async function recordSensitiveBooking(endsInMs: number) {
  const canary = `canary-${randomUUID().slice(0, 8)}`;
  const start = new Date(Date.now() + endsInMs - 1_800_000);
  const fixture = newBookingFixture({
    eventTypeId: SENSITIVE_EVENT_TYPE,
    startTime: start.toISOString(),
    endTime: new Date(Date.now() + endsInMs).toISOString(),
  });
  const body = envelope(
    "BOOKING_CREATED",
    bookingPayload(fixture, {
      attendees: [{ email: `${canary}@example.net`, name: `Name ${canary}`, timeZone: "Europe/London" }],
      responses: {
        name: { label: "your_name", value: `Name ${canary}` },
        email: { label: "email_address", value: `${canary}@example.net` },
        notes: { label: "additional_notes", value: `About ${canary}` },
      },
      description: `About ${canary}`,
      additionalNotes: `About ${canary}`,
    }),
  );
  const response = await pipeline.send(body);
  expect(response.status).toBe(202);
  await pipeline.processed(response, body);
  return { uid: fixture.uid, canary };
}

async function personalDataOf(uid: string) {
  const [row] = await pipeline.dataSource.query(
    "SELECT attendees, responses, description, title, payload, status, start_time FROM bookings WHERE uid = $1",
    [uid],
  );
  const opened = {
    attendees: pipeline.protector.openText(row.attendees, "bookings.attendees"),
    responses: pipeline.protector.openText(row.responses, "bookings.responses"),
    description: pipeline.protector.openText(row.description, "bookings.description"),
    title: pipeline.protector.openText(row.title, "bookings.title"),
    payload: pipeline.protector.openText(row.payload, "bookings.payload"),
  };
  const audit: Array<{ trigger_event: string; outcome: string; source: string; payload: string }> =
    await pipeline.dataSource.query(
      "SELECT trigger_event, outcome, source, payload FROM audit_logs WHERE booking_uid = $1 ORDER BY occurred_at",
      [uid],
    );
  return {
    status: row.status as string,
    opened: JSON.stringify(opened),
    auditPayloads: JSON.stringify(
      audit.map((entry) => pipeline.protector.openText(entry.payload, "audit_logs.payload")),
    ),
    audit,
  };
}

it("erases a sensitive booking's personal data when its appointment ends, and keeps that it happened", async () => {
  const { uid, canary } = await recordSensitiveBooking(3_000);
  const marked = await secureNotes.notes.create({
    bookingUid: uid,
    authorStaffUserId: "host-1",
    text: `Note on ${canary}`,
    eraseWithPersonalData: true,
  });
  const kept = await secureNotes.notes.create({
    bookingUid: uid,
    authorStaffUserId: "host-1",
    text: "Kept on purpose",
    eraseWithPersonalData: false,
  });
  const before = await personalDataOf(uid);
  expect(before.opened).toContain(canary);
  expect(before.auditPayloads).toContain(canary);

  // The run the delivery started waits for the end of the appointment, then erases.
  const result = await pipeline.client.workflow.getHandle(sensitiveRetentionWorkflowId(uid)).result();
  expect(result).toMatchObject({
    outcome: "erased",
    erasure: { bookingUid: uid, reason: "expired", notesDestroyed: 1, bookingFound: true },
  });

  const after = await personalDataOf(uid);
  expect(after.opened).not.toContain(canary);
  expect(after.auditPayloads).not.toContain(canary);
  expect(after.status).toBe("accepted");
  expect(after.audit.map((entry) => [entry.trigger_event, entry.outcome, entry.source])).toEqual([
    ["BOOKING_CREATED", "applied", "webhook"],
    ["PERSONAL_DATA_ERASED", "expired", "retention"],
  ]);
  // The marked note's key is destroyed; the other note is still there to read.
  await expect(secureNotes.notes.read(marked.id)).rejects.toThrow(/destroyed/);
  expect((await secureNotes.notes.summary(marked.id))?.destroyedReason).toBe("expired");
  expect((await secureNotes.notes.read(kept.id)).map((version) => version.text)).toEqual(["Kept on purpose"]);
});

it("erases a future booking at once when an administrator asks to forget the person", async () => {
  const { uid, canary } = await recordSensitiveBooking(7 * 86_400_000);
  expect((await personalDataOf(uid)).opened).toContain(canary);
  const requestErasure = createErasureRequester({
    client: pipeline.client,
    taskQueue: pipeline.taskQueue,
    waitMs: 30_000,
  });
  const result = await requestErasure(uid);
  expect(result).toMatchObject({ outcome: "erased", erasure: { reason: "forgotten", bookingFound: true } });
  const after = await personalDataOf(uid);
  expect(after.opened).not.toContain(canary);
  expect(after.audit.map((entry) => entry.outcome)).toEqual(["applied", "forgotten"]);
});
