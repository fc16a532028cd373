// Percentiles of a set of latencies (nearest-rank), rounded for the report. Requests whose outcome was
// not seen before the measurement window closed are "censored": each counts at the least latency it
// is known to have (the window's end minus its send time), and any percentile that lands on one is
// marked as a lower bound, never passed off as a measurement.

export interface LatencySummary {
  count: number;
  p50Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
  /** Requests still outstanding when the window closed (0 when all were seen). */
  censored: number;
  /** True when p50 is only a lower bound (it falls on a censored request). */
  p50IsLowerBound: boolean;
  /** True when p99 is only a lower bound. */
  p99IsLowerBound: boolean;
}

interface Sample {
  ms: number;
  censored: boolean;
}

/** Index of the nearest-rank percentile in an ascending array: the smallest value with at least p% at or below it. */
function percentileIndex(length: number, p: number): number {
  return Math.max(1, Math.ceil((p / 100) * length)) - 1;
}

const round = (value: number) => Math.round(value * 10) / 10;

/** `censoredAtLeastMs`: for each outstanding request, the latency it has at least. */
export function summarizeLatencies(
  latenciesMs: readonly number[],
  censoredAtLeastMs: readonly number[] = [],
): LatencySummary {
  const samples: Sample[] = [
    ...latenciesMs.map((ms) => ({ ms, censored: false })),
    ...censoredAtLeastMs.map((ms) => ({ ms, censored: true })),
  ];
  if (samples.length === 0)
    return {
      count: 0,
      p50Ms: null,
      p99Ms: null,
      maxMs: null,
      censored: 0,
      p50IsLowerBound: false,
      p99IsLowerBound: false,
    };
  // Ties go to the censored sample: its true value is at least as large.
  samples.sort((a, b) => a.ms - b.ms || Number(a.censored) - Number(b.censored));
  // A percentile is exact only if every censored sample sorts after it: raising their values (to the
  // unknown true ones) then cannot move it. Otherwise it is a lower bound.
  const firstCensored = samples.findIndex((sample) => sample.censored);
  const at = (p: number) => {
    const index = percentileIndex(samples.length, p);
    return { ms: round(samples[index]!.ms), lowerBound: firstCensored !== -1 && firstCensored <= index };
  };
  const p50 = at(50);
  const p99 = at(99);
  return {
    count: samples.length,
    p50Ms: p50.ms,
    p99Ms: p99.ms,
    maxMs: round(samples[samples.length - 1]!.ms),
    censored: censoredAtLeastMs.length,
    p50IsLowerBound: p50.lowerBound,
    p99IsLowerBound: p99.lowerBound,
  };
}
