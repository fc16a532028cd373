// Reads a Dockerfile's build stages well enough for the deploy checks: each stage's name and base,
// what it copies from the build context, and the environment it sets. Not a full parser: it knows the
// instructions our Dockerfile uses (FROM, COPY, ENV, USER, WORKDIR) in their plain forms.
import { readFileSync } from "node:fs";

export interface DockerfileStage {
  name: string;
  base: string;
  /** Sources of COPY instructions that read the build context (not --from another stage). */
  contextCopies: string[];
  /** ENV set in this stage (not inherited ones). */
  environment: Record<string, string>;
  /** The last USER and WORKDIR set in this stage, if any. */
  user?: string;
  workdir?: string;
}

/** Instructions with line continuations joined, comments and blank lines dropped. */
function instructions(text: string): string[] {
  const joined = text
    .split("\n")
    .filter((line) => !line.trimStart().startsWith("#"))
    .join("\n")
    .replace(/\\\n/g, " ");
  return joined
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

function parseEnvironment(argumentsText: string): Record<string, string> {
  const environment: Record<string, string> = {};
  for (const match of argumentsText.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|\S*)/g)) {
    environment[match[1]!] = match[2]!.replace(/^"|"$/g, "");
  }
  return environment;
}

export function parseDockerfileStages(text: string): DockerfileStage[] {
  const stages: DockerfileStage[] = [];
  for (const instruction of instructions(text)) {
    const [keyword = "", ...rest] = instruction.split(/\s+/);
    const upper = keyword.toUpperCase();
    if (upper === "FROM") {
      const asIndex = rest.findIndex((word) => word.toUpperCase() === "AS");
      const base = rest.filter((word) => !word.startsWith("--"))[0] ?? "";
      stages.push({
        name: asIndex >= 0 ? (rest[asIndex + 1] ?? "") : String(stages.length),
        base,
        contextCopies: [],
        environment: {},
      });
      continue;
    }
    const stage = stages.at(-1);
    if (!stage) continue;
    if (upper === "COPY" && !rest.some((word) => word.startsWith("--from="))) {
      const paths = rest.filter((word) => !word.startsWith("--"));
      stage.contextCopies.push(...paths.slice(0, -1));
    } else if (upper === "ENV") {
      Object.assign(stage.environment, parseEnvironment(rest.join(" ")));
    } else if (upper === "USER") {
      stage.user = rest[0];
    } else if (upper === "WORKDIR") {
      stage.workdir = rest[0];
    }
  }
  return stages;
}

export function readDockerfileStages(file: string): DockerfileStage[] {
  return parseDockerfileStages(readFileSync(file, "utf8"));
}

/** A stage's environment including what it inherits from the stages it is built FROM. */
export function stageEnvironment(stages: DockerfileStage[], name: string): Record<string, string> {
  const stage = stages.find((candidate) => candidate.name === name);
  if (!stage) throw new Error(`no stage named ${name}`);
  const parent = stages.some((candidate) => candidate.name === stage.base) ? stageEnvironment(stages, stage.base) : {};
  return { ...parent, ...stage.environment };
}
