// The staff bookings list's filters against real Postgres: status and start-time range for everyone (a
// host within their own bookings), host and attendee email (through the blind index) for administrators
// only, the order, the administrators' host choices, and the 400s naming a wrong parameter.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStaffHarness, type StaffHarness, type StaffSession } from "@churchhub/test-support/staff-harness";

const HOST_A = 92_001;
const HOST_B = 92_002;
const DAY = 86_400_000;

let harness: StaffHarness;
let admin: StaffSession;
let hostA: StaffSession;
const uids: Record<"soonA" | "laterA" | "cancelledA" | "pastA" | "b", string> = {} as never;

async function seed(calUserId: number, email: string, startsInDays: number, status = "accepted"): Promise<string> {
  const uid = await harness.seedBooking({ calUserId, attendeeName: `Attendee ${email}`, attendeeEmail: email });
  const start = new Date(Date.now() + startsInDays * DAY);
  await harness.pool.query("UPDATE bookings SET start_time = $2, end_time = $3, status = $4 WHERE uid = $1", [
    uid,
    start,
    new Date(start.getTime() + 1_800_000),
    status,
  ]);
  return uid;
}

async function listed(session: StaffSession, query: string): Promise<string[]> {
  const response = await session.get(`/staff/bookings?${query}`);
  expect(response.status, `${query}: ${await response.clone().text()}`).toBe(200);
  const { bookings } = (await response.json()) as { bookings: Array<{ uid: string }> };
  return bookings.map((booking) => booking.uid);
}

beforeAll(async () => {
  harness = await startStaffHarness();
  uids.soonA = await seed(HOST_A, "ruth@example.net", 1);
  uids.laterA = await seed(HOST_A, "naomi@example.net", 10);
  uids.cancelledA = await seed(HOST_A, "ruth@example.net", 5, "cancelled");
  uids.pastA = await seed(HOST_A, "boaz@example.net", -3);
  uids.b = await seed(HOST_B, "ruth@example.net", 2);
  admin = await harness.signInNew("admin");
  hostA = await harness.signInNew("host", { calUserId: HOST_A });
});

afterAll(async () => {
  await harness?.stop();
});

describe("filters everyone may use", () => {
  it("narrows a host's own bookings by status", async () => {
    expect(await listed(hostA, "status=cancelled")).toEqual([uids.cancelledA]);
    expect((await listed(hostA, "status=accepted")).sort()).toEqual([uids.soonA, uids.laterA, uids.pastA].sort());
  });

  it("narrows by start time (from inclusive, to exclusive) and orders oldest first when asked", async () => {
    const now = new Date().toISOString();
    expect(await listed(hostA, `from=${encodeURIComponent(now)}&order=asc`)).toEqual([
      uids.soonA,
      uids.cancelledA,
      uids.laterA,
    ]);
    expect(await listed(hostA, `to=${encodeURIComponent(now)}`)).toEqual([uids.pastA]);
    const from = new Date(Date.now() + 4 * DAY).toISOString();
    const to = new Date(Date.now() + 6 * DAY).toISOString();
    expect(await listed(hostA, `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`)).toEqual([
      uids.cancelledA,
    ]);
  });

  it("lists newest first by default", async () => {
    expect(await listed(hostA, "")).toEqual([uids.laterA, uids.cancelledA, uids.soonA, uids.pastA]);
  });
});

describe("filters for administrators only", () => {
  it("lets an administrator filter by host and combine it with status", async () => {
    expect(await listed(admin, `host=${HOST_B}`)).toEqual([uids.b]);
    expect(await listed(admin, `host=${HOST_A}&status=cancelled`)).toEqual([uids.cancelledA]);
  });

  it("finds bookings by attendee email through the blind index, across hosts, whatever the letter case", async () => {
    expect((await listed(admin, "attendeeEmail=ruth%40example.net")).sort()).toEqual(
      [uids.soonA, uids.cancelledA, uids.b].sort(),
    );
    expect(await listed(admin, "attendeeEmail=Naomi%40Example.net")).toEqual([uids.laterA]);
    expect(await listed(admin, "attendeeEmail=nobody%40example.net")).toEqual([]);
  });

  it("refuses those filters to a host with 403 naming them, and lists nothing", async () => {
    const response = await hostA.get(`/staff/bookings?host=${HOST_B}&attendeeEmail=ruth%40example.net`);
    expect(response.status).toBe(403);
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toContain("host and attendeeEmail");
    expect(JSON.stringify(body)).not.toContain(uids.b);
  });

  it("gives administrators the hosts with bookings to choose from, by name", async () => {
    const response = await admin.get("/staff/booking-hosts");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      hosts: [
        { calUserId: HOST_A, username: `host-${HOST_A}`, name: `Host ${HOST_A}` },
        { calUserId: HOST_B, username: `host-${HOST_B}`, name: `Host ${HOST_B}` },
      ],
    });
  });
});

describe("wrong parameters", () => {
  it.each([
    ["status=archived", "status"],
    ["from=yesterday", "from"],
    ["from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", "to: must be later than from"],
    ["attendeeEmail=not-an-email", "attendeeEmail"],
    ["host=-1", "host"],
    ["colour=blue", "colour"],
  ])("answers 400 to %s, naming %s", async (query, named) => {
    const response = await admin.get(`/staff/bookings?${query}`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain(named);
  });
});
