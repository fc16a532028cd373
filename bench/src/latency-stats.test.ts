import { describe, expect, it } from "vitest";
import { summarizeLatencies } from "./latency-stats.js";

describe("summarizeLatencies", () => {
  it("takes nearest-rank percentiles of what was seen", () => {
    const summary = summarizeLatencies(Array.from({ length: 100 }, (_, index) => index + 1));
    expect(summary).toMatchObject({
      count: 100,
      p50Ms: 50,
      p99Ms: 99,
      maxMs: 100,
      censored: 0,
      p50IsLowerBound: false,
      p99IsLowerBound: false,
    });
  });

  it("keeps a percentile exact when every request still outstanding sorts after it", () => {
    const summary = summarizeLatencies(
      Array.from({ length: 99 }, () => 10),
      [500],
    );
    expect(summary).toMatchObject({
      p50Ms: 10,
      p50IsLowerBound: false,
      p99Ms: 10,
      p99IsLowerBound: false,
      censored: 1,
    });
  });

  it("marks a percentile as a lower bound when an outstanding request could raise it", () => {
    const summary = summarizeLatencies([10, 20, 30], [15, 15]);
    expect(summary).toMatchObject({ p50Ms: 15, p50IsLowerBound: true, p99IsLowerBound: true });
  });

  it("reports nothing for nothing", () => {
    expect(summarizeLatencies([])).toMatchObject({ count: 0, p50Ms: null, p99Ms: null });
  });
});
