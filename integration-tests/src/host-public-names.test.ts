// Hosts' short public names: chosen in the staff area (a host their own, an administrator any host's),
// checked (characters, length, reserved words, uniqueness across every name ever used and hosts' Cal.com
// usernames), kept with their history; and the api's host lookup finding a host by any of them.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHostPublicNames } from "@churchhub/api";
import { readJson, startPipeline, type Pipeline } from "@churchhub/test-support/pipeline";
import { startStaffHarness, type StaffHarness, type StaffSession } from "@churchhub/test-support/staff-harness";

const HOST_A = 92_001;
const HOST_B = 92_002;

describe("choosing a public name in the staff area", () => {
  let harness: StaffHarness;
  let admin: StaffSession;
  let hostA: StaffSession;
  let hostB: StaffSession;

  beforeAll(async () => {
    harness = await startStaffHarness();
    // Bookings make both hosts known (users rows, with Cal.com usernames host-92001 and host-92002).
    await harness.seedBooking({ calUserId: HOST_A, attendeeName: "Ann", attendeeEmail: "ann@example.net" });
    await harness.seedBooking({ calUserId: HOST_B, attendeeName: "Ben", attendeeEmail: "ben@example.net" });
    admin = await harness.signInNew("admin");
    hostA = await harness.signInNew("host", { calUserId: HOST_A });
    hostB = await harness.signInNew("host", { calUserId: HOST_B });
  });

  afterAll(async () => {
    await harness?.stop();
  });

  async function put(
    session: StaffSession,
    path: string,
    name: unknown,
    csrf: "with-token" | "without" = "with-token",
  ) {
    const headers: Record<string, string> = { cookie: session.cookie, "content-type": "application/json" };
    if (csrf === "with-token") headers["x-csrf-token"] = await session.csrfToken();
    const response = await fetch(`${harness.apiUrl}${path}`, {
      method: "PUT",
      headers,
      body: JSON.stringify({ name }),
    });
    return { status: response.status, body: await readJson(response) };
  }

  it("lets a host choose their name, and shows it back with the booking path", async () => {
    const chosen = await put(hostA, "/staff/profile/public-name", "  Anna-Test ");
    expect(chosen).toEqual({
      status: 200,
      body: { publicName: "anna-test", previousNames: [], bookingPath: "/book/anna-test" },
    });
    const read = await hostA.get("/staff/profile/public-name");
    expect(await readJson(read)).toEqual(chosen.body);
  });

  it.each([
    ["a", /at least 2/],
    ["x".repeat(41), /at most 40/],
    ["anna_b", /lowercase letters a-z, digits and hyphens/],
    ["-anna", /starts and ends/],
    ["staff", /used by the site itself/],
    ["admin", /used by the site itself/],
    ["book", /used by the site itself/],
  ])("refuses %j with a 400 saying why", async (name, message) => {
    const refused = await put(hostB, "/staff/profile/public-name", name);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(message);
  });

  it("refuses a name another host has, had, or uses as their Cal.com username (409)", async () => {
    expect((await put(hostB, "/staff/profile/public-name", "anna-test")).status).toBe(409);
    expect((await put(hostB, "/staff/profile/public-name", `host-${HOST_A}`)).status).toBe(409);
    // Host A moves on; the old name still leads to host A, so it stays theirs.
    expect((await put(hostA, "/staff/profile/public-name", "anna")).body.previousNames).toEqual(["anna-test"]);
    const taken = await put(hostB, "/staff/profile/public-name", "anna-test");
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatchObject({ code: "public_name_taken" });
    expect(taken.body.error.message).toContain("anna-test");
  });

  it("keeps the history and lets a host take an earlier name of their own back", async () => {
    const back = await put(hostA, "/staff/profile/public-name", "anna-test");
    expect(back.body).toEqual({ publicName: "anna-test", previousNames: ["anna"], bookingPath: "/book/anna-test" });
    const { rows } = await harness.pool.query(
      "SELECT name, retired_at IS NULL AS current FROM host_public_names WHERE cal_user_id = $1 ORDER BY name",
      [HOST_A],
    );
    expect(rows).toEqual([
      { name: "anna", current: false },
      { name: "anna-test", current: true },
    ]);
  });

  it("refuses a change without the CSRF token", async () => {
    expect((await put(hostB, "/staff/profile/public-name", "benjamin", "without")).status).toBe(403);
    expect(await readJson(await hostB.get("/staff/profile/public-name"))).toMatchObject({ publicName: null });
  });

  it("lets an administrator name any known host, and no one else use the administrators' endpoint", async () => {
    const named = await put(admin, `/staff/hosts/${HOST_B}/public-name`, "ben");
    expect(named).toEqual({ status: 200, body: { publicName: "ben", previousNames: [], bookingPath: "/book/ben" } });
    expect(await readJson(await hostB.get("/staff/profile/public-name"))).toMatchObject({ publicName: "ben" });
    expect((await admin.get(`/staff/hosts/${HOST_A}/public-name`)).status).toBe(200);
    expect((await put(admin, "/staff/hosts/99999999/public-name", "nobody")).status).toBe(404);
    expect((await put(hostA, `/staff/hosts/${HOST_B}/public-name`, "hijack")).status).toBe(403);
    expect((await admin.get("/staff/profile/public-name")).status).toBe(403);
  });
});

describe("finding a host by public name", () => {
  let pipeline: Pipeline;
  let pool: pg.Pool;
  const asWebServer = () => ({ headers: { authorization: `Bearer ${pipeline.webServerToken}` } });

  beforeAll(async () => {
    pipeline = await startPipeline({ calEmulator: {}, staff: true });
    pool = new pg.Pool({ connectionString: pipeline.databaseUrl, max: 2 });
  });

  afterAll(async () => {
    await pool?.end();
    await pipeline?.stop();
  });

  it("answers for the current name, an earlier one and the Cal.com username, each naming the current name", async () => {
    const [anna, other] = pipeline.cal!.emulator.fixtures.managedUsers;
    const names = createHostPublicNames(pool);
    const suffix = Date.now().toString(36);
    await names.choose({ calUserId: anna!.id, name: `first-${suffix}`, chosenBy: "test" });
    await names.choose({ calUserId: anna!.id, name: `anna-${suffix}`, chosenBy: "test" });

    for (const asked of [`anna-${suffix}`, `first-${suffix}`, anna!.username, anna!.username.toUpperCase()]) {
      const response = await fetch(`${pipeline.baseUrl}/hosts/${asked}`, asWebServer());
      expect(response.status, asked).toBe(200);
      expect(await readJson(response)).toMatchObject({ username: anna!.username, publicName: `anna-${suffix}` });
    }
    const unnamed = await readJson(await fetch(`${pipeline.baseUrl}/hosts/${other!.username}`, asWebServer()));
    expect(unnamed).toMatchObject({ username: other!.username, publicName: null });
    expect((await fetch(`${pipeline.baseUrl}/hosts/nobody-${suffix}`, asWebServer())).status).toBe(404);
  });

  it("lists every bookable host publicly: name, public name and page path, nothing personal", async () => {
    const response = await fetch(`${pipeline.baseUrl}/public/hosts`);
    expect(response.status).toBe(200);
    const { hosts } = (await readJson(response)) as {
      hosts: Array<{ name: string; publicName: string | null; path: string }>;
    };
    const managed = pipeline.cal!.emulator.fixtures.managedUsers;
    expect(hosts.map((host) => host.name).sort()).toEqual(managed.map((user) => user.name).sort());
    for (const host of hosts) {
      expect(Object.keys(host).sort()).toEqual(["name", "path", "publicName"]);
      expect(host.path).toBe(`/book/${host.publicName ?? managed.find((user) => user.name === host.name)!.username}`);
    }
    const text = JSON.stringify(hosts);
    for (const user of managed) expect(text).not.toContain(user.email);
  });
});
