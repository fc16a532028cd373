// The administrators' screens' endpoints against the whole stack (api, worker, Temporal, Postgres, the
// Cal.com emulator in both modes, a real SMTP server): hosts with their connection state and connect
// links, staff invitations and changes, API keys that stop working when revoked, the reconciliation
// schedule run from the staff area with what it repaired, and the whole access log with its verdict.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RECONCILIATION_SCHEDULE_ID } from "@churchhub/contracts";
import { ensureReconciliationSchedule } from "@churchhub/worker";
import { allow, callback, connectAccount, openConnectLink } from "@churchhub/test-support/connect-flow";
import { emulatorBookings } from "@churchhub/test-support/emulator-bookings";
import { readJson, startPipeline, type Pipeline } from "@churchhub/test-support/pipeline";
import type { StaffSession } from "@churchhub/test-support/staff-sessions";
import { waitUntil } from "@churchhub/test-support/wait-until";

let pipeline: Pipeline;
let admin: StaffSession;

beforeAll(async () => {
  pipeline = await startPipeline({ calEmulator: { oauth2: true }, staff: true });
  admin = await pipeline.staff!.signInNew("admin");
});
afterAll(async () => {
  await pipeline?.client.schedule
    .getHandle(RECONCILIATION_SCHEDULE_ID)
    .delete()
    .catch(() => undefined);
  await pipeline?.stop();
});

const fixtures = () => pipeline.cal!.emulator.fixtures;

describe("hosts", () => {
  it("lists managed users and connected accounts with their state, and makes a connect link that works once", async () => {
    const operator = (await pipeline.apiKeys.create({ name: "hosts test", role: "operator" })).key;
    const ruth = fixtures().ordinaryAccounts[0]!;
    expect((await connectAccount(pipeline, operator, ruth.id)).status).toBe(200);

    const { hosts, connectLinksAvailable } = await readJson(await admin.get("/staff/admin/hosts"));
    expect(connectLinksAvailable).toBe(true);
    const managed = fixtures().managedUsers[0]!;
    expect(hosts).toContainEqual(
      expect.objectContaining({ calUserId: managed.id, username: managed.username, state: "managed", webhook: null }),
    );
    expect(hosts).toContainEqual(
      expect.objectContaining({ calUserId: ruth.id, state: "connected", webhook: "registered" }),
    );

    const created = await admin.change("POST", "/staff/admin/hosts/connect-links", { hostLabel: "Samuel" });
    expect(created.status).toBe(201);
    const link = await readJson(created);
    expect(new Date(link.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const samuel = fixtures().ordinaryAccounts[1]!;
    const opened = await openConnectLink(link.url);
    expect((await callback(await allow(opened.consent, samuel.id), opened.browser)).status).toBe(200);
    // Used: the same link opens nothing a second time.
    expect((await fetch(link.url, { redirect: "manual" })).status).toBe(404);
    const after = await readJson(await admin.get("/staff/admin/hosts"));
    expect(after.hosts).toContainEqual(expect.objectContaining({ calUserId: samuel.id, state: "connected" }));
  });

  it("marks a connection whose refresh token Cal.com refused as needing a reconnect", async () => {
    const ruth = fixtures().ordinaryAccounts[0]!;
    await pipeline.dataSource.query(
      "UPDATE cal_connections SET status = 'needs_reconnect', needs_reconnect_since = now() WHERE cal_user_id = $1",
      [ruth.id],
    );
    const { hosts } = await readJson(await admin.get("/staff/admin/hosts"));
    const host = hosts.find((candidate: { calUserId: number }) => candidate.calUserId === ruth.id);
    expect(host).toMatchObject({ state: "needs_reconnect", connection: { needsReconnectSince: expect.any(String) } });
  });
});

describe("staff", () => {
  it("invites a host linked to a known Cal.com user (mailed), and refuses an unknown one", async () => {
    const managed = fixtures().managedUsers[0]!;
    const email = `invited-${Date.now()}@staff.example.org`;
    const invited = await admin.change("POST", "/staff/admin/staff", {
      email,
      role: "host",
      calUserId: managed.id,
      name: "Pastor Invited",
    });
    expect(invited.status).toBe(201);
    const { id, created } = await readJson(invited);
    expect(created).toBe(true);
    const mail = await pipeline.staff!.inbox.waitForLatest(email);
    expect(mail.subject).toContain("invited");
    // The link goes by mail only, never back to the administrator's page.
    const { people } = await readJson(await admin.get("/staff/admin/staff"));
    expect(people).toContainEqual(
      expect.objectContaining({ id, email, role: "host", calUserId: managed.id, active: true, hasPasskey: false }),
    );
    const { hosts } = await readJson(await admin.get("/staff/admin/hosts"));
    const host = hosts.find((candidate: { calUserId: number }) => candidate.calUserId === managed.id);
    expect(host.staff).toContainEqual({ id, name: "Pastor Invited", email, active: true });

    const unknown = await admin.change("POST", "/staff/admin/staff", {
      email: "nobody-known@staff.example.org",
      role: "host",
      calUserId: 999_999,
    });
    expect(unknown.status).toBe(400);
    expect((await readJson(unknown)).error.message).toMatch(/No Cal.com user 999999/);
  });

  it("changes a role, with effect on the person's next request", async () => {
    const managed = fixtures().managedUsers[0]!;
    const person = await pipeline.staff!.signInNew("host", { calUserId: managed.id });
    expect((await person.get("/staff/admin/staff")).status).toBe(403);
    const promoted = await admin.change("POST", `/staff/admin/staff/${person.userId}/role`, { role: "admin" });
    expect(promoted.status).toBe(204);
    expect((await person.get("/staff/admin/staff")).status).toBe(200);
    const demoted = await admin.change("POST", `/staff/admin/staff/${person.userId}/role`, {
      role: "host",
      calUserId: managed.id,
    });
    expect(demoted.status).toBe(204);
    expect((await person.get("/staff/admin/staff")).status).toBe(403);
    const withoutHost = await admin.change("POST", `/staff/admin/staff/${person.userId}/role`, { role: "host" });
    expect(withoutHost.status).toBe(400);
  });

  it("refuses to let administrators deactivate or demote themselves, with a clear message", async () => {
    const deactivate = await admin.change("POST", `/staff/admin/staff/${admin.userId}/deactivate`);
    expect(deactivate.status).toBe(400);
    expect((await readJson(deactivate)).error).toMatchObject({
      code: "cannot_change_yourself",
      message: expect.stringMatching(/cannot deactivate yourself/),
    });
    const demote = await admin.change("POST", `/staff/admin/staff/${admin.userId}/role`, {
      role: "host",
      calUserId: fixtures().managedUsers[0]!.id,
    });
    expect(demote.status).toBe(400);
    expect((await readJson(demote)).error.code).toBe("cannot_change_yourself");
    expect((await admin.get("/staff/admin/staff")).status).toBe(200);
  });

  it("deactivates (ending the open session) and reactivates a person, who can then sign in again", async () => {
    const person = await pipeline.staff!.signInNew("host", { calUserId: fixtures().managedUsers[0]!.id });
    expect((await admin.change("POST", `/staff/admin/staff/${person.userId}/deactivate`)).status).toBe(204);
    expect((await person.get("/staff/session")).status).toBe(401);
    let { people } = await readJson(await admin.get("/staff/admin/staff"));
    expect(people.find((entry: { id: string }) => entry.id === person.userId).active).toBe(false);

    expect((await admin.change("POST", `/staff/admin/staff/${person.userId}/reactivate`)).status).toBe(204);
    // The old session stays ended; a new invitation link signs them in.
    expect((await person.get("/staff/session")).status).toBe(401);
    ({ people } = await readJson(await admin.get("/staff/admin/staff")));
    const entry = people.find((candidate: { id: string }) => candidate.id === person.userId);
    expect(entry).toMatchObject({ active: true, lastSignInAt: expect.any(String) });
    const sentAt = new Date();
    const again = await admin.change("POST", "/staff/admin/staff", {
      email: person.email,
      role: "host",
      calUserId: fixtures().managedUsers[0]!.id,
    });
    expect(again.status).toBe(201);
    expect((await readJson(again)).created).toBe(false);
    const mail = await pipeline.staff!.inbox.waitForLatest(person.email, { after: sentAt });
    const link = mail.text.match(/https?:\/\/\S+\/staff\/auth\/magic-link\/verify\S+/)![0];
    expect((await pipeline.staff!.followSignInLink(link)).cookie).not.toBeNull();
  });
});

describe("API keys", () => {
  it("creates a key shown once, lists it without its secret, and revokes it so the api refuses it", async () => {
    const created = await admin.change("POST", "/staff/admin/api-keys", { name: "backup job", role: "operator" });
    expect(created.status).toBe(201);
    const { id, key } = await readJson(created);
    expect(key).toMatch(/^chk_/);
    const asKey = { headers: { authorization: `Bearer ${key}` } };
    expect((await fetch(`${pipeline.baseUrl}/connections/cal`, asKey)).status).toBe(200);

    const listed = await admin.get("/staff/admin/api-keys");
    const text = await listed.text();
    expect(text).not.toContain(key);
    expect(JSON.parse(text).apiKeys).toContainEqual(
      expect.objectContaining({ id, name: "backup job", role: "operator", revokedAt: null }),
    );

    expect((await admin.change("DELETE", `/staff/admin/api-keys/${id}`)).status).toBe(204);
    expect((await fetch(`${pipeline.baseUrl}/connections/cal`, asKey)).status).toBe(401);
    expect((await admin.change("DELETE", `/staff/admin/api-keys/${id}`)).status).toBe(404);
  });
});

describe("reconciliation", () => {
  it("shows the schedule, runs it now, and shows the run and what it repaired", async () => {
    const before = await readJson(await admin.get("/staff/admin/reconciliation"));
    expect(
      before.schedules.find((schedule: { scheduleId: string }) => schedule.scheduleId === RECONCILIATION_SCHEDULE_ID),
    ).toMatchObject({ exists: false });
    // A booking whose webhook was lost (no subscriber is registered): only reconciliation finds it.
    const eventTypeId = fixtures().eventTypes[0]!.id;
    const lost = await emulatorBookings(pipeline.cal!.running.url).book(eventTypeId, {
      name: "Lost Webhook",
      email: "lost@example.org",
    });
    await ensureReconciliationSchedule(pipeline.client, {
      taskQueue: pipeline.taskQueue,
      everyMinutes: 60,
      lookbackMinutes: 60,
    });

    const run = await admin.change("POST", `/staff/admin/reconciliation/${RECONCILIATION_SCHEDULE_ID}/run`);
    expect(run.status).toBe(202);
    const schedule = await waitUntil("the triggered run to complete", async () => {
      const { schedules } = await readJson(await admin.get("/staff/admin/reconciliation"));
      const found = schedules.find((entry: { scheduleId: string }) => entry.scheduleId === RECONCILIATION_SCHEDULE_ID);
      return found?.recentRuns[0]?.status === "COMPLETED" && found;
    });
    expect(schedule).toMatchObject({ exists: true, everyMinutes: 60, paused: false });
    expect(schedule.recentRuns[0]).toMatchObject({
      workflowId: expect.stringMatching(new RegExp(`^${RECONCILIATION_SCHEDULE_ID}`)),
      result: expect.objectContaining({ reconciled: expect.any(Number) }),
    });
    expect(schedule.recentRuns[0].result.reconciled).toBeGreaterThanOrEqual(1);
    const { repairs, namespace } = await readJson(await admin.get("/staff/admin/reconciliation"));
    expect(namespace).toBe("default");
    expect(repairs).toContainEqual(expect.objectContaining({ bookingUid: lost, triggerEvent: "BOOKING_CREATED" }));
    expect(JSON.stringify(repairs)).not.toContain("lost@example.org");

    expect((await admin.change("POST", "/staff/admin/reconciliation/no-such-schedule/run")).status).toBe(404);
  });
});

describe("the access log", () => {
  it("shows every entry newest first, paged, with who, the opened address and the chain's verdict", async () => {
    const { bookings } = await readJson(await admin.get("/staff/bookings"));
    expect(bookings.length).toBeGreaterThan(0);
    await admin.get(`/staff/bookings/${encodeURIComponent(bookings[0].uid)}`);

    const first = await readJson(await admin.get("/staff/admin/access-log?limit=1"));
    expect(first.verification).toMatchObject({ intact: true });
    expect(first.verification.entries).toBeGreaterThanOrEqual(2);
    expect(first.entries).toEqual([
      expect.objectContaining({
        staffUserId: admin.userId,
        staffEmail: admin.email,
        staffRole: "admin",
        bookingUid: bookings[0].uid,
        action: "booking.view",
        clientAddress: "198.51.100.7",
      }),
    ]);
    const second = await readJson(await admin.get(`/staff/admin/access-log?limit=1&before=${first.nextBefore}`));
    expect(second.entries).toEqual([expect.objectContaining({ action: "booking.list", staffUserId: admin.userId })]);
    expect(BigInt(second.entries[0].sequence)).toBeLessThan(BigInt(first.entries[0].sequence));
    expect((await admin.get("/staff/admin/access-log?before=abc")).status).toBe(400);
  });
});
