import { describe, expect, it } from "vitest";
import { createRunningWorkflowsGate } from "./running-workflows-gate.js";

function gateWith(running: () => number | Promise<number>, options: { limit?: number; intervalMs?: number } = {}) {
  let clock = 0;
  let counts = 0;
  const failures: unknown[] = [];
  const gate = createRunningWorkflowsGate({
    limit: options.limit ?? 100,
    minCountIntervalMs: options.intervalMs ?? 250,
    countRunning: async () => {
      counts++;
      return running();
    },
    onCountFailed: (error) => failures.push(error),
    now: () => clock,
  });
  return { gate, counts: () => counts, failures, advance: (ms: number) => (clock += ms) };
}

describe("running workflows gate", () => {
  it("does not ask Temporal while the relay has started fewer than half the limit", async () => {
    const { gate, counts } = gateWith(() => 0);
    expect(await gate.room()).toBe(100);
    gate.started(49);
    expect(await gate.room()).toBe(51);
    expect(counts()).toBe(0);
  });

  it("asks near the limit and leaves only the room Temporal reports", async () => {
    const { gate, counts } = gateWith(() => 90);
    gate.started(60);
    expect(await gate.room()).toBe(10);
    expect(counts()).toBe(1);
  });

  it("asks at most once per interval, counting its own starts in between", async () => {
    const { gate, counts, advance } = gateWith(() => 95);
    gate.started(60);
    expect(await gate.room()).toBe(5);
    gate.started(5);
    expect(await gate.room()).toBe(0);
    expect(counts()).toBe(1);
    advance(250);
    expect(await gate.room()).toBe(5);
    expect(counts()).toBe(2);
  });

  it("opens again when the running workflows finish", async () => {
    let running = 120;
    const { gate, advance } = gateWith(() => running);
    gate.started(120);
    expect(await gate.room()).toBeLessThanOrEqual(0);
    running = 10;
    advance(250);
    expect(await gate.room()).toBe(90);
  });

  it("fails open when the count cannot be had, and reports it once per streak", async () => {
    const { gate, failures, advance } = gateWith(() => Promise.reject(new Error("visibility unavailable")));
    gate.started(80);
    expect(await gate.room()).toBe(100);
    gate.started(80);
    advance(250);
    expect(await gate.room()).toBe(100);
    expect(failures).toHaveLength(1);
  });
});
