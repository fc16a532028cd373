// Determinism: recorded workflow histories must replay against today's workflow code. The checked-in
// histories in workflows/test-histories/ were recorded from earlier versions (RECORD_WORKFLOW_HISTORIES=1
// rewrites `<name>.json` from today's code); fresh ones are recorded here too, so a change that breaks
// replay fails either way.
// Histories are encrypted by the payload codec under a fixed, public test key, so replay decodes them.
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { historyToJSON } from "@temporalio/common/lib/proto-utils.js";
import { Worker } from "@temporalio/worker";
import { projectRoot } from "@churchhub/local-stack";
import { workflowsPath } from "@churchhub/worker";
import { createDataConverter } from "@churchhub/temporal-encryption";
import { deliveries, newBookingFixture } from "@churchhub/test-support/cal-deliveries";
import { startPipeline, testProtector, type Pipeline } from "@churchhub/test-support/pipeline";

const historiesDir = path.join(projectRoot, "workflows", "test-histories");
const protector = testProtector("replay", "workflow-replay-test-key: public, never used for real data");
const dataConverter = createDataConverter(protector.cipher.keyring);
let pipeline: Pipeline;

beforeAll(async () => {
  pipeline = await startPipeline({ protector });
});
afterAll(async () => {
  await pipeline?.stop();
});

async function recordHistory(name: string, body: Record<string, unknown>): Promise<string> {
  const response = await pipeline.send(body);
  expect(response.status).toBe(202);
  const handle = await pipeline.workflowFor(response, body);
  await handle.result();
  const json = historyToJSON(await handle.fetchHistory());
  if (process.env.RECORD_WORKFLOW_HISTORIES === "1")
    await writeFile(path.join(historiesDir, `${name}.json`), `${json}\n`);
  return json;
}

describe("processCalDeliveryWorkflow replay", () => {
  it("replays freshly recorded (and encrypted) histories of a booking and a non-booking delivery", async () => {
    const fixture = newBookingFixture();
    const booking = await recordHistory("booking-created", deliveries.created(fixture));
    const ping = await recordHistory("ping", deliveries.ping());
    for (const history of [booking, ping]) {
      await expect(
        Worker.runReplayHistory({ workflowsPath, dataConverter }, JSON.parse(history)),
      ).resolves.toBeUndefined();
    }
  });

  it("replays every checked-in history", async () => {
    const files = (await readdir(historiesDir)).filter((file) => file.endsWith(".json"));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const history = JSON.parse(await readFile(path.join(historiesDir, file), "utf8"));
      await expect(Worker.runReplayHistory({ workflowsPath, dataConverter }, history), file).resolves.toBeUndefined();
    }
  });

  it("has checked-in histories of today's shape: one local activity, no patch marker", async () => {
    for (const name of ["booking-created", "ping"]) {
      const shape = shapeOf(JSON.parse(await readFile(path.join(historiesDir, `${name}.json`), "utf8")));
      expect(shape, name).toEqual(["local activity"]);
    }
  });
});

/** What a recorded history did: scheduled activities by type, patch and local-activity markers. */
function shapeOf(history: { events: Array<Record<string, any>> }): string[] {
  return history.events.flatMap((event) => {
    if (event.activityTaskScheduledEventAttributes)
      return [`activity:${event.activityTaskScheduledEventAttributes.activityType.name}`];
    const marker = event.markerRecordedEventAttributes?.markerName;
    if (marker === "core_patch") return ["patch"];
    if (marker === "core_local_activity") return ["local activity"];
    return marker ? [`marker:${marker}`] : [];
  });
}
