// The staff area against the real thing: Better Auth on Postgres, a real SMTP server (maildev) for the
// invitation and sign-in mails, sessions in cookies. Covers invitation-only sign-in, the host/admin
// scope (404 outside it), 401/403 on every endpoint, CSRF on changes, deactivation ending open
// sessions, the sign-in rate limit, and the hash-chained access log with its tamper detection.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStaffAccessLog } from "@churchhub/api";
import { createDataSource, reencryptPersonalData } from "@churchhub/database";
import {
  createFieldCipher,
  createPersonalDataProtector,
  DEVELOPMENT_BLIND_INDEX_KEY,
  DEVELOPMENT_KEYRING_SPEC,
  parseKeyring,
} from "@churchhub/field-encryption";
import { createSignInLinkRequest } from "@churchhub/test-support/staff-sign-in-request";
import { startStaffHarness, type StaffHarness, type StaffSession } from "@churchhub/test-support/staff-harness";

const HOST_A = 91_001;
const HOST_B = 91_002;

let harness: StaffHarness;
let admin: StaffSession;
let hostA: StaffSession;
let hostB: StaffSession;
let bookingA: string;
let bookingB: string;

beforeAll(async () => {
  harness = await startStaffHarness({ signInAttemptsPerMinute: 5 });
  bookingA = await harness.seedBooking({
    calUserId: HOST_A,
    attendeeName: "Mary Attendee",
    attendeeEmail: "mary@example.net",
  });
  bookingB = await harness.seedBooking({
    calUserId: HOST_B,
    attendeeName: "John Other",
    attendeeEmail: "john@example.net",
  });
  admin = await harness.signInNew("admin");
  hostA = await harness.signInNew("host", { calUserId: HOST_A });
  hostB = await harness.signInNew("host", { calUserId: HOST_B });
});

afterAll(async () => {
  await harness?.stop();
});

describe("invitation-only sign-in", () => {
  it("mails the invitation with a one-time link that signs the person in with an HttpOnly, SameSite cookie", async () => {
    const { userId, email } = hostA;
    const session = await hostA.get("/staff/session");
    expect(session.status).toBe(200);
    const body = (await session.json()) as { person: Record<string, unknown>; csrfToken: string };
    expect(body.person).toMatchObject({ id: userId, email, role: "host", calUserId: HOST_A });
    expect(body.csrfToken).toMatch(/^[\w-]{43}$/);

    const mail = await harness.inbox.waitForLatest(email);
    expect(mail.subject).toContain("invited");
    const link = mail.text.match(/https?:\/\/\S+/)![0];
    expect(link.startsWith(`${harness.origin}/staff/auth/magic-link/verify?token=`)).toBe(true);
    // Used once already by signInNew: a second use is refused, and no session comes of it.
    const again = await harness.followSignInLink(link);
    expect(again.cookie).toBeNull();
    expect(again.location).toContain("error=");
  });

  it("sets the session cookie HttpOnly and SameSite=Lax, without Secure on plain-http localhost", async () => {
    const request = await createSignInLinkRequest(harness, hostB.email, "203.0.113.20");
    expect(request.status).toBe(200);
    const mail = await harness.inbox.waitForLatest(hostB.email, { after: request.sentAt });
    const link = mail.text.match(/https?:\/\/\S+\/staff\/auth\/magic-link\/verify\S+/)![0];
    const url = new URL(link);
    const response = await fetch(`http://127.0.0.1:${url.port}${url.pathname}${url.search}`, { redirect: "manual" });
    const cookie = response.headers
      .getSetCookie()
      .find((header) => header.startsWith("churchhub-staff.session_token="));
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Max-Age=43200/);
    expect(cookie).not.toMatch(/Secure/i);
  });

  it("stores sign-in tokens only as hashes", async () => {
    const mail = await harness.inbox.waitForLatest(admin.email);
    const token = new URL(mail.text.match(/https?:\/\/\S+/)![0]).searchParams.get("token")!;
    const { rows } = await harness.pool.query("SELECT identifier, value FROM staff_verifications");
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it("sends no link to an address without a staff account, and answers the same as for one that has", async () => {
    const stranger = "stranger@example.net";
    const response = await createSignInLinkRequest(harness, stranger, "203.0.113.21");
    expect(response.status).toBe(200);
    // The delivery ran inside the request: nothing of it is left to sign in with.
    const { rows } = await harness.pool.query(
      "SELECT count(*)::int AS n FROM staff_verifications WHERE value LIKE $1",
      [`%${stranger}%`],
    );
    expect(rows[0].n).toBe(0);
    expect(await harness.inbox.to(stranger)).toEqual([]);
  });

  it("limits sign-in link requests per client address", async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 7; attempt += 1)
      statuses.push((await createSignInLinkRequest(harness, `nobody-${attempt}@example.net`, "203.0.113.99")).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    // Another address is not affected.
    expect((await createSignInLinkRequest(harness, "nobody@example.net", "203.0.113.100")).status).toBe(200);
  });
});

describe("what each person may see", () => {
  it("shows a host their own bookings, attendees by name, and not another host's", async () => {
    const response = await hostA.get("/staff/bookings");
    expect(response.status).toBe(200);
    const { bookings } = (await response.json()) as { bookings: Array<{ uid: string; attendees: unknown[] }> };
    expect(bookings.map((booking) => booking.uid)).toEqual([bookingA]);
    expect(bookings[0]!.attendees).toEqual([{ name: "Mary Attendee" }]);
    expect(JSON.stringify(bookings)).not.toContain("John Other");
    expect(JSON.stringify(bookings)).not.toContain("mary@example.net");
  });

  it("answers 404 to a host asking for another host's booking, exactly as for one that does not exist", async () => {
    const other = await hostA.get(`/staff/bookings/${encodeURIComponent(bookingB)}`);
    const missing = await hostA.get("/staff/bookings/no-such-booking");
    expect(other.status).toBe(404);
    expect(missing.status).toBe(404);
    const otherBody = await other.text();
    expect(otherBody).toBe(await missing.text());
    expect(otherBody).not.toContain("John");
  });

  it("shows a host their booking's page: contact details, status history, audit trail", async () => {
    const response = await hostA.get(`/staff/bookings/${encodeURIComponent(bookingA)}`);
    expect(response.status).toBe(200);
    const { booking } = (await response.json()) as { booking: Record<string, unknown> };
    expect(booking).toMatchObject({
      uid: bookingA,
      status: "accepted",
      title: "Pastoral conversation with Mary Attendee",
      attendees: [{ name: "Mary Attendee", email: "mary@example.net", timeZone: "Europe/London" }],
      statusHistory: [expect.objectContaining({ triggerEvent: "BOOKING_CREATED" })],
      auditTrail: [],
    });
  });

  it("shows an administrator every host's bookings", async () => {
    const { bookings } = (await (await admin.get("/staff/bookings")).json()) as { bookings: Array<{ uid: string }> };
    expect(bookings.map((booking) => booking.uid).sort()).toEqual([bookingA, bookingB].sort());
    expect((await admin.get(`/staff/bookings/${encodeURIComponent(bookingB)}`)).status).toBe(200);
  });
});

describe("access to every staff endpoint", () => {
  const endpoints = () => [
    { method: "GET", path: "/staff/session" },
    { method: "GET", path: "/staff/bookings" },
    { method: "GET", path: "/staff/booking-hosts" },
    { method: "GET", path: `/staff/bookings/${encodeURIComponent(bookingA)}` },
    { method: "GET", path: `/staff/bookings/${encodeURIComponent(bookingA)}/access-log` },
    { method: "POST", path: `/staff/people/${hostB.userId}/deactivate` },
  ];

  it("answers 401 without a session, and with a made-up session cookie", async () => {
    for (const { method, path } of endpoints()) {
      const bare = await fetch(`http://127.0.0.1:${new URL(harness.origin).port}${path}`, { method });
      expect(bare.status, `${method} ${path}`).toBe(401);
      const forged = await fetch(`http://127.0.0.1:${new URL(harness.origin).port}${path}`, {
        method,
        headers: { cookie: "churchhub-staff.session_token=forged.value" },
      });
      expect(forged.status, `${method} ${path} (forged)`).toBe(401);
    }
  });

  it("answers 403 to a host on the administrators' endpoints", async () => {
    const token = await hostA.csrfToken();
    expect((await hostA.get(`/staff/bookings/${encodeURIComponent(bookingA)}/access-log`)).status).toBe(403);
    expect((await hostA.get("/staff/booking-hosts")).status).toBe(403);
    const deactivate = await hostA.post(`/staff/people/${hostB.userId}/deactivate`, {
      "x-csrf-token": token,
      origin: harness.origin,
    });
    expect(deactivate.status).toBe(403);
  });
});

describe("changes and sessions", () => {
  it("refuses a change without the CSRF token, with another session's token, or from another origin", async () => {
    const path = `/staff/people/${hostB.userId}/deactivate`;
    const without = await admin.post(path, { origin: harness.origin });
    expect(without.status).toBe(403);
    expect(((await without.json()) as { error: { code: string } }).error.code).toBe("csrf_refused");
    const othersToken = await hostA.csrfToken();
    expect((await admin.post(path, { "x-csrf-token": othersToken, origin: harness.origin })).status).toBe(403);
    const token = await admin.csrfToken();
    expect((await admin.post(path, { "x-csrf-token": token, origin: "https://evil.example" })).status).toBe(403);
    // Nothing changed: host B still works.
    expect((await hostB.get("/staff/session")).status).toBe(200);
  });

  it("ends a deactivated person's open session at once and sends them no new link", async () => {
    const victim = await harness.signInNew("host", { calUserId: HOST_B });
    expect((await victim.get("/staff/bookings")).status).toBe(200);
    const token = await admin.csrfToken();
    const response = await admin.post(`/staff/people/${victim.userId}/deactivate`, {
      "x-csrf-token": token,
      origin: harness.origin,
    });
    expect(response.status).toBe(204);
    expect((await victim.get("/staff/bookings")).status).toBe(401);
    expect((await victim.get("/staff/session")).status).toBe(401);
    const { rows } = await harness.pool.query("SELECT count(*)::int AS n FROM staff_sessions WHERE user_id = $1", [
      victim.userId,
    ]);
    expect(rows[0].n).toBe(0);
    const again = await createSignInLinkRequest(harness, victim.email, "203.0.113.30");
    expect(again.status).toBe(200);
    const left = await harness.pool.query("SELECT count(*)::int AS n FROM staff_verifications WHERE value LIKE $1", [
      `%${victim.email}%`,
    ]);
    expect(left.rows[0].n).toBe(0);
    // Others are unaffected.
    expect((await hostB.get("/staff/session")).status).toBe(200);
  });

  it("ends the session on sign-out", async () => {
    const person = await harness.signInNew("host", { calUserId: HOST_A });
    const signOut = await person.post("/staff/auth/sign-out", { origin: harness.origin });
    expect(signOut.status).toBe(200);
    expect((await person.get("/staff/session")).status).toBe(401);
  });
});

describe("the access log", () => {
  it("records each view of a booking's personal data, with who, what, when and a sealed address", async () => {
    const before = await harness.area.accessLog.forBooking(bookingA);
    await hostA.get(`/staff/bookings/${encodeURIComponent(bookingA)}`);
    await admin.get("/staff/bookings");
    await hostA.get(`/staff/bookings/${encodeURIComponent(bookingB)}`); // 404: nothing seen, nothing logged
    const after = await harness.area.accessLog.forBooking(bookingA);
    expect(after.slice(before.length).map(({ staffUserId, action }) => ({ staffUserId, action }))).toEqual([
      { staffUserId: hostA.userId, action: "booking.view" },
      { staffUserId: admin.userId, action: "booking.list" },
    ]);
    const { rows } = await harness.pool.query(
      "SELECT client_address_encrypted FROM staff_access_log ORDER BY sequence DESC LIMIT 1",
    );
    expect(rows[0].client_address_encrypted).not.toContain("198.51.100.7");
    expect(harness.protector.openText(rows[0].client_address_encrypted, "staff_access_log.client_address")).toBe(
      "198.51.100.7",
    );
    const forAdmins = await admin.get(`/staff/bookings/${encodeURIComponent(bookingA)}/access-log`);
    expect(((await forAdmins.json()) as { entries: unknown[] }).entries.length).toBe(after.length);
  });

  it("refuses edits and deletes, and its chain verifies", async () => {
    await expect(harness.pool.query("DELETE FROM staff_access_log")).rejects.toThrow(/append-only/);
    await expect(harness.pool.query("UPDATE staff_access_log SET booking_uid = 'x'")).rejects.toThrow(/append-only/);
    const verdict = await harness.area.accessLog.verify();
    expect(verdict.intact).toBe(true);
    expect(verdict.entries).toBeGreaterThan(3);
  });

  it("names the first altered entry when someone with the database owner's rights edits one", async () => {
    const { rows } = await harness.pool.query<{ sequence: string }>(
      "SELECT sequence FROM staff_access_log ORDER BY sequence LIMIT 1 OFFSET 2",
    );
    const target = rows[0]!.sequence;
    await harness.pool.query("ALTER TABLE staff_access_log DISABLE TRIGGER staff_access_log_append_only");
    await harness.pool.query("UPDATE staff_access_log SET booking_uid = 'someone-else' WHERE sequence = $1", [target]);
    await harness.pool.query("ALTER TABLE staff_access_log ENABLE TRIGGER staff_access_log_append_only");
    const verdict = await harness.area.accessLog.verify();
    expect(verdict).toMatchObject({ intact: false, entries: 2, firstBroken: { sequence: target } });
    if (!verdict.intact) expect(verdict.firstBroken.reason).toMatch(/altered/);
  });

  it("keeps its chain (and its verdict) when the addresses are re-encrypted under a new key", async () => {
    const before = await harness.area.accessLog.verify();
    const keyring = parseKeyring(`${DEVELOPMENT_KEYRING_SPEC},rotated:${randomBytes(32).toString("base64")}`);
    const rotated = createPersonalDataProtector({
      cipher: createFieldCipher(keyring),
      blindIndexKey: DEVELOPMENT_BLIND_INDEX_KEY,
    });
    const dataSource = createDataSource({ url: harness.databaseUrl, poolSize: 2 });
    await dataSource.initialize();
    try {
      const report = await reencryptPersonalData(dataSource, rotated.cipher);
      expect(report.rewritten["staff_access_log.client_address_encrypted"]).toBeGreaterThan(0);
    } finally {
      await dataSource.destroy();
    }
    const { rows } = await harness.pool.query(
      "SELECT client_address_encrypted FROM staff_access_log ORDER BY sequence DESC LIMIT 1",
    );
    expect(rows[0].client_address_encrypted.startsWith("v1.rotated.")).toBe(true);
    const after = await createStaffAccessLog({
      pool: harness.pool,
      protector: rotated,
      clock: () => new Date(),
    }).verify();
    expect(after).toEqual(before);
  });
});
