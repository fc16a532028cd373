// CPU time used by the stack's processes (Linux /proc), so each phase can say who was busy: the api,
// the worker, Temporal, or Postgres (the postmaster and all its backends).
import { readdirSync, readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

interface ProcStat {
  ppid: number;
  /** user + system seconds of the process itself. */
  cpuSeconds: number;
}

function readStat(pid: number): ProcStat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name may contain spaces; fields after the closing parenthesis are fixed.
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return {
      ppid: Number(fields[1]),
      cpuSeconds:
        (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND,
    };
  } catch {
    return undefined;
  }
}

/** CPU seconds of a process and (optionally) its live children, including children that already exited. */
function cpuSecondsOf(pid: number, withChildren: boolean): number {
  let total = readStat(pid)?.cpuSeconds ?? 0;
  if (!withChildren) return total;
  for (const entry of readdirSync("/proc")) {
    const child = Number(entry);
    if (!Number.isInteger(child)) continue;
    const stat = readStat(child);
    if (stat?.ppid === pid) total += stat.cpuSeconds;
  }
  return total;
}

export interface TrackedProcess {
  name: string;
  pid: number;
  withChildren?: boolean;
}

export interface CpuUse {
  /** Average cores each process used over the measurement. */
  coresUsed: Record<string, number>;
  /** CPU seconds each process used over the measurement. */
  cpuSeconds: Record<string, number>;
}

/** Starts a measurement; the returned function gives each process's CPU use since then. */
export function startCpuMeasurement(processes: readonly TrackedProcess[]): () => CpuUse {
  const startedAt = performance.now();
  const before = processes.map((tracked) => cpuSecondsOf(tracked.pid, tracked.withChildren ?? false));
  return () => {
    const seconds = (performance.now() - startedAt) / 1000;
    const used = processes.map(
      (tracked, index) => cpuSecondsOf(tracked.pid, tracked.withChildren ?? false) - before[index]!,
    );
    return {
      coresUsed: Object.fromEntries(
        processes.map((tracked, index) => [tracked.name, Math.round((used[index]! / seconds) * 100) / 100]),
      ),
      cpuSeconds: Object.fromEntries(
        processes.map((tracked, index) => [tracked.name, Math.round(used[index]! * 100) / 100]),
      ),
    };
  };
}
