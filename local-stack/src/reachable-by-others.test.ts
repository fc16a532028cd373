// closedDirectoryAbove decides whether a root run must move Postgres's binaries or data elsewhere.
import { describe, expect, it } from "vitest";
import { closedDirectoryAbove, type ModeOf } from "./reachable-by-others.js";

const modes =
  (table: Record<string, number>): ModeOf =>
  (directory) =>
    table[directory];

describe("closedDirectoryAbove", () => {
  it("finds a home directory that others cannot enter", () => {
    const modeOf = modes({ "/": 0o40755, "/root": 0o40700, "/root/ci-check": 0o40755 });
    expect(closedDirectoryAbove("/root/ci-check/node_modules/pkg", modeOf)).toBe("/root");
  });

  it("finds the outermost closed directory (a private temporary directory inside a closed one)", () => {
    const modeOf = modes({ "/": 0o40755, "/home": 0o40755, "/home/ada": 0o40750, "/home/ada/tmp.x": 0o40700 });
    expect(closedDirectoryAbove("/home/ada/tmp.x/repo", modeOf)).toBe("/home/ada");
  });

  it("passes directories others may enter without listing them (o+x only) and sticky ones like /tmp", () => {
    const modeOf = modes({ "/": 0o40755, "/srv": 0o40711, "/tmp": 0o41777 });
    expect(closedDirectoryAbove("/srv/repo/.data", modeOf)).toBeUndefined();
    expect(closedDirectoryAbove("/tmp/run/postgres", modeOf)).toBeUndefined();
  });

  it("ignores directories that do not exist yet (they will be created open) and does not judge the target itself", () => {
    const modeOf = modes({ "/": 0o40755, "/var": 0o40755, "/var/tmp/cache": 0o40700 });
    expect(closedDirectoryAbove("/var/tmp/cache", modeOf)).toBeUndefined();
  });
});
