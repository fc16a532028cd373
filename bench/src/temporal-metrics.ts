// Reads the Temporal server's own Prometheus metrics over a phase: how long tasks on our queue waited
// before a worker took them (schedule-to-start; a new workflow's first task waits on the normal queue,
// later ones on the worker's sticky queue), how many workflows completed, and what the server's
// persistence did for them (operations, their average latency, the busiest operations).

export interface TemporalServerActivity {
  workflowsCompleted: number;
  firstWorkflowTaskWaitMs: number | null;
  laterWorkflowTaskWaitMs: number | null;
  persistenceOperations: number;
  persistenceOperationsPerWorkflow: number | null;
  persistenceAverageMs: number | null;
  /** Persistence operations per completed workflow, busiest first. */
  busiestPersistenceOperations: Record<string, number>;
}

type Sample = { name: string; labels: string; value: number };

function parse(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const brace = line.indexOf("{");
    const space = line.lastIndexOf(" ");
    samples.push({
      name: brace === -1 ? line.slice(0, space) : line.slice(0, brace),
      labels: brace === -1 ? "" : line.slice(brace, space),
      value: Number(line.slice(space + 1)),
    });
  }
  return samples;
}

function label(labels: string, key: string): string | undefined {
  return new RegExp(`${key}="([^"]*)"`).exec(labels)?.[1];
}

interface Counters {
  normal: [number, number];
  sticky: [number, number];
  completed: number;
  persistence: [number, number];
  byOperation: Map<string, number>;
}

async function read(metricsUrl: string, taskQueue: string): Promise<Counters> {
  const samples = parse(await (await fetch(metricsUrl)).text());
  const queue = taskQueue.replace(/-/g, "_");
  const sum = (name: string, where: (labels: string) => boolean) =>
    samples.filter((s) => s.name === name && where(s.labels)).reduce((total, s) => total + s.value, 0);
  const onQueue = (partition: string) => (labels: string) =>
    label(labels, "taskqueue") === queue &&
    label(labels, "partition") === partition &&
    label(labels, "task_type") === "Workflow";
  const ours = (labels: string) => label(labels, "namespace") !== "temporal_system";
  const byOperation = new Map<string, number>();
  for (const s of samples) {
    if (s.name === "persistence_requests" && ours(s.labels)) {
      const operation = label(s.labels, "operation") ?? "?";
      byOperation.set(operation, (byOperation.get(operation) ?? 0) + s.value);
    }
  }
  return {
    normal: [
      sum("task_schedule_to_start_latency_sum", onQueue("__normal__")),
      sum("task_schedule_to_start_latency_count", onQueue("__normal__")),
    ],
    sticky: [
      sum("task_schedule_to_start_latency_sum", onQueue("__sticky__")),
      sum("task_schedule_to_start_latency_count", onQueue("__sticky__")),
    ],
    completed: sum("workflow_success", (labels) => label(labels, "namespace") === "default"),
    persistence: [sum("persistence_latency_sum", ours), sum("persistence_latency_count", ours)],
    byOperation,
  };
}

/** Starts a measurement; the returned function reports what happened since. */
export async function measureTemporalServer(
  metricsUrl: string,
  taskQueue: string,
): Promise<() => Promise<TemporalServerActivity>> {
  const before = await read(metricsUrl, taskQueue);
  return async () => {
    const after = await read(metricsUrl, taskQueue);
    const averageMs = (pair: "normal" | "sticky" | "persistence") => {
      const count = after[pair][1] - before[pair][1];
      return count > 0 ? Math.round(((after[pair][0] - before[pair][0]) / count) * 10_000) / 10 : null;
    };
    const completed = after.completed - before.completed;
    const operations = after.persistence[1] - before.persistence[1];
    const perWorkflow = (count: number) => (completed > 0 ? Math.round((count / completed) * 10) / 10 : count);
    const busiest = [...after.byOperation.entries()]
      .map(([operation, count]) => [operation, count - (before.byOperation.get(operation) ?? 0)] as const)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([operation, count]) => [operation, perWorkflow(count)]);
    return {
      workflowsCompleted: completed,
      firstWorkflowTaskWaitMs: averageMs("normal"),
      laterWorkflowTaskWaitMs: averageMs("sticky"),
      persistenceOperations: operations,
      persistenceOperationsPerWorkflow: completed > 0 ? perWorkflow(operations) : null,
      persistenceAverageMs: averageMs("persistence"),
      busiestPersistenceOperations: Object.fromEntries(busiest),
    };
  };
}
