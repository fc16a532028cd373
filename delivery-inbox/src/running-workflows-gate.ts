// Back-pressure for the relay: how many more delivery workflows it may start now. Without it the relay
// hands Temporal the whole inbox at once; the server then spends itself accepting starts and holding
// thousands of runs it cannot keep in its caches (the bench saw a new run's first task wait minutes and
// each run cost several times the storage operations), while the rows would wait as well in the inbox,
// durably and for free. So the relay keeps the running delivery workflows of its task queue under a
// limit, and deliveries queue in Postgres instead.
//
// The count comes from Temporal's visibility store, which is shared by all workers (so several relays
// respect one limit) and rate-limited per namespace: it is asked only near the limit, and at most once
// per interval. If it cannot be asked, the relay carries on as if there were room (failing open keeps
// the pipeline moving; the limit is an optimisation, not a guarantee).

interface RunningWorkflowsGateOptions {
  /** Delivery workflows currently running on the relay's task queue. */
  countRunning: () => Promise<number>;
  limit: number;
  /** The least time between two counts. */
  minCountIntervalMs: number;
  /** Told when counting fails (once per failure streak). */
  onCountFailed?: (error: unknown) => void;
  now?: () => number;
}

export function createRunningWorkflowsGate(options: RunningWorkflowsGateOptions) {
  const now = options.now ?? (() => performance.now());
  let lastCount = 0;
  let startedSinceCount = 0;
  let countedAt = -Infinity;
  let failing = false;

  return {
    /** How many workflows may be started now (0 or less: none; wait `minCountIntervalMs`). */
    async room(): Promise<number> {
      const estimate = lastCount + startedSinceCount;
      // Far from the limit, or asked a moment ago: the estimate is good enough.
      if (estimate < options.limit / 2 || now() - countedAt < options.minCountIntervalMs)
        return options.limit - estimate;
      countedAt = now();
      try {
        lastCount = await options.countRunning();
        failing = false;
      } catch (error) {
        if (!failing) options.onCountFailed?.(error);
        failing = true;
        lastCount = 0;
      }
      startedSinceCount = 0;
      return options.limit - lastCount;
    },
    /** Workflows the relay has just started (not yet in the count, which lags a little). */
    started(count: number): void {
      startedSinceCount += count;
    },
  };
}
