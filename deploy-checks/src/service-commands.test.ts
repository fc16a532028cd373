// Each compose service runs the same command as `npm run dev` and the tests do, and every variable
// docker-compose.yml reads is documented in .env.example.
//
// The dev stack's commands are read from local-stack's source (its entry points are not exported; either
// quote style is accepted).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadComposeProject, type ComposeProject } from "./compose-validator.js";
import { readDockerfileStages, stageEnvironment } from "./dockerfile-stages.js";
import { composeFile, composeTestEnvFile, dockerfile, envExampleFile, repositoryRoot } from "./repository-paths.js";
import { readManifest } from "./workspaces.js";

const readSource = (file: string) => readFileSync(path.join(repositoryRoot, file), "utf8");

/** The arguments `tsxCommand(entry)` gives node, e.g. ['--import', 'tsx', '<entry>'] (local-stack/src/child-service.ts). */
function devStackNodeArguments(entry: string): string[] {
  const source = readSource("local-stack/src/child-service.ts");
  const body = /export function tsxCommand\(entry: string\)[^{]*\{\s*return \[process\.execPath, \[([^\]]*)\]\];/.exec(
    source,
  );
  if (!body)
    throw new Error(
      "local-stack/src/child-service.ts: tsxCommand no longer has the shape `return [process.execPath, [...]]`",
    );
  return body[1]!
    .split(",")
    .map((item) => item.trim())
    .map((item) => (item === "entry" ? entry : item.replace(/^["'](.*)["']$/, "$1")));
}

/** The entry file `npm run dev` starts a service from (local-stack/src/start-local-stack.ts). */
function devStackEntry(service: string): string {
  const source = readSource("local-stack/src/start-local-stack.ts");
  const call = new RegExp(`startService\\(["']${service}["'],\\s*["']([^"']+)["']`).exec(source);
  if (!call) throw new Error(`local-stack/src/start-local-stack.ts does not start a service named ${service}`);
  return call[1]!;
}

let project: ComposeProject;
const stages = readDockerfileStages(dockerfile);

beforeAll(async () => {
  project = await loadComposeProject(composeFile, composeTestEnvFile);
}, 600_000);

describe("the compose services run what the dev stack and the tests run", () => {
  it.each(["api", "worker"])("%s: node with the arguments and entry point the dev stack uses", (service) => {
    const entry = devStackEntry(service);
    expect(project.services[service]!.command).toEqual(["node", ...devStackNodeArguments(entry)]);
  });

  it("migrate: the entry point of `npm run db:migrate`, through the same tsx loader", () => {
    const script = readManifest(".").scripts?.["db:migrate"] ?? "";
    const entry = /^tsx (\S+\.ts)$/.exec(script)?.[1];
    expect(entry, `db:migrate is "${script}"`).toBeDefined();
    expect(project.services.migrate!.command).toEqual(["node", ...devStackNodeArguments(entry!)]);
  });

  it.each(["api", "worker", "migrate"])("%s: its entry file exists and is in the backend image", (service) => {
    const entry = project.services[service]!.command!.at(-1)!;
    expect(existsSync(path.join(repositoryRoot, entry)), entry).toBe(true);
    expect(stages.find((stage) => stage.name === "backend")!.contextCopies).toContain(entry.split("/")[0]);
  });

  it("web: its own server (web/package.json's start script), copied into the image beside next's build", () => {
    const [node, script, ...scriptArguments] = (readManifest("web").scripts?.start ?? "")
      .split(/\s+/)
      .filter((word) => !word.includes("="));
    const [composeNode, composeScript, ...composeArguments] = project.services.web!.command!;
    expect([composeNode, composeScript]).toEqual([node, script]);
    expect(composeArguments.slice(0, scriptArguments.length)).toEqual(scriptArguments);
    const web = stages.find((stage) => stage.name === "web")!;
    expect(web.workdir).toBe("/app/web");
    expect(existsSync(path.join(repositoryRoot, "web", script!)), script).toBe(true);
    expect(web.contextCopies).toContain(`web/${script}`);
  });

  it("web: the image sets the environment web/package.json's start script sets", () => {
    const assignments = (readManifest("web").scripts?.start ?? "").split(/\s+/).filter((word) => word.includes("="));
    const environment = stageEnvironment(stages, "web");
    for (const assignment of assignments) {
      const [name, value] = assignment.split("=");
      expect(environment[name!], name).toBe(value);
    }
  });
});

describe(".env.example", () => {
  it("documents every variable docker-compose.yml reads", () => {
    const compose = readFileSync(composeFile, "utf8");
    const used = new Set([...compose.matchAll(/(?<!\$)\$\{([A-Za-z_][A-Za-z0-9_]*)/g)].map((match) => match[1]!));
    const documented = new Set(
      [...readFileSync(envExampleFile, "utf8").matchAll(/^([A-Za-z_][A-Za-z0-9_]*)=/gm)].map((match) => match[1]!),
    );
    expect([...used].filter((name) => !documented.has(name))).toEqual([]);
  });
});
