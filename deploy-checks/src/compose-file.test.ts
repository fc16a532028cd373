// docker-compose.yml, checked with compose-go (the Compose Specification's reference implementation)
// since no Docker engine runs here: it is valid, it refuses to start without its secrets, and it
// keeps the promises the README makes (start-up order, health checks, scaling workers).
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELIVERY_SEARCH_ATTRIBUTES, searchAttributeSpecs } from "@churchhub/contracts";
import { ensureComposeValidator, validateComposeFile, type ComposeProject } from "./compose-validator.js";
import { readDockerfileStages } from "./dockerfile-stages.js";
import { composeFile, composeTestEnvFile, dockerfile, repositoryRoot } from "./repository-paths.js";

function readEnvFile(file: string): Map<string, string> {
  const entries = readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => /^[A-Za-z_][A-Za-z0-9_]*=/.test(line))
    .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)] as const);
  return new Map(entries);
}

/** Services that run once and exit (restart "no"), as opposed to long-running ones. */
function oneShotJobs(project: ComposeProject): string[] {
  return Object.keys(project.services).filter((name) => project.services[name]!.restart === "no");
}

let project: ComposeProject;
let validation: Awaited<ReturnType<typeof validateComposeFile>>;
let scratch: string;

beforeAll(async () => {
  await ensureComposeValidator(); // the first run builds it with Go (about a minute)
  // Validated once; the first test reports the verdict, the others read the project when it is valid.
  validation = await validateComposeFile(composeFile, composeTestEnvFile);
  if (validation.valid) project = validation.project;
  scratch = await mkdtemp(path.join(tmpdir(), "compose-check-"));
}, 600_000);

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe("docker-compose.yml, loaded by compose-go", () => {
  it("is a valid Compose file: schema, interpolation and consistency checks all pass", async () => {
    expect(validation.valid ? "valid" : validation.problems).toBe("valid");
  });

  it("would be rejected with a key the Compose schema does not know (the validator really checks)", async () => {
    const original = readFileSync(composeFile, "utf8");
    const broken = original.replace(/^(\s+)command: (\["node", "--import", "tsx", "worker)/m, "$1comand: $2");
    expect(broken).not.toBe(original);
    const brokenFile = path.join(scratch, "docker-compose.yml");
    await writeFile(brokenFile, broken);

    const result = await validateComposeFile(brokenFile, composeTestEnvFile);

    expect(result.valid).toBe(false);
    expect(result.valid ? "" : result.problems).toMatch(/services\.worker\.comand/);
  });

  it.each([...readEnvFile(composeTestEnvFile).keys()])("refuses to start without %s, naming it", async (variable) => {
    const withoutIt = [...readEnvFile(composeTestEnvFile)]
      .filter(([name]) => name !== variable)
      .map(([name, value]) => `${name}=${value}`);
    const envFile = path.join(scratch, `without-${variable}.env`);
    await writeFile(envFile, `${withoutIt.join("\n")}\n`);

    const result = await validateComposeFile(composeFile, envFile);

    expect(result.valid ? "" : result.problems).toContain(`required variable ${variable} is missing a value`);
  });

  it("writes no secret into the file: every password, secret, key and token comes from the environment", () => {
    const placeholders = [...readEnvFile(composeTestEnvFile).values()];
    const literal: string[] = [];
    for (const [serviceName, service] of Object.entries(project.services)) {
      for (const [name, value] of Object.entries(service.environment ?? {})) {
        const secretLike = /(PASSWORD|PWD|SECRET|KEY|KEYS|TOKEN)$/.test(name);
        if (secretLike && value && !placeholders.some((placeholder) => value.includes(placeholder)))
          literal.push(`${serviceName}.${name}`);
      }
    }
    expect(literal).toEqual([]);
  });

  it("gives every long-running service a health check and a restart policy", () => {
    const lacking = Object.entries(project.services)
      .filter(([name]) => !oneShotJobs(project).includes(name))
      .filter(
        ([, service]) =>
          !service.healthcheck?.test ||
          service.healthcheck.disable ||
          !["always", "unless-stopped"].includes(service.restart ?? ""),
      )
      .map(([name]) => name);
    expect(lacking).toEqual([]);
  });

  it("starts a service after a one-shot job only once the job has finished successfully", () => {
    const jobs = oneShotJobs(project);
    const wrongConditions = Object.entries(project.services).flatMap(([name, service]) =>
      Object.entries(service.depends_on ?? {})
        .filter(
          ([dependency, { condition }]) => jobs.includes(dependency) && condition !== "service_completed_successfully",
        )
        .map(([dependency, { condition }]) => `${name} → ${dependency}: ${condition}`),
    );
    expect(jobs).toEqual(
      expect.arrayContaining(["migrate", "temporal-schema", "temporal-namespace", "temporal-search-attributes"]),
    );
    expect(wrongConditions).toEqual([]);
  });

  it("runs the migration job before the api and the worker", () => {
    for (const name of ["api", "worker"]) {
      expect(project.services[name]!.depends_on?.migrate?.condition, name).toBe("service_completed_successfully");
    }
  });

  it("lets `docker compose up --scale worker=N` run several workers: no container name, no published port", () => {
    expect(project.services.worker!.container_name).toBeUndefined();
    expect(project.services.worker!.ports ?? []).toEqual([]);
  });

  it("names no container, so two stacks (or scaled services) never collide", () => {
    expect(
      Object.entries(project.services)
        .filter(([, service]) => service.container_name)
        .map(([name]) => name),
    ).toEqual([]);
  });

  it("pins every image it pulls to a version", () => {
    const unpinned = Object.values(project.services)
      .filter((service) => !service.build && service.image)
      .map((service) => service.image!)
      .filter((image) => !/:[\w.-]+$/.test(image) || image.endsWith(":latest"));
    expect(unpinned).toEqual([]);
  });

  it("builds every project image from a stage of the Dockerfile", () => {
    const stages = readDockerfileStages(dockerfile).map((stage) => stage.name);
    const built = Object.entries(project.services).filter(([, service]) => service.build);
    for (const [name, service] of built) {
      expect(path.resolve(service.build!.context, service.build!.dockerfile ?? "Dockerfile"), name).toBe(dockerfile);
      expect(stages, name).toContain(service.build!.target);
    }
    expect(built.map(([name]) => name).sort()).toEqual(["api", "migrate", "web", "worker"]);
  });

  it("mounts only files and folders that exist in the repository", () => {
    const missing = Object.values(project.services)
      .flatMap((service) => service.volumes ?? [])
      .filter((volume) => volume.type === "bind")
      .map((volume) => volume.source!)
      .filter((source) => !source.startsWith(repositoryRoot) || !existsSync(source));
    expect(missing).toEqual([]);
  });

  it("publishes the Temporal UI on the loopback interface only (it has no sign-in of its own)", () => {
    expect(project.services["temporal-ui"]!.ports?.map((port) => port.host_ip)).toEqual(["127.0.0.1"]);
    expect(project.services.temporal!.ports ?? []).toEqual([]);
    expect(project.services.postgres!.ports ?? []).toEqual([]);
  });

  it("points the Temporal UI at the api's codec server, with the operator's credentials", () => {
    const environment = project.services["temporal-ui"]!.environment ?? {};
    expect(environment.TEMPORAL_CODEC_ENDPOINT).toMatch(/^https?:\/\/[^/]+\/codec$/);
    expect(environment.TEMPORAL_CODEC_INCLUDE_CREDENTIALS).toBe("true");
  });

  it("registers the project's search attributes before the api and the worker start", () => {
    const job = project.services["temporal-search-attributes"]!;
    expect(String(job.environment?.TEMPORAL_SEARCH_ATTRIBUTES).split(" ")).toEqual(
      searchAttributeSpecs(DELIVERY_SEARCH_ATTRIBUTES),
    );
    expect(job.depends_on?.["temporal-namespace"]?.condition).toBe("service_completed_successfully");
    for (const name of ["api", "worker"]) {
      expect(project.services[name]!.depends_on?.["temporal-search-attributes"]?.condition, name).toBe(
        "service_completed_successfully",
      );
    }
  });
});
