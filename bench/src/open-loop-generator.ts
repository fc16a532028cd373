// Open-loop load: request i is due at start + i/rate whatever happened to earlier requests, and its
// latency is measured from that scheduled time, so neither a slow server nor a slow generator can hide
// queueing (no coordinated omission). Keep-alive sockets, enough of them for the offered rate.
import { Agent, request } from "node:http";
import { performance } from "node:perf_hooks";
import { summarizeLatencies, type LatencySummary } from "./latency-stats.js";
import type { SignedDelivery } from "./signed-deliveries.js";

export interface OpenLoopOptions {
  url: string;
  /** Requests per second offered. */
  rate: number;
  deliveries: readonly SignedDelivery[];
  /** Give up on an answer after this long: counted as not acknowledged (Cal.com would see a failure). */
  timeoutMs?: number;
  maxSockets?: number;
  /** Called with each acknowledged delivery and its scheduled wall-clock time (for end-to-end latency). */
  onAcknowledged?: (delivery: SignedDelivery, scheduledAtEpochMs: number) => void;
}

export type Outcome = "acknowledged" | "rejected" | "no-answer";

export interface OpenLoopResult {
  offeredRate: number;
  sent: number;
  acknowledged: number;
  /** Answered, but not 2xx. */
  rejected: number;
  /** Connection error or timeout. */
  noAnswer: number;
  statusCounts: Record<string, number>;
  /** Acknowledged per second over the phase: from the first scheduled send to the last answer. */
  acksPerSecond: number;
  /** From scheduled send time to the answer, acknowledged requests only. */
  ackLatency: LatencySummary;
  /** How late the generator actually sent, p99/max: a sanity check on the generator itself. */
  sendLag: LatencySummary;
  /** Every delivery's outcome, in send order (for the ledger). */
  outcomes: Outcome[];
}

export async function runOpenLoop(options: OpenLoopOptions): Promise<OpenLoopResult> {
  const { deliveries, rate } = options;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const agent = new Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 256 });
  const target = new URL(options.url);
  const intervalMs = 1000 / rate;
  const outcomes: Outcome[] = new Array(deliveries.length);
  const latencies: number[] = [];
  const sendLags: number[] = [];
  const statusCounts: Record<string, number> = {};
  let lastAnswerAt = 0;
  let pending = deliveries.length;
  let allDone!: () => void;
  const finished = new Promise<void>((resolve) => (allDone = resolve));

  const start = performance.now() + 20;
  const epochOffset = Date.now() - performance.now();

  function settle(index: number, outcome: Outcome, status: string, scheduledAt: number): void {
    const now = performance.now();
    outcomes[index] = outcome;
    statusCounts[status] = (statusCounts[status] ?? 0) + 1;
    lastAnswerAt = Math.max(lastAnswerAt, now);
    if (outcome === "acknowledged") {
      latencies.push(now - scheduledAt);
      options.onAcknowledged?.(deliveries[index]!, scheduledAt + epochOffset);
    }
    if (--pending === 0) allDone();
  }

  function send(index: number, scheduledAt: number): void {
    sendLags.push(performance.now() - scheduledAt);
    const delivery = deliveries[index]!;
    let settled = false;
    const once = (outcome: Outcome, status: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      settle(index, outcome, status, scheduledAt);
    };
    // A deadline on the whole exchange, including any wait for a free socket.
    const deadline = setTimeout(() => req.destroy(new Error("timeout")), timeoutMs);
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: "POST",
        headers: delivery.headers,
        agent,
      },
      (res) => {
        res.resume();
        res.on("end", () => {
          const code = res.statusCode ?? 0;
          once(code >= 200 && code < 300 ? "acknowledged" : "rejected", String(code));
        });
        res.on("error", () => once("no-answer", "response-error"));
      },
    );
    req.on("error", (error) => once("no-answer", error.message === "timeout" ? "timeout" : "connection-error"));
    req.end(delivery.body);
  }

  let next = 0;
  while (next < deliveries.length) {
    const now = performance.now();
    while (next < deliveries.length && start + next * intervalMs <= now) {
      send(next, start + next * intervalMs);
      next++;
    }
    if (next < deliveries.length) {
      const wait = start + next * intervalMs - performance.now();
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, wait)));
    }
  }
  await finished;
  agent.destroy();

  const acknowledged = outcomes.filter((outcome) => outcome === "acknowledged").length;
  const elapsedSeconds = (lastAnswerAt - start) / 1000;
  return {
    offeredRate: rate,
    sent: deliveries.length,
    acknowledged,
    rejected: outcomes.filter((outcome) => outcome === "rejected").length,
    noAnswer: outcomes.filter((outcome) => outcome === "no-answer").length,
    statusCounts,
    acksPerSecond: Math.round(acknowledged / elapsedSeconds),
    ackLatency: summarizeLatencies(latencies),
    sendLag: summarizeLatencies(sendLags),
    outcomes,
  };
}

/** What one offered rate came to, as the sweeps and the report keep it (without each request's outcome). */
export type RateResult = Omit<OpenLoopResult, "outcomes"> & {
  seconds: number;
  observed?: Record<string, unknown>;
  /** CPU milliseconds each process spent per acknowledged delivery (from the probe's CPU seconds). */
  cpuMsPerAck?: Record<string, number>;
};
