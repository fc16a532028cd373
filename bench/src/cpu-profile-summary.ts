// Summarises V8 CPU profiles (node --cpu-prof, as `BENCH_CPU_PROFILE=1 npm run bench` records for the api
// and the worker): where the process spent its own CPU time, by package and by function.
// Usage: tsx bench/src/cpu-profile-summary.ts <file.cpuprofile>...
import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
}

/** Which package (or our workspace folder, or Node itself) a script URL belongs to. */
function packageOf(url: string): string {
  if (!url) return "(native/V8)";
  if (url.startsWith("node:")) return "node:internal";
  const modules = url.lastIndexOf("/node_modules/");
  if (modules !== -1) {
    const rest = url.slice(modules + "/node_modules/".length).split("/");
    return rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const workspace = /\/work\/[^/]+\/([^/]+)\//.exec(url) ?? /\/([^/]+)\/src\//.exec(url);
  return workspace ? `ours: ${workspace[1]}` : url;
}

export function summarizeProfile(profile: CpuProfile, top = 12): string {
  const totalSamples = profile.samples.length;
  const hits = new Map<number, number>();
  for (const id of profile.samples) hits.set(id, (hits.get(id) ?? 0) + 1);
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let idle = 0;
  for (const node of profile.nodes) {
    const count = hits.get(node.id) ?? 0;
    if (count === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === "(idle)" || functionName === "(program)" || functionName === "(garbage collector)") {
      if (functionName === "(idle)") idle += count;
      else byPackage.set(functionName, (byPackage.get(functionName) ?? 0) + count);
      continue;
    }
    byPackage.set(packageOf(url), (byPackage.get(packageOf(url)) ?? 0) + count);
    const name = `${functionName || "(anonymous)"} ${url.split("/").slice(-2).join("/")}:${lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + count);
  }
  const busy = totalSamples - idle;
  const seconds = (profile.endTime - profile.startTime) / 1e6;
  const share = (count: number) => `${((count / Math.max(busy, 1)) * 100).toFixed(1).padStart(5)}%`;
  const list = (map: Map<string, number>) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, count]) => `    ${share(count)}  ${name}`);
  return [
    `  ${seconds.toFixed(0)} s profiled, busy ${((busy / Math.max(totalSamples, 1)) * 100).toFixed(0)}% of samples; self time of the busy samples by package:`,
    ...list(byPackage),
    "  by function:",
    ...list(byFunction),
  ].join("\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  for (const file of process.argv.slice(2)) {
    process.stdout.write(`${file}\n${summarizeProfile(JSON.parse(await readFile(file, "utf8")) as CpuProfile)}\n`);
  }
}
