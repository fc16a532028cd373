// The canary test: a booking made through the Cal.com emulator with unique canary strings in the
// attendee's name, email, phone, notes and a form response must leave no trace of them in the
// database, in any workflow history Temporal exported (`temporal workflow show --output json`), or in
// any log line; yet the application, asked by an admin, returns them intact.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import type { WorkflowHandle } from "@temporalio/client";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { dumpDatabase } from "@churchhub/test-support/dump-database";
import { readJson, startPipeline, type Pipeline } from "@churchhub/test-support/pipeline";
import { createScratchDatabase } from "@churchhub/test-support/scratch-database";

const canary = randomBytes(6).toString("hex");
const CANARIES = {
  name: `Canaryname ${canary}`,
  email: `canary.${canary}@example.org`,
  phone: `+1555${parseInt(canary.slice(0, 6), 16).toString().padStart(7, "0").slice(0, 7)}`,
  notes: `Canarynotes ${canary}: grief after a loss`,
  response: `Canaryresponse ${canary}`,
};

const logLines: string[] = [];
let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
let pipeline: Pipeline;
let adminKey: string;
let bookingUid: string;
const restoreOutput: Array<() => void> = [];

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
  scratch = await createScratchDatabase("canary");
  pipeline = await startPipeline({
    databaseUrl: scratch.url,
    // The emulator delivers its signed webhooks to our api, like Cal.com would, to the platform webhook we register.
    calEmulator: { platformWebhook: true },
    logDestination: { write: (line) => void logLines.push(line) },
  });
  adminKey = (await pipeline.apiKeys.create({ name: "Canary admin", role: "admin" })).key;

  const calUrl = pipeline.cal!.running.url;
  // Wedding preparation: its booking form asks an extra question (wedding-date), our "form response".
  const eventType = pipeline.cal!.emulator.fixtures.eventTypes.find(
    (candidate) => candidate.slug === "wedding-preparation",
  )!;
  const from = new Date(Date.now() + 2 * 86_400_000).toISOString();
  const to = new Date(Date.now() + 9 * 86_400_000).toISOString();
  const slots = await readJson(
    await fetch(
      `${calUrl}/slots/available?eventTypeId=${eventType.id}&startTime=${from}&endTime=${to}&timeZone=Europe/London`,
    ),
  );
  const firstSlot = (Object.values(slots.data.slots)[0] as Array<{ time: string }>)[0]!.time;
  const booked = await fetch(`${calUrl}/bookings`, {
    method: "POST",
    headers: { "content-type": "application/json", "cal-api-version": "2024-08-13" },
    body: JSON.stringify({
      start: firstSlot,
      eventTypeId: eventType.id,
      attendee: { name: CANARIES.name, email: CANARIES.email, timeZone: "Europe/London", phoneNumber: CANARIES.phone },
      bookingFieldsResponses: { notes: CANARIES.notes, "wedding-date": CANARIES.response },
    }),
  });
  expect(booked.status).toBe(201);
  bookingUid = (await readJson(booked)).data.uid;
  const [delivery] = await pipeline.cal!.emulator.settleWebhooks();
  expect(delivery).toMatchObject({ status: 202 });

  // Once the workflow that processed the delivery has returned, the booking, its audit entry and every
  // log line of the run exist: the assertions below then look at everything there will be.
  await (await workflowOfBooking(bookingUid, 30_000)).result();
  expect(await pipeline.reader.findByUid(bookingUid)).toBeTruthy();
});

/** The workflow the relay started for this booking's delivery, once it exists (ids carry the booking uid). */
async function workflowOfBooking(uid: string, timeoutMs: number): Promise<WorkflowHandle> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for await (const execution of pipeline.client.workflow.list({ query: `TaskQueue="${pipeline.taskQueue}"` }))
      if (execution.workflowId.includes(uid)) return pipeline.client.workflow.getHandle(execution.workflowId);
    if (Date.now() > deadline) throw new Error(`no workflow for booking ${uid} started within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

afterAll(async () => {
  for (const restore of restoreOutput) restore();
  await pipeline?.stop();
  await scratch?.drop();
});

function hits(haystack: string): string[] {
  return Object.entries(CANARIES)
    .filter(([, value]) => haystack.toLowerCase().includes(value.toLowerCase()))
    .map(([field]) => field);
}

it("leaves no canary in a dump of the database", async () => {
  const dump = await dumpDatabase(scratch.url);
  expect(dump).toContain(bookingUid);
  expect(hits(dump)).toEqual([]);
});

it("leaves no canary in the JSON export of any workflow history", () => {
  const cli = inject("temporalCliPath");
  const address = inject("temporalAddress");
  const listed = execFileSync(
    cli,
    ["workflow", "list", "--address", address, "--query", `TaskQueue="${pipeline.taskQueue}"`, "--output", "json"],
    { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }, // the CLI's own warnings stay out of the test log
  );
  const ids = [
    ...new Set(
      (JSON.parse(listed) as Array<{ execution: { workflowId: string } }>).map((entry) => entry.execution.workflowId),
    ),
  ];
  expect(ids.some((id) => id.includes(bookingUid))).toBe(true);
  for (const id of ids) {
    const history = execFileSync(
      cli,
      ["workflow", "show", "--address", address, "--workflow-id", id, "--output", "json"],
      { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
    );
    expect(history.length).toBeGreaterThan(100);
    expect(hits(history), id).toEqual([]);
  }
});

it("leaves no canary in any log line", () => {
  const output = logLines.join("");
  expect(output.length).toBeGreaterThan(0);
  expect(hits(output)).toEqual([]);
});

it("returns every canary intact when an admin reads the booking through the application", async () => {
  const response = await fetch(`${pipeline.baseUrl}/admin/bookings/${bookingUid}`, {
    headers: { authorization: `Bearer ${adminKey}` },
  });
  expect(response.status).toBe(200);
  const { booking, auditTrail } = await readJson(response);
  expect(booking.attendees[0]).toMatchObject({
    name: CANARIES.name,
    email: CANARIES.email,
    phoneNumber: CANARIES.phone,
  });
  expect(JSON.stringify(booking.responses)).toContain(CANARIES.notes);
  expect(JSON.stringify(booking.responses)).toContain(CANARIES.response);
  expect(JSON.stringify(auditTrail[0].payload)).toContain(CANARIES.email);
});
