// `npm run staff:invite` and `npm run access-log:verify`, run as processes against a test database and
// a real local SMTP server: the invitation link is printed and mailed and signs the person in; the
// verifier says the chain holds, and after an edit names the entry (exit code 1).
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkIn, projectRoot } from "@churchhub/local-stack";
import { startStaffHarness, type StaffHarness } from "@churchhub/test-support/staff-harness";

let harness: StaffHarness;
let databaseUrl: string;

beforeAll(async () => {
  harness = await startStaffHarness();
  databaseUrl = harness.databaseUrl;
});
afterAll(async () => {
  await harness?.stop();
});

function run(script: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", script, ...args],
      {
        cwd: projectRoot,
        env: {
          PATH: process.env.PATH,
          NODE_ENV: "development",
          DATABASE_URL: databaseUrl,
          SMTP_URL: harness.smtpUrl,
          STAFF_PUBLIC_URL: harness.origin,
        },
        timeout: 60_000,
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

const invite = (args: string[]) => run("api/src/staff/invite/invite-command.ts", args);
const verify = () => run("api/src/staff/access-log/verify-command.ts", []);

describe("npm run staff:invite", () => {
  it("creates an administrator, prints a one-time link and mails the same link", async () => {
    const email = `first-admin-${randomUUID().slice(0, 8)}@example.org`;
    const result = await invite(["--email", email, "--role", "admin"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const printed = result.stdout.trim().split("\n").at(-1)!;
    expect(printed.startsWith(`${harness.origin}/staff/auth/magic-link/verify?token=`)).toBe(true);
    const mail = await harness.inbox.waitForLatest(email);
    expect(linkIn(mail, "/staff/auth/magic-link/verify")).toBe(printed);
    const signedIn = await harness.followSignInLink(printed);
    expect(signedIn.cookie).not.toBeNull();
    const { rows } = await harness.pool.query("SELECT role, cal_user_id FROM staff_users WHERE email = $1", [email]);
    expect(rows).toEqual([{ role: "admin", cal_user_id: null }]);
  });

  it("links a host to the Cal.com user of that username", async () => {
    await harness.seedBooking({ calUserId: 93_001, attendeeName: "Someone", attendeeEmail: "someone@example.net" });
    const email = `host-${randomUUID().slice(0, 8)}@example.org`;
    const result = await invite(["--email", email, "--role", "host", "--host", "host-93001"]);
    expect(result.code).toBe(0);
    const { rows } = await harness.pool.query("SELECT role, cal_user_id FROM staff_users WHERE email = $1", [email]);
    expect(rows).toEqual([{ role: "host", cal_user_id: 93_001 }]);
  });

  it("refuses a host username nobody knows, creating nothing", async () => {
    const email = `host-${randomUUID().slice(0, 8)}@example.org`;
    const result = await invite(["--email", email, "--role", "host", "--host", "no-such-host"]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('no Cal.com user "no-such-host" is known');
    const { rows } = await harness.pool.query("SELECT count(*)::int AS n FROM staff_users WHERE email = $1", [email]);
    expect(rows[0].n).toBe(0);
  });
});

describe("npm run access-log:verify", () => {
  it("says the chain holds, then names the first entry someone edited", async () => {
    const admin = await harness.signInNew("admin");
    const uid = await harness.seedBooking({
      calUserId: 93_002,
      attendeeName: "Viewed",
      attendeeEmail: "v@example.net",
    });
    for (let view = 0; view < 3; view += 1) await admin.get(`/staff/bookings/${encodeURIComponent(uid)}`);
    const intact = await verify();
    expect(intact.code).toBe(0);
    expect(intact.stdout).toContain("Access log intact: 3 entries");

    const { rows } = await harness.pool.query<{ sequence: string }>(
      "SELECT sequence FROM staff_access_log ORDER BY sequence OFFSET 1 LIMIT 1",
    );
    await harness.pool.query("ALTER TABLE staff_access_log DISABLE TRIGGER staff_access_log_append_only");
    await harness.pool.query("DELETE FROM staff_access_log WHERE sequence = $1", [rows[0]!.sequence]);
    await harness.pool.query("ALTER TABLE staff_access_log ENABLE TRIGGER staff_access_log_append_only");
    const broken = await verify();
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(
      /Access log BROKEN at entry \d+: its previous_hash is not the hash of the entry before it/,
    );
    expect(broken.stderr).toContain("The 1 entries before it verify");
  });
});
