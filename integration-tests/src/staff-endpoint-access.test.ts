// Access to every staff endpoint, enumerated from the OpenAPI document (so a new one cannot be left out):
// without a session, or with a made-up cookie, each answers 401; a host asking for an administrators'
// endpoint (marked `x-staff-role: admin` in the document) gets 403, and for anything else at most their own scope (another
// host's booking, questionnaire or event types are 404). An administrator passes the checks of every one of them but
// those marked `x-staff-role: host` (a host's own profile), where the answer is 403.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@churchhub/api";
import { RECONCILIATION_SCHEDULE_ID } from "@churchhub/contracts";
import { deliveries, newBookingFixture } from "@churchhub/test-support/cal-deliveries";
import { startPipeline, type Pipeline } from "@churchhub/test-support/pipeline";
import type { StaffSession } from "@churchhub/test-support/staff-sessions";

interface Operation {
  method: string;
  /** As documented, e.g. /staff/bookings/{uid}. */
  template: string;
  adminOnly: boolean;
  hostOnly: boolean;
}

/** Every /staff operation the api documents (Better Auth's own /staff/auth routes are not ours). */
function staffOperations(): Operation[] {
  const document = buildOpenApiDocument() as {
    paths: Record<string, Record<string, { "x-staff-role"?: string }>>;
  };
  return Object.entries(document.paths)
    .filter(([path]) => path.startsWith("/staff/"))
    .flatMap(([template, operations]) =>
      Object.entries(operations).map(([method, operation]) => ({
        method: method.toUpperCase(),
        template,
        adminOnly: operation["x-staff-role"] === "admin",
        hostOnly: operation["x-staff-role"] === "host",
      })),
    );
}

let pipeline: Pipeline;
let admin: StaffSession;
let host: StaffSession;
let othersBooking: string;
const HOST_CAL_USER = 93_001;
/** Another Cal.com user than the host's. */
const OTHER_CAL_USER = 93_002;

beforeAll(async () => {
  pipeline = await startPipeline({ staff: true });
  // A booking of another Cal.com user than the host's, processed as every booking is.
  const fixture = newBookingFixture();
  const body = deliveries.created(fixture, "2026-11-21T09:00:00.000Z");
  const accepted = await pipeline.send(body);
  await pipeline.processed(accepted, body);
  othersBooking = fixture.uid;
  admin = await pipeline.staff!.signInNew("admin");
  host = await pipeline.staff!.signInNew("host", { calUserId: HOST_CAL_USER });
});
afterAll(async () => {
  await pipeline?.stop();
});

/** The operation's path with its parameters filled in: someone else's booking, a person, a key, a schedule. */
function pathOf(template: string): string {
  const values: Record<string, string> = {
    uid: othersBooking,
    id: template.startsWith("/staff/admin/staff") ? admin.userId : randomUUID(),
    scheduleId: RECONCILIATION_SCHEDULE_ID,
    calUserId: String(OTHER_CAL_USER),
    eventTypeId: "9001",
    noteId: randomUUID(),
    linkId: "no-such-link",
  };
  return template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = values[name];
    if (!value) throw new Error(`no test value for the path parameter {${name}} of ${template}: add one here`);
    return encodeURIComponent(value);
  });
}

async function statusOf(response: Promise<Response>): Promise<number> {
  const answer = await response;
  await answer.arrayBuffer();
  return answer.status;
}

describe("every staff endpoint", () => {
  it("is enumerated from the OpenAPI document, administrators' screens included and marked", () => {
    const operations = staffOperations().map(({ method, template }) => `${method} ${template}`);
    expect(
      staffOperations()
        .filter(({ template }) => template.startsWith("/staff/admin/"))
        .every((operation) => operation.adminOnly),
    ).toBe(true);
    expect(operations).toEqual(
      expect.arrayContaining([
        "GET /staff/session",
        "GET /staff/bookings/{uid}",
        "GET /staff/admin/hosts",
        "POST /staff/admin/staff",
        "POST /staff/admin/staff/{id}/deactivate",
        "DELETE /staff/admin/api-keys/{id}",
        "POST /staff/admin/reconciliation/{scheduleId}/run",
        "GET /staff/admin/access-log",
      ]),
    );
  });

  it("answers 401 without a session, and with a made-up session cookie", async () => {
    for (const { method, template } of staffOperations()) {
      const url = `${pipeline.baseUrl}${pathOf(template)}`;
      expect(await statusOf(fetch(url, { method })), `${method} ${template}`).toBe(401);
      const forged = fetch(url, { method, headers: { cookie: "churchhub-staff.session_token=forged.value" } });
      expect(await statusOf(forged), `${method} ${template} (forged)`).toBe(401);
    }
  });

  it("answers 403 to a host on the administrators' endpoints, and 404 outside their scope elsewhere", async () => {
    for (const { method, template, adminOnly } of staffOperations()) {
      const path = pathOf(template);
      const status = await statusOf(method === "GET" ? host.get(path) : host.change(method as "POST", path, {}));
      const what = `${method} ${template}`;
      if (adminOnly) expect(status, what).toBe(403);
      // Someone else's booking, questionnaire or host: as if it did not exist (or the empty body is refused first).
      else if (template.includes("{")) expect(method === "GET" ? [404] : [400, 404], what).toContain(status);
      else if (method === "GET") expect(status, what).toBe(200);
      else expect([400, 409], what).toContain(status);
    }
  });

  it("lets an administrator past the session, role and CSRF checks of every one but a host's own", async () => {
    for (const { method, template, hostOnly } of staffOperations()) {
      const path = pathOf(template);
      const status = await statusOf(method === "GET" ? admin.get(path) : admin.change(method as "POST", path, {}));
      if (hostOnly) expect(status, `${method} ${template}`).toBe(403);
      else expect([401, 403], `${method} ${template} answered ${status}`).not.toContain(status);
    }
  });
});
