// Private booking's api in the real stack (api, relay, worker, Temporal, Postgres), with a retention of 0
// days: what the endpoint refuses (not our web server, an event type that is not sensitive, a bad email or
// phone, a body too big, a field it does not know), what it stores (details sealed, the link's token as a
// hash), the link made by the booking's own delivery and not by its metadata alone, the private link's
// view, the run that deletes an intent nobody booked with, and the details erased with the booking's
// personal data. The browser's side is
// e2e-tests/src/staff-sensitive-mode.test.ts.
import { randomInt } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { privateBookingIntentWorkflowId, sensitiveRetentionWorkflowId } from "@churchhub/contracts";
import { deleteUnusedPrivateBookingIntent, hashPrivateLinkToken } from "@churchhub/database";
import { bookingPayload, envelope, newBookingFixture } from "@churchhub/test-support/cal-deliveries";
import { readJson, startPipeline, type Pipeline } from "@churchhub/test-support/pipeline";

let pipeline: Pipeline;
// Event types of this file's own: other files' bookings stay ordinary.
const SENSITIVE_EVENT_TYPE = 700_000 + randomInt(100_000);
const ORDINARY_EVENT_TYPE = SENSITIVE_EVENT_TYPE + 100_000;

beforeAll(async () => {
  // The rate limit well above this file's few requests: it is not what is tested here.
  pipeline = await startPipeline({
    settings: { SENSITIVE_RETENTION_DAYS: "0", RATE_LIMIT_PRIVATE_BOOKINGS_PER_MINUTE: "100" },
  });
  await pipeline.dataSource.query(
    `INSERT INTO sensitive_event_types (cal_event_type_id, cal_user_id, sensitive, settings_state)
     VALUES ($1, 4242, true, 'applied'), ($2, 4242, false, 'applied')`,
    [SENSITIVE_EVENT_TYPE, ORDINARY_EVENT_TYPE],
  );
});

afterAll(async () => {
  await pipeline?.dataSource.query("DELETE FROM sensitive_event_types WHERE cal_event_type_id = ANY($1)", [
    [SENSITIVE_EVENT_TYPE, ORDINARY_EVENT_TYPE],
  ]);
  await pipeline?.stop();
});

const asWebServer = () => ({ authorization: `Bearer ${pipeline.webServerToken}` });

function post(path: string, body: unknown, headers: Record<string, string> = asWebServer()) {
  return fetch(`${pipeline.baseUrl}${path}`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

interface Started {
  pseudonym: string;
  relayAddress: string;
  metadata: Record<string, string>;
  token: string;
  url: string;
}

async function startPrivateBooking(details: Record<string, string> = {}): Promise<Started> {
  const response = await post("/private-bookings", { eventTypeId: SENSITIVE_EVENT_TYPE, ...details });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await readJson(response)) as Started;
}

/** The intent's booking delivered as Cal.com would: the relay address as attendee, the intent in metadata. */
async function deliverBooking(
  started: Pick<Started, "metadata" | "pseudonym">,
  attendeeEmail: string,
  endsInMs = 7 * 86_400_000,
) {
  const fixture = newBookingFixture({
    eventTypeId: SENSITIVE_EVENT_TYPE,
    startTime: new Date(Date.now() + endsInMs - 1_800_000).toISOString(),
    endTime: new Date(Date.now() + endsInMs).toISOString(),
  });
  const body = envelope(
    "BOOKING_CREATED",
    bookingPayload(fixture, {
      attendees: [{ email: attendeeEmail, name: started.pseudonym, timeZone: "Europe/London" }],
      responses: {
        name: { label: "your_name", value: started.pseudonym },
        email: { label: "email_address", value: attendeeEmail },
      },
      metadata: started.metadata,
    }),
  );
  const response = await pipeline.send(body);
  expect(response.status).toBe(202);
  await pipeline.processed(response, body);
  return fixture.uid;
}

const intentOf = async (token: string) =>
  (
    await pipeline.dataSource.query(
      "SELECT booking_uids, details_encrypted, relay_address FROM private_booking_intents WHERE link_token_hash = $1",
      [hashPrivateLinkToken(token)],
    )
  )[0];

it("refuses whoever is not our web server, event types that are not sensitive, and bad or unknown fields", async () => {
  expect((await post("/private-bookings", { eventTypeId: SENSITIVE_EVENT_TYPE }, {})).status).toBe(401);
  for (const eventTypeId of [ORDINARY_EVENT_TYPE, ORDINARY_EVENT_TYPE + 1]) {
    expect((await post("/private-bookings", { eventTypeId })).status).toBe(404);
    const offered = await fetch(`${pipeline.baseUrl}/private-bookings/event-types/${eventTypeId}`, {
      headers: asWebServer(),
    });
    expect(offered.status).toBe(404);
  }
  const offered = await fetch(`${pipeline.baseUrl}/private-bookings/event-types/${SENSITIVE_EVENT_TYPE}`, {
    headers: asWebServer(),
  });
  expect(await readJson(offered)).toEqual({ eventTypeId: SENSITIVE_EVENT_TYPE, privateBooking: true });

  const refused = async (body: Record<string, unknown>, field: string, secret: string) => {
    const response = await post("/private-bookings", { eventTypeId: SENSITIVE_EVENT_TYPE, ...body });
    const text = await response.text();
    expect(response.status, text).toBe(400);
    expect(JSON.parse(text).error.message).toMatch(new RegExp(`^${field}: `));
    // The refusal names the field, never what was typed.
    expect(text).not.toContain(secret);
  };
  await refused({ email: "not-an-address-canary" }, "email", "not-an-address-canary");
  await refused({ phone: "call me maybe 55" }, "phone", "call me maybe");
  await refused({ phone: "+1 23" }, "phone", "+1 23");
  await refused({ name: "x".repeat(201) }, "name", "x".repeat(201));
  await refused({ notes: "hello" }, "body", "hello");

  const tooBig = await post("/private-bookings", { eventTypeId: SENSITIVE_EVENT_TYPE, name: "y".repeat(9_000) });
  expect(tooBig.status).toBe(413);

  const noSuchLink = await fetch(`${pipeline.baseUrl}/private-bookings/${"A".repeat(43)}`, { headers: asWebServer() });
  expect(noSuchLink.status).toBe(404);
  const notALink = await fetch(`${pipeline.baseUrl}/private-bookings/short`, { headers: asWebServer() });
  expect(notALink.status).toBe(400);
  expect((await post(`/private-bookings/${"A".repeat(43)}/cancel`, {})).status).toBe(404);
});

it("stores the details sealed and the link's token as a hash; the booking's delivery links it, metadata alone does not", async () => {
  const canaries = { name: "Canary Private Name", email: "canary.private@example.org", phone: "+44 7700 900123" };
  const started = await startPrivateBooking(canaries);
  expect(started.pseudonym).toMatch(/^Guest \d{4}$/);
  expect(started.relayAddress).toMatch(/^guest-[a-z2-7]{24}@relay\.churchhub\.invalid$/);
  expect(Object.keys(started.metadata)).toEqual(["churchhubPrivate"]);
  expect(started.url).toMatch(new RegExp(`/private/${started.token}$`));

  const stored = await intentOf(started.token);
  expect(stored.booking_uids).toEqual([]);
  for (const value of Object.values(canaries)) expect(stored.details_encrypted).not.toContain(value);
  expect(pipeline.protector.openJson(stored.details_encrypted, "private_booking_intents.details")).toEqual(canaries);
  const [clear] = await pipeline.dataSource.query(
    "SELECT count(*)::int AS n FROM private_booking_intents WHERE link_token_hash = $1 OR link_token_hash = $2",
    [started.token, hashPrivateLinkToken(started.token)],
  );
  expect(clear.n).toBe(1);

  // Not arrived yet: the link shows the pseudonym only.
  const before = await fetch(`${pipeline.baseUrl}/private-bookings/${started.token}`, { headers: asWebServer() });
  expect(await readJson(before)).toEqual({ pseudonym: started.pseudonym, booking: null });

  // A booking naming the intent in its metadata, but under another address, is not linked.
  const impostor = await deliverBooking(started, "someone.else@example.org");
  expect((await intentOf(started.token)).booking_uids).not.toContain(impostor);

  const uid = await deliverBooking(started, started.relayAddress);
  expect((await intentOf(started.token)).booking_uids).toEqual([uid]);

  const view = (await readJson(
    await fetch(`${pipeline.baseUrl}/private-bookings/${started.token}`, { headers: asWebServer() }),
  )) as { pseudonym: string; booking: { status: string; cancellable: boolean } | null };
  expect(view.pseudonym).toBe(started.pseudonym);
  expect(view.booking).toMatchObject({ status: "accepted", cancellable: true });
});

it("erases what the person left us with the booking's personal data", async () => {
  const started = await startPrivateBooking({ name: "Canary Erased Name" });
  const uid = await deliverBooking(started, started.relayAddress, 3_000);
  expect((await intentOf(started.token)).details_encrypted).not.toBeNull();
  // The run the delivery started waits for the end of the appointment, then erases.
  const result = await pipeline.client.workflow.getHandle(sensitiveRetentionWorkflowId(uid)).result();
  expect(result).toMatchObject({ outcome: "erased" });
  const after = await intentOf(started.token);
  expect(after.details_encrypted).toBeNull();
  expect(after.booking_uids).toEqual([uid]);
}, 60_000);

it("starts, for each intent, the run that deletes it if it expires unused; a booked intent is not deleted", async () => {
  const unused = await startPrivateBooking({ name: "Canary Unused Name" });
  const booked = await startPrivateBooking({ name: "Canary Booked Name" });
  const uid = await deliverBooking(booked, booked.relayAddress);
  for (const started of [unused, booked]) {
    const intentId = started.metadata.churchhubPrivate!;
    const run = await pipeline.client.workflow.getHandle(privateBookingIntentWorkflowId(intentId)).describe();
    expect(run.type).toBe("expireUnusedPrivateBookingIntentWorkflow");
    expect(run.status.name).toBe("RUNNING");
  }
  // What that run does at the expiry (PRIVATE_BOOKING_INTENT_HOURS away), on the real table.
  const manager = pipeline.dataSource.manager;
  expect(await deleteUnusedPrivateBookingIntent(manager, booked.metadata.churchhubPrivate!)).toBe(false);
  expect((await intentOf(booked.token)).booking_uids).toEqual([uid]);
  expect(await deleteUnusedPrivateBookingIntent(manager, unused.metadata.churchhubPrivate!)).toBe(true);
  expect(await intentOf(unused.token)).toBeUndefined();
});
