// One fault run: start the stream, inject the fault once the stream is steady, keep streaming through
// the recovery, stop, wait until the acknowledged deliveries are persisted, reconcile the ledger, print.
import type { Client } from "@temporalio/client";
import type { DataSource } from "@churchhub/database";
import { formatLedgerLine, reconcileLedger, type LedgerEntry, type LedgerReport } from "./ledger.js";
import { startLoadStream, type LoadStreamOptions } from "./load-stream.js";
import { describeMissing } from "./missing-deliveries.js";
import { readPersistedState, waitUntilPersisted, type DrainLimits, type DrainOutcome } from "./persisted-deliveries.js";

export interface FaultRunOptions {
  fault: string;
  stream: LoadStreamOptions;
  /** Reads bookings and audit_logs (its own pool, outside the api and worker). */
  verifier: DataSource;
  /** The running Temporal, to say where a missing delivery is. */
  temporal: () => Client;
  /** When, into the stream, the fault starts. */
  faultAtMs: number;
  /** The stream's planned length. */
  streamMs: number;
  /** The stream keeps going at least this long after the fault is over, to show the stack recovered. */
  afterRecoveryMs: number;
  drain: DrainLimits;
  /** Breaks something and resolves once it is repaired. */
  inject(): Promise<void>;
  print?: (line: string) => void;
}

export interface FaultRunResult {
  report: LedgerReport;
  ledger: LedgerEntry[];
  drain: DrainOutcome;
  /** Acknowledged answers while the fault lasted (the api kept recording, or drained what it had). */
  acknowledgedDuringFault: number;
  /** Acknowledged answers after the fault was repaired: the stack serves again. */
  acknowledgedAfterRecovery: number;
  timings: { faultStartMs: number; faultEndMs: number; streamMs: number; totalMs: number };
}

export async function runFault(options: FaultRunOptions): Promise<FaultRunResult> {
  const print = options.print ?? ((line: string) => console.log(line));
  const stream = startLoadStream(options.stream);
  let ledger: LedgerEntry[];
  let faultStartMs = 0;
  let faultEndMs = 0;
  let faultAt = 0;
  let recoveredAt = 0;
  try {
    await stream.runningFor(options.faultAtMs);
    faultAt = Date.now();
    faultStartMs = faultAt - stream.startedAt;
    await options.inject();
    recoveredAt = Date.now();
    faultEndMs = recoveredAt - stream.startedAt;
    await stream.runningFor(Math.max(options.streamMs, faultEndMs + options.afterRecoveryMs));
  } finally {
    ledger = await stream.stop();
  }
  const streamMs = Date.now() - stream.startedAt;
  const acknowledgedAfterRecovery = stream.acknowledgedSince(recoveredAt);
  const acknowledgedDuringFault = stream.acknowledgedSince(faultAt) - acknowledgedAfterRecovery;

  const drain = await waitUntilPersisted(options.verifier, ledger, options.drain);
  const report = reconcileLedger(ledger, await readPersistedState(options.verifier, ledger));
  const totalMs = Date.now() - stream.startedAt;

  print(formatLedgerLine(options.fault, report));
  print(
    `[timing] ${options.fault}: stream ${seconds(streamMs)} at ${options.stream.ratePerSecond}/s, fault from ${seconds(faultStartMs)} to ${seconds(faultEndMs)}, ` +
      `acknowledged during it ${acknowledgedDuringFault} and after it ${acknowledgedAfterRecovery}, drained ${seconds(drain.waitedMs)} after the stream stopped` +
      `${drain.gaveUp ? ` (NOT drained, ${drain.gaveUp}: ${drain.outstanding} outstanding${drain.lastError ? `, last poll: ${drain.lastError}` : ""})` : ""}`,
  );
  for (const violation of report.violations.slice(0, 20)) print(`[violation] ${options.fault}: ${violation}`);
  if (report.missing > 0) {
    for (const line of await describeMissing(
      { dataSource: options.verifier, temporal: options.temporal() },
      report.missingEntries,
    ))
      print(`[missing] ${options.fault}: ${line}`);
  }
  return {
    report,
    ledger,
    drain,
    acknowledgedDuringFault,
    acknowledgedAfterRecovery,
    timings: { faultStartMs, faultEndMs, streamMs, totalMs },
  };
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
