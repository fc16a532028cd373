// The npm workspaces of the repository and which of them a workspace needs at run time, read from
// the package.json files (dependencies only: development ones are not in the images).
import { readFileSync } from "node:fs";
import path from "node:path";
import { repositoryRoot } from "./repository-paths.js";

interface PackageManifest {
  name: string;
  dependencies?: Record<string, string>;
  scripts?: Record<string, string>;
  bin?: string | Record<string, string>;
  workspaces?: string[];
}

export function readManifest(directory: string): PackageManifest {
  return JSON.parse(readFileSync(path.join(repositoryRoot, directory, "package.json"), "utf8")) as PackageManifest;
}

/** Workspace folder by package name, e.g. "@churchhub/api" → "api". */
export function workspaceFolders(): Map<string, string> {
  const folders = new Map<string, string>();
  for (const folder of readManifest(".").workspaces ?? []) folders.set(readManifest(folder).name, folder);
  return folders;
}

/** The given workspaces plus every workspace they depend on, directly or not (folder names). */
export function runtimeWorkspaceClosure(roots: string[]): string[] {
  const folders = workspaceFolders();
  const needed = new Set<string>();
  const visit = (folder: string) => {
    if (needed.has(folder)) return;
    needed.add(folder);
    for (const dependency of Object.keys(readManifest(folder).dependencies ?? {})) {
      const dependencyFolder = folders.get(dependency);
      if (dependencyFolder) visit(dependencyFolder);
    }
  };
  roots.forEach(visit);
  return [...needed].sort();
}
