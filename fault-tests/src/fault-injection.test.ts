// Issue 5, evidence 1: while a steady stream of signed deliveries runs, kill the worker mid-activity,
// stop Postgres for 20 s, stop Temporal for 20 s, and restart the api; after each fault, every delivery
// acknowledged with 2xx is in bookings and audit_logs exactly once, and every other one was answered
// 503 + Retry-After or not answered at all. One stack for the suite: each fault also proves the stack
// is whole again after the previous one. Run with `npm run test:faults`.
import { setTimeout as holdFor } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDataSource, type DataSource } from "@churchhub/database";
import { createLogger } from "@churchhub/logging";
import { holdOrganizerRow } from "./support/activity-blocker.js";
import { runFault, type FaultRunOptions, type FaultRunResult } from "./support/fault-run.js";
import { startFaultStack, type FaultStack } from "./support/fault-stack.js";
import { waitForRelayListening } from "./support/relay-listener.js";

const OUTAGE_MS = 20_000;
const ORGANIZERS = [91_001, 91_002, 91_003, 91_004, 91_005];
const LOCKED_ORGANIZER = ORGANIZERS[0]!;
const RATE_PER_SECOND = Number(process.env.FAULT_TESTS_RATE ?? 20);
const STREAM_MS = Number(process.env.FAULT_TESTS_STREAM_MS ?? 40_000);

const logger = createLogger({ level: process.env.FAULT_TESTS_LOG_LEVEL ?? "warn", name: "fault-tests" });

describe("under a steady stream of deliveries", () => {
  let stack: FaultStack;
  let verifier: DataSource;

  beforeAll(async () => {
    const started = Date.now();
    stack = await startFaultStack({
      logger,
      serviceLogLevel: process.env.FAULT_TESTS_SERVICE_LOG_LEVEL ?? "error",
      keepData: process.env.FAULT_TESTS_KEEP_DATA === "1",
    });
    verifier = createDataSource({ url: stack.databaseUrl, poolSize: 3, applicationName: "fault-tests-verifier" });
    await verifier.initialize();
    console.log(
      `[stack] Postgres, Temporal, worker and api started in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  });

  afterAll(async () => {
    await verifier?.destroy();
    await stack?.stop();
  });

  function run(fault: string, inject: () => Promise<void>): Promise<FaultRunResult> {
    const options: FaultRunOptions = {
      fault,
      stream: {
        url: `${stack.apiUrl}/webhooks/cal`,
        secret: stack.webhookSecret,
        ratePerSecond: RATE_PER_SECOND,
        cancelEvery: 5,
        organizerIds: ORGANIZERS,
        requestTimeoutMs: 30_000,
      },
      verifier,
      temporal: () => stack.temporal.client(),
      faultAtMs: 6_000,
      streamMs: STREAM_MS,
      afterRecoveryMs: 8_000,
      // Bounded by progress: activities back off up to a minute after an outage, so 90 s without a single
      // delivery persisted means stuck; a machine busy with other work drains slowly but steadily.
      drain: { stallMs: 90_000, maxMs: 480_000 },
      inject,
    };
    return runFault(options);
  }

  function expectNothingLostOrDoubled(result: FaultRunResult): void {
    const { report } = result;
    expect(report.violations).toEqual([]);
    expect(result.drain.outstanding).toBe(0);
    expect(report.missing).toBe(0);
    expect(report.duplicated).toBe(0);
    expect(report.sent).toBe(report.persisted + report.rejected + report.missing);
    expect(report.acknowledged).toBeGreaterThan(0);
    // The stack serves again after the fault, and both processes are still there.
    expect(result.acknowledgedAfterRecovery).toBeGreaterThan(0);
    expect(stack.api.isRunning()).toBe(true);
    expect(stack.worker.isRunning()).toBe(true);
  }

  it("a worker killed with SIGKILL mid-activity, then replaced, loses and doubles nothing", async () => {
    let blockedActivities = 0;
    const result = await run("worker SIGKILL", async () => {
      const held = await holdOrganizerRow(verifier, LOCKED_ORGANIZER, 15_000);
      try {
        blockedActivities = await held.blockedActivities(3, 15_000);
        await stack.worker.kill();
      } finally {
        await held.release();
      }
      await stack.worker.start();
    });
    console.log(
      `[evidence] worker SIGKILL: ${blockedActivities} activities were waiting inside Postgres when the worker was killed`,
    );
    expect(blockedActivities).toBeGreaterThanOrEqual(3);
    expect(result.acknowledgedDuringFault).toBeGreaterThan(0);
    expectNothingLostOrDoubled(result);
  });

  it("Postgres stopped for 20 s, then started on the same data, loses and doubles nothing", async () => {
    let relayListeningAfterMs = -1;
    const result = await run("Postgres down 20 s", async () => {
      await stack.postgres.stop();
      await holdFor(OUTAGE_MS);
      await stack.postgres.start();
      relayListeningAfterMs = await waitForRelayListening(verifier, 20_000);
    });
    console.log(
      `[evidence] Postgres down 20 s: the relay was LISTENing again ${relayListeningAfterMs} ms after Postgres came back`,
    );
    // While Postgres was down the api recorded deliveries by starting their workflows in Temporal.
    expect(result.acknowledgedDuringFault).toBeGreaterThan(0);
    expectNothingLostOrDoubled(result);
  });

  it("Temporal stopped for 20 s, then started on the same history, loses and doubles nothing", async () => {
    const result = await run("Temporal down 20 s", async () => {
      await stack.temporal.stop();
      await holdFor(OUTAGE_MS);
      await stack.temporal.start();
    });
    // While Temporal was down the api recorded deliveries in the Postgres inbox.
    expect(result.acknowledgedDuringFault).toBeGreaterThan(0);
    expectNothingLostOrDoubled(result);
  });

  it("the api restarted mid-stream (SIGTERM, drain, start) loses and doubles nothing", async () => {
    let exitCode: number | null = null;
    const result = await run("api restart", async () => {
      exitCode = await stack.api.stop();
      await stack.api.start();
    });
    // It drained and exited by itself rather than being killed after the grace period.
    expect(exitCode).toBe(0);
    expectNothingLostOrDoubled(result);
  });
});
