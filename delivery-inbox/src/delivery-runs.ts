// How the relay cuts what one pass claimed into workflow runs (pure, so it is tested on its own).
import { inEventOrderPerBooking, type CalDelivery } from "@churchhub/contracts";

/**
 * The claimed rows as runs: grouped by booking in event order, cut into as few runs as the bound allows,
 * of even size (61 rows at 25 a run are runs of 21, 21 and 19, not 25, 25 and 11).
 */
export function intoRuns<T extends { delivery: CalDelivery }>(rows: readonly T[], maxPerRun: number): T[][] {
  if (rows.length === 0) return [];
  const byDelivery = new Map(rows.map((row) => [row.delivery, row]));
  const ordered = inEventOrderPerBooking(rows.map((row) => row.delivery)).map((delivery) => byDelivery.get(delivery)!);
  const size = Math.ceil(ordered.length / Math.ceil(ordered.length / maxPerRun));
  const runs: T[][] = [];
  for (let start = 0; start < ordered.length; start += size) runs.push(ordered.slice(start, start + size));
  return runs;
}
