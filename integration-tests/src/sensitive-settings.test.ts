// Sensitive mode at Cal.com, end to end over HTTP: the staff area marks an event type sensitive, a workflow
// applies its privacy settings at the emulator with the host's own token (a managed user's, and a connected
// account's whose scopes fall short: then the state and the message say what to do), the reconciliation
// re-applies what a host changed at Cal.com or flags it, and hosts hand out Cal.com private links.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAndAwaitWorkflow } from "@churchhub/contracts/client";
import { connectAccount, operatorKey } from "@churchhub/test-support/connect-flow";
import { emulatorBookings } from "@churchhub/test-support/emulator-bookings";
import { readJson, startPipeline, type Pipeline } from "@churchhub/test-support/pipeline";
import type { StaffSession } from "@churchhub/test-support/staff-sessions";
import { waitUntil } from "@churchhub/test-support/wait-until";

const PASTOR = 7001;
const PASTORAL_CONVERSATION = 9001;
const WEDDING_PREPARATION = 9002;
const COUNSELLOR_SESSION = 9003;
const RUTH = 7101;
const RUTH_EVENT_TYPE = 9101;
const NEUTRAL_TITLE = "Pastoral appointment";

let pipeline: Pipeline;
let pastor: StaffSession;

beforeAll(async () => {
  // Connected accounts may read event types but not change them: the scopes most churches would grant first.
  pipeline = await startPipeline({
    calEmulator: { oauth2: { scopes: ["BOOKING_READ", "PROFILE_READ", "EVENT_TYPE_READ"] } },
    staff: true,
  });
  pastor = await pipeline.staff!.signInNew("host", { calUserId: PASTOR });
});
afterAll(async () => {
  await pipeline?.stop();
});

async function stateOf(calEventTypeId: number) {
  const rows = await pipeline.dataSource.query(
    "SELECT sensitive, settings_state, state_detail FROM sensitive_event_types WHERE cal_event_type_id = $1",
    [calEventTypeId],
  );
  return rows[0] as { sensitive: boolean; settings_state: string; state_detail: string | null } | undefined;
}

const settledState = (calEventTypeId: number, state: string) =>
  waitUntil(`event type ${calEventTypeId} ${state}`, async () => {
    const row = await stateOf(calEventTypeId);
    return row?.settings_state === state ? row : null;
  });

async function auditCount(triggerEvent: string, calEventTypeId: number): Promise<number> {
  const [row] = await pipeline.dataSource.query(
    "SELECT count(*)::int AS n FROM audit_logs WHERE trigger_event = $1 AND delivery_id LIKE $2",
    [triggerEvent, `sensitive:${calEventTypeId}:%`],
  );
  return row.n;
}

function reconcile() {
  return startAndAwaitWorkflow(
    pipeline.client,
    "reconcileBookingsWorkflow",
    { taskQueue: pipeline.taskQueue, workflowId: `reconcile-${randomUUID()}`, args: [{ lookbackMinutes: 60 }] },
    60_000,
  );
}

/** Changes an event type at Cal.com as its host could in Cal.com's own settings. */
async function changeAtCal(calUserId: number, calEventTypeId: number, changes: Record<string, unknown>) {
  const { accessToken } = pipeline.cal!.emulator.issueTokens(calUserId);
  const response = await fetch(`${pipeline.cal!.running.url}/event-types/${calEventTypeId}`, {
    method: "PATCH",
    headers: {
      authorization: `Bearer ${accessToken}`,
      "cal-api-version": "2024-06-14",
      "content-type": "application/json",
    },
    body: JSON.stringify(changes),
  });
  expect(response.status).toBe(200);
}

describe("marking an event type sensitive", () => {
  it("lists the host's event types, and a sensitive one gets its privacy settings at Cal.com with the host's token", async () => {
    const listed = await pastor.get(`/staff/sensitive/hosts/${PASTOR}/event-types`);
    expect(listed.status).toBe(200);
    const view = await readJson(listed);
    expect(view.problem).toBeNull();
    expect(view.eventTypes.map((eventType: { id: number }) => eventType.id).sort()).toEqual([
      PASTORAL_CONVERSATION,
      WEDDING_PREPARATION,
    ]);
    expect(view.eventTypes.every((eventType: { sensitive: boolean }) => !eventType.sensitive)).toBe(true);

    const marked = await pastor.change("PUT", `/staff/sensitive/hosts/${PASTOR}/event-types/${WEDDING_PREPARATION}`, {
      sensitive: true,
    });
    expect(marked.status).toBe(202);
    expect((await readJson(marked)).eventType).toMatchObject({ sensitive: true, settingsState: "pending" });
    await settledState(WEDDING_PREPARATION, "applied");

    const atCal = pipeline.cal!.emulator.eventType(WEDDING_PREPARATION)!;
    expect(atCal).toMatchObject({
      hideCalendarEventDetails: true,
      hideCalendarNotes: true,
      hideOrganizerEmail: true,
      customName: NEUTRAL_TITLE,
    });
    // The custom question is gone; notes, guests and the reschedule reason are hidden.
    expect(atCal.bookingFields.map((field) => field.name)).not.toContain("wedding-date");
    expect(atCal.bookingFields.filter((field) => field.hidden).map((field) => field.name)).toEqual([
      "notes",
      "guests",
      "rescheduleReason",
    ]);
    expect(await auditCount("SENSITIVE_SETTINGS_APPLIED", WEDDING_PREPARATION)).toBe(1);

    // What a church calendar would hold of the next booking: a neutral, private event.
    const uid = await emulatorBookings(pipeline.cal!.running.url).book(WEDDING_PREPARATION, {
      name: "Canary Person",
      email: "canary@example.org",
    });
    const [copy] = pipeline.cal!.emulator.calendarEvents(uid);
    expect(copy).toMatchObject({ title: NEUTRAL_TITLE, visibility: "private", organizer: { email: null } });
    expect(copy!.description).not.toContain("pastor.anna");
  });

  it("a host acts only for themself; an administrator for any host, with the host default", async () => {
    const ruthHost = await pipeline.staff!.signInNew("host", { calUserId: RUTH });
    expect((await ruthHost.get(`/staff/sensitive/hosts/${PASTOR}/event-types`)).status).toBe(404);
    expect(
      (
        await ruthHost.change("PUT", `/staff/sensitive/hosts/${PASTOR}/event-types/${PASTORAL_CONVERSATION}`, {
          sensitive: true,
        })
      ).status,
    ).toBe(404);
    // Another host's event type under one's own id is refused too, once its owner has a row for it.
    expect(
      (
        await ruthHost.change("PUT", `/staff/sensitive/hosts/${RUTH}/event-types/${WEDDING_PREPARATION}`, {
          sensitive: false,
        })
      ).status,
    ).toBe(404);
    expect((await stateOf(WEDDING_PREPARATION))?.sensitive).toBe(true);

    const admin = await pipeline.staff!.signInNew("admin");
    const hosts = await readJson(await admin.get("/staff/sensitive/hosts"));
    expect(hosts.hosts.map((host: { calUserId: number }) => host.calUserId)).toEqual(
      expect.arrayContaining([PASTOR, RUTH]),
    );
    const byDefault = await admin.change("PUT", `/staff/sensitive/hosts/${PASTOR}/default`, { sensitive: true });
    expect(byDefault.status).toBe(202);
    // The event type without a choice of its own takes the default and is applied.
    await settledState(PASTORAL_CONVERSATION, "applied");
    expect(pipeline.cal!.emulator.eventType(PASTORAL_CONVERSATION)).toMatchObject({ customName: NEUTRAL_TITLE });
    const view = await readJson(await pastor.get(`/staff/sensitive/hosts/${PASTOR}/event-types`));
    expect(view.hostDefault).toBe(true);
    // Another host's event types are never touched by this default.
    expect(pipeline.cal!.emulator.eventType(COUNSELLOR_SESSION)).toMatchObject({ hideCalendarEventDetails: false });
  });
});

describe("a connected account whose scopes fall short", () => {
  it("is missing_scope with what to do, and Cal.com is left unchanged", async () => {
    const key = await operatorKey(pipeline);
    expect((await connectAccount(pipeline, key, RUTH)).status).toBe(200);
    const ruth = await pipeline.staff!.signInNew("host", { calUserId: RUTH });
    const marked = await ruth.change("PUT", `/staff/sensitive/hosts/${RUTH}/event-types/${RUTH_EVENT_TYPE}`, {
      sensitive: true,
    });
    expect(marked.status).toBe(202);
    const row = await settledState(RUTH_EVENT_TYPE, "missing_scope");
    expect(row.state_detail).toContain("EVENT_TYPE_WRITE");
    expect(row.state_detail).toContain("CAL_OAUTH2_SCOPES");
    expect(row.state_detail).toContain("connect:link");
    expect(pipeline.cal!.emulator.eventType(RUTH_EVENT_TYPE)).toMatchObject({
      hideCalendarEventDetails: false,
      customName: null,
    });
    // The staff page reads the same state and message.
    const view = await readJson(await ruth.get(`/staff/sensitive/hosts/${RUTH}/event-types`));
    expect(view.eventTypes.find((eventType: { id: number }) => eventType.id === RUTH_EVENT_TYPE)).toMatchObject({
      sensitive: true,
      settingsState: "missing_scope",
      stateDetail: row.state_detail,
    });
    expect(await auditCount("SENSITIVE_SETTINGS_FLAGGED", RUTH_EVENT_TYPE)).toBe(1);
  });
});

describe("drift: a setting changed at Cal.com", () => {
  it("is applied again by the reconciliation (audited), or flagged drifted where the token cannot", async () => {
    await settledState(WEDDING_PREPARATION, "applied");
    await changeAtCal(PASTOR, WEDDING_PREPARATION, {
      hideCalendarEventDetails: false,
      customName: "{Event type title} with {Scheduler}",
    });
    expect(pipeline.cal!.emulator.eventType(WEDDING_PREPARATION)).toMatchObject({ hideCalendarEventDetails: false });

    const result = await reconcile();
    expect(result.sensitiveReapplied).toBeGreaterThanOrEqual(1);
    expect(pipeline.cal!.emulator.eventType(WEDDING_PREPARATION)).toMatchObject({
      hideCalendarEventDetails: true,
      customName: NEUTRAL_TITLE,
    });
    expect(await auditCount("SENSITIVE_SETTINGS_REAPPLIED", WEDDING_PREPARATION)).toBe(1);
    expect((await stateOf(WEDDING_PREPARATION))?.settings_state).toBe("applied");
    // Ruth's token can read her event type but not change it: the reconciliation flags the drift.
    expect((await stateOf(RUTH_EVENT_TYPE))?.settings_state).toBe("drifted");
    expect((await stateOf(RUTH_EVENT_TYPE))?.state_detail).toContain("hideCalendarEventDetails");
    expect(result.sensitiveFlagged).toBeGreaterThanOrEqual(1);

    // Nothing drifted: the next run changes nothing and audits no re-application.
    const again = await reconcile();
    expect(again.sensitiveChecked).toBe(result.sensitiveChecked);
    expect(await auditCount("SENSITIVE_SETTINGS_REAPPLIED", WEDDING_PREPARATION)).toBe(1);
  });
});

describe("Cal.com private links from the staff area", () => {
  it("creates (one use by default), lists and revokes through the host's token; only for sensitive event types", async () => {
    const path = `/staff/sensitive/hosts/${PASTOR}/event-types/${WEDDING_PREPARATION}/private-links`;
    const created = await pastor.change("POST", path, {});
    expect(created.status).toBe(201);
    const { link } = await readJson(created);
    expect(link).toMatchObject({ maxUsageCount: 1, usageCount: 0, isExpired: false });
    const timed = await readJson(await pastor.change("POST", path, { expiresAt: "2099-01-01T00:00:00.000Z" }));
    expect(timed.link.expiresAt).toBe("2099-01-01T00:00:00.000Z");
    const listed = await readJson(await pastor.get(path));
    expect(listed.links.map((entry: { linkId: string }) => entry.linkId).sort()).toEqual(
      [link.linkId, timed.link.linkId].sort(),
    );
    expect([...pipeline.cal!.emulator.state.privateLinks.keys()]).toEqual(
      expect.arrayContaining([link.linkId, timed.link.linkId]),
    );

    const revoked = await pastor.change("DELETE", `${path}/${link.linkId}`);
    expect(revoked.status).toBe(200);
    expect((await readJson(revoked)).links.map((entry: { linkId: string }) => entry.linkId)).toEqual([
      timed.link.linkId,
    ]);
    expect(pipeline.cal!.emulator.state.privateLinks.has(link.linkId)).toBe(false);
    expect(
      await pipeline.dataSource.query("SELECT 1 FROM audit_logs WHERE trigger_event = 'PRIVATE_LINK_REVOKED'"),
    ).toHaveLength(1);

    // Not for an event type that is not sensitive, and the body is checked.
    await pastor.change("PUT", `/staff/sensitive/hosts/${PASTOR}/event-types/${PASTORAL_CONVERSATION}`, {
      sensitive: false,
    });
    expect(
      (await pastor.get(`/staff/sensitive/hosts/${PASTOR}/event-types/${PASTORAL_CONVERSATION}/private-links`)).status,
    ).toBe(404);
    expect((await pastor.change("POST", path, { maxUsageCount: 0 })).status).toBe(400);
  });
});
