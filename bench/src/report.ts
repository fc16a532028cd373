// Turns the figures into the printed table, the target verdicts and bench/results/latest.json.
import { rename, writeFile } from "node:fs/promises";
import type { InsertCeilingResult } from "./baselines/insert-ceiling.js";
import type { BurstResult } from "./burst-drain.js";
import type { EndToEndResult } from "./end-to-end-latency.js";
import type { FinalDrain } from "./final-drain.js";
import type { LatencySummary } from "./latency-stats.js";
import type { Ledger } from "./ledger.js";
import type { RateResult } from "./open-loop-generator.js";

export interface BenchFigures {
  date: string;
  machine: {
    cpus: number;
    node: string;
    loadAverageBefore: number[];
    loadAverageAfter: number[];
    pipelineNiceness: number;
    /** `dev`: temporal server start-dev (SQLite in memory, 1 shard); `server`: official server on Postgres. */
    temporal: "dev" | "server";
  };
  secondsPerRate: { ours: number; baselines: number };
  baseline: { bareEndpoint: RateResult[]; insertCeiling: InsertCeilingResult[] };
  seedPeer: RateResult[];
  ours: {
    acks: RateResult[];
    /** Light load into an idle pipeline (10/s): what one person waits for on an ordinary day. */
    lightLoad: EndToEndResult & { ackLatency: LatencySummary; observed: Record<string, unknown> };
    endToEnd: EndToEndResult & { observed: Record<string, unknown> };
    burst: BurstResult & { observed: Record<string, unknown> };
    /** After the last phase: until everything acknowledged was processed. */
    finalDrain: FinalDrain & { observed: Record<string, unknown> };
    inboxRowBytes: number | null;
  };
  ledger: Ledger;
}

export interface Verdict {
  target: string;
  measured: string;
  met: boolean;
}

const fmt = (value: number | null | undefined) =>
  value === null || value === undefined ? "—" : value.toLocaleString("en-US");
const p50 = (summary: LatencySummary) => `${summary.p50IsLowerBound ? "≥ " : ""}${fmt(summary.p50Ms)}`;
const p99 = (summary: LatencySummary) => `${summary.p99IsLowerBound ? "≥ " : ""}${fmt(summary.p99Ms)}`;

/** The highest acknowledged rate our api reached in the run (a fixed rate or the burst). */
export function ackCapacity(figures: BenchFigures): number {
  return Math.max(figures.ours.burst.acksPerSecond, ...figures.ours.acks.map((result) => result.acksPerSecond));
}

export function insertCeiling(figures: BenchFigures): number {
  return Math.max(
    ...figures.baseline.insertCeiling.filter((result) => !result.withNotify).map((result) => result.insertsPerSecond),
  );
}

export function judgeTargets(figures: BenchFigures): Verdict[] {
  const at1000 = figures.ours.acks.find((result) => result.offeredRate === 1000);
  const ceiling = insertCeiling(figures);
  const capacity = ackCapacity(figures);
  const e2e = figures.ours.endToEnd;
  const burst = figures.ours.burst;
  const seedAt1000 = figures.seedPeer.find((result) => result.offeredRate === 1000);
  const light = figures.ours.lightLoad;
  return [
    {
      target: "acks at 1,000/s offered: all acknowledged, p99 ≤ 250 ms, more acks/s than the seed peer",
      measured: at1000
        ? `${fmt(at1000.acknowledged)}/${fmt(at1000.sent)} acked, ${fmt(at1000.acksPerSecond)} acks/s (seed peer ${fmt(seedAt1000?.acksPerSecond)}), p99 ${fmt(at1000.ackLatency.p99Ms)} ms`
        : "not run",
      met: Boolean(
        at1000 &&
          at1000.acknowledged === at1000.sent &&
          (at1000.ackLatency.p99Ms ?? Infinity) <= 250 &&
          at1000.acksPerSecond > (seedAt1000?.acksPerSecond ?? 0),
      ),
    },
    {
      target: `end-to-end at ${light.offeredRate}/s: p50 ≤ 150 ms, p99 ≤ 500 ms`,
      measured: `p50 ${p50(light.toCommittedRow)} ms, p99 ${p99(light.toCommittedRow)} ms`,
      met:
        light.allArrived &&
        (light.toCommittedRow.p50Ms ?? Infinity) <= 150 &&
        !light.toCommittedRow.p99IsLowerBound &&
        (light.toCommittedRow.p99Ms ?? Infinity) <= 500,
    },
    {
      target: "ack capacity ≥ ½ the durable-insert ceiling",
      measured: `${fmt(capacity)} acks/s at best vs ceiling ${fmt(ceiling)} inserts/s (½ = ${fmt(Math.round(ceiling / 2))})`,
      met: capacity >= ceiling / 2,
    },
    {
      target: `end-to-end p99 ≤ 1 s at ${e2e.offeredRate}/s`,
      measured: `p50 ${p50(e2e.toCommittedRow)} ms, p99 ${p99(e2e.toCommittedRow)} ms`,
      met: e2e.allArrived && !e2e.toCommittedRow.p99IsLowerBound && (e2e.toCommittedRow.p99Ms ?? Infinity) <= 1000,
    },
    {
      target: `burst of ${fmt(burst.events)} drained at ≥ 300 events/s`,
      measured: `${fmt(burst.drainedEventsPerSecond)} events/s (${burst.drained ? `drained in ${burst.drainSeconds} s` : `not drained; all would take ~${fmt(burst.drainSeconds)} s`})`,
      met: burst.drained && burst.drainedEventsPerSecond >= 300,
    },
  ];
}

/** `server`: the process answering (its CPU per ack is shown, and Postgres's where it writes). */
function rateRows(label: string, server: string, results: readonly RateResult[]): string[] {
  return results.map((result) => {
    const cpu = result.cpuMsPerAck;
    const cpuText = cpu ? `${cpu[server] ?? "—"}${cpu.postgres ? ` + ${cpu.postgres}` : ""}` : "—";
    return [
      label.padEnd(34),
      fmt(result.offeredRate).padStart(9),
      fmt(result.acksPerSecond).padStart(9),
      fmt(result.ackLatency.p50Ms).padStart(9),
      fmt(result.ackLatency.p99Ms).padStart(9),
      `${fmt(result.rejected + result.noAnswer)}/${fmt(result.sent)}`.padStart(14),
      cpuText.padStart(16),
    ].join(" ");
  });
}

function ledgerLines(ledger: Ledger): string[] {
  const lines = [
    `ledger: sent ${fmt(ledger.sent)} = persisted ${fmt(ledger.persisted)} + rejected ${fmt(ledger.rejected)} + missing ${fmt(ledger.missing)}` +
      `   (duplicated ${fmt(ledger.duplicated)}; not acknowledged but written anyway ${fmt(ledger.rejectedButPersisted)})`,
  ];
  if (!ledger.void) lines.push("ledger holds: every acknowledged delivery is in bookings and audit_logs exactly once.");
  else {
    lines.push(
      `THE RUN IS VOID: ${fmt(ledger.missing)} acknowledged deliveries are not in bookings/audit_logs${ledger.duplicated ? `, ${fmt(ledger.duplicated)} are doubled` : ""}.`,
    );
    if (ledger.missing > 0) {
      lines.push(
        `  of the missing, ${fmt(ledger.missingButQueued)} are still queued (their inbox rows exist: recorded, not yet processed when the drain window closed) ` +
          `and ${fmt(ledger.missingLost)} are nowhere (lost).`,
      );
    }
  }
  return lines;
}

/** One line from what a phase probe observed: CPU per process, Postgres waits, Temporal's view. */
export function describeObserved(observed: Record<string, unknown>): string {
  const parts: string[] = [];
  const cores = observed.coresUsed as Record<string, number> | undefined;
  if (cores)
    parts.push(
      `cores ${Object.entries(cores)
        .map(([name, value]) => `${name} ${value}`)
        .join(", ")}`,
    );
  const waits = observed.postgresWaits as { activeShares: Record<string, number>; averageActive: number } | undefined;
  if (waits) {
    const top = Object.entries(waits.activeShares)
      .slice(0, 3)
      .map(([wait, share]) => `${wait} ${Math.round(share * 100)}%`);
    parts.push(`Postgres time of its sessions (avg ${waits.averageActive} active): ${top.join(", ")}`);
  }
  const temporal = observed.temporal as
    | {
        workflowsCompleted: number;
        firstWorkflowTaskWaitMs: number | null;
        persistenceOperationsPerWorkflow: number | null;
        persistenceAverageMs: number | null;
      }
    | undefined;
  if (temporal) {
    parts.push(
      `Temporal: ${fmt(temporal.workflowsCompleted)} workflows completed, a new workflow's first task waited ${fmt(temporal.firstWorkflowTaskWaitMs)} ms on average, ` +
        `${fmt(temporal.persistenceOperationsPerWorkflow)} persistence operations per completed workflow at ${fmt(temporal.persistenceAverageMs)} ms each`,
    );
  }
  if (observed.inboxNotYetRelayed !== undefined)
    parts.push(`inbox rows not yet relayed ${fmt(observed.inboxNotYetRelayed as number)}`);
  return parts.join(" | ");
}

export function renderReport(figures: BenchFigures, verdicts: readonly Verdict[]): string {
  const { ours, baseline, ledger, machine } = figures;
  const e2e = ours.endToEnd;
  const burst = ours.burst;
  const lines = [
    "",
    `ChurchHub Booking benchmark — ${figures.date}`,
    `machine: ${machine.cpus} CPUs, Node ${machine.node}; load average (1/5/15 min) before ${machine.loadAverageBefore.join(" ")}, after ${machine.loadAverageAfter.join(" ")}` +
      (machine.pipelineNiceness
        ? `; worker and Temporal at nice ${machine.pipelineNiceness} (the api first)`
        : "; api, worker and Temporal at the same priority") +
      (machine.temporal === "server"
        ? "; Temporal: official server on Postgres, 4 history shards"
        : "; Temporal: dev server (SQLite in memory, 1 history shard)"),
    `seconds per offered rate: ours ${figures.secondsPerRate.ours}, baselines ${figures.secondsPerRate.baselines}; latency from each request's scheduled send time`,
    "",
    `${"ack path".padEnd(34)} ${"offered/s".padStart(9)} ${"acked/s".padStart(9)} ${"p50 ms".padStart(9)} ${"p99 ms".padStart(9)} ${"not acked".padStart(14)} ${"CPU ms/ack (+pg)".padStart(16)}`,
    ...rateRows("baseline: bare verify + 202", "bare-endpoint", baseline.bareEndpoint),
    ...rateRows("seed peer: writes in the request", "seed-peer", figures.seedPeer),
    ...rateRows("ours: verify, parse, inbox insert", "api", ours.acks),
    "",
    `durable-insert ceiling (single-row INSERT + commit of a ${fmt(baseline.insertCeiling[0]?.bodyBytes)}-byte delivery; our inbox rows average ${fmt(ours.inboxRowBytes)} bytes):`,
    ...baseline.insertCeiling.map(
      (result) =>
        `  ${String(result.clients).padStart(2)} clients${result.withNotify ? " + pg_notify in the same statement (our earlier inbox insert)" : ""}: ${fmt(result.insertsPerSecond)} inserts/s`,
    ),
    `end-to-end at ${ours.lightLoad.offeredRate}/s for ${ours.lightLoad.seconds} s into an idle pipeline (polled every ${ours.lightLoad.pollIntervalMs} ms): ` +
      `p50 ${p50(ours.lightLoad.toCommittedRow)} ms, p99 ${p99(ours.lightLoad.toCommittedRow)} ms; its acks p50 ${fmt(ours.lightLoad.ackLatency.p50Ms)} ms, p99 ${fmt(ours.lightLoad.ackLatency.p99Ms)} ms`,
    `end-to-end at ${e2e.offeredRate}/s for ${e2e.seconds} s, delivery → committed booking row (polled every ${e2e.pollIntervalMs} ms): ` +
      `p50 ${p50(e2e.toCommittedRow)} ms, p99 ${p99(e2e.toCommittedRow)} ms` +
      (e2e.allArrived
        ? ""
        : ` (${fmt(e2e.toCommittedRow.censored)} rows not there ${e2e.windowAfterLastSendSeconds} s after the last send: "≥" marks lower bounds)`),
    `burst of ${fmt(burst.events)}: acknowledged in ${burst.ackSeconds} s (${fmt(burst.acksPerSecond)} acks/s); ` +
      (burst.drained
        ? `drained in ${burst.drainSeconds} s → ${fmt(burst.drainedEventsPerSecond)} events/s`
        : `not drained in ${burst.seconds} s (${fmt(burst.rowsCommitted)} of its rows committed; the pipeline committed ${fmt(burst.pipelineRowsCommitted)} rows, older ones first) → ${fmt(burst.drainedEventsPerSecond)} events/s; all would take ~${fmt(burst.drainSeconds)} s`),
    `final drain after the rate sweep: ${fmt(ours.finalDrain.outstandingAtStart)} acknowledged deliveries outstanding; ` +
      (ours.finalDrain.drained
        ? `all processed in ${ours.finalDrain.seconds} s`
        : `${fmt(ours.finalDrain.outstandingAtEnd)} still outstanding after ${ours.finalDrain.seconds} s`) +
      ` (${fmt(ours.finalDrain.eventsPerSecond)} events/s)`,
    "",
    ...ledgerLines(ledger),
    "",
    "targets:",
    ...verdicts.map((verdict) => `  [${verdict.met ? "met" : "MISSED"}] ${verdict.target}: ${verdict.measured}`),
    "",
    "where the time went:",
    `  light load: ${describeObserved(ours.lightLoad.observed)}`,
    `  end-to-end phase: ${describeObserved(e2e.observed)}`,
    `  burst: ${describeObserved(burst.observed)}`,
    `  final drain: ${describeObserved(ours.finalDrain.observed)}`,
    ...ours.acks.map((result) => `  ours at ${fmt(result.offeredRate)}/s: ${describeObserved(result.observed ?? {})}`),
    "",
  ];
  return lines.join("\n");
}

/** Written through a .tmp file and renamed, so an interrupted run never leaves half a result. */
export async function writeResults(file: string, figures: BenchFigures, verdicts: readonly Verdict[]): Promise<void> {
  const { ledger } = figures;
  const json = {
    sent: ledger.sent,
    persisted: ledger.persisted,
    rejected: ledger.rejected,
    missing: ledger.missing,
    void: ledger.void,
    loadAverage: { before: figures.machine.loadAverageBefore, after: figures.machine.loadAverageAfter },
    summary: {
      ackCapacityPerSecond: ackCapacity(figures),
      insertCeilingPerSecond: insertCeiling(figures),
      endToEndAt10: {
        p50Ms: figures.ours.lightLoad.toCommittedRow.p50Ms,
        p99Ms: figures.ours.lightLoad.toCommittedRow.p99Ms,
        p99IsLowerBound: figures.ours.lightLoad.toCommittedRow.p99IsLowerBound,
      },
      endToEndAt200: {
        p50Ms: figures.ours.endToEnd.toCommittedRow.p50Ms,
        p99Ms: figures.ours.endToEnd.toCommittedRow.p99Ms,
        p99IsLowerBound: figures.ours.endToEnd.toCommittedRow.p99IsLowerBound,
      },
      burstDrainedEventsPerSecond: figures.ours.burst.drainedEventsPerSecond,
      finalDrain: {
        seconds: figures.ours.finalDrain.seconds,
        drained: figures.ours.finalDrain.drained,
        eventsPerSecond: figures.ours.finalDrain.eventsPerSecond,
      },
    },
    targets: verdicts,
    ...figures,
  };
  await writeFile(`${file}.tmp`, `${JSON.stringify(json, null, 2)}\n`);
  await rename(`${file}.tmp`, file);
}
