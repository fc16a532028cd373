// Whether another user (the `postgres` user a root run hands Postgres to) can reach a path: every
// directory above it must let others pass (o+x). A home directory (0700) or `mktemp -d` (0700) does not.
import { statSync } from "node:fs";
import path from "node:path";

/** A directory's mode bits, or undefined when it does not exist (yet). */
export type ModeOf = (directory: string) => number | undefined;

export const modeOnDisk: ModeOf = (directory) => {
  try {
    return statSync(directory).mode;
  } catch {
    return undefined;
  }
};

/** The first existing directory above `target` that other users cannot enter, or undefined when none. */
export function closedDirectoryAbove(target: string, modeOf: ModeOf = modeOnDisk): string | undefined {
  const directories: string[] = [];
  for (let current = path.resolve(target); path.dirname(current) !== current; current = path.dirname(current))
    directories.unshift(path.dirname(current));
  return directories.find((directory) => {
    const mode = modeOf(directory);
    return mode !== undefined && (mode & 0o001) === 0;
  });
}
