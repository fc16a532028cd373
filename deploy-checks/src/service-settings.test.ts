// The settings docker-compose.yml gives each of our services are ones the services accept: the back
// end's pass the real settings schema in production, the web's are the ones it reads, and the health
// checks ask the port each service listens on.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadSettings, settingsSchema } from "@churchhub/settings";
import { loadComposeProject, type ComposeProject } from "./compose-validator.js";
import { composeFile, composeTestEnvFile, repositoryRoot } from "./repository-paths.js";

const backendServices = ["api", "worker", "migrate"];

let project: ComposeProject;

beforeAll(async () => {
  project = await loadComposeProject(composeFile, composeTestEnvFile);
}, 600_000);

function environmentOf(service: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(project.services[service]!.environment ?? {}).map(([name, value]) => [name, value ?? ""]),
  );
}

/** The URL a service's health check fetches, e.g. http://127.0.0.1:3001/ready. */
function healthCheckUrl(service: string): URL {
  const test = project.services[service]!.healthcheck?.test?.join(" ") ?? "";
  const url = /https?:\/\/[^'"\s)]+/.exec(test)?.[0];
  if (!url) throw new Error(`${service}: no URL in its health check (${test})`);
  return new URL(url);
}

describe("the settings the compose stack gives our services", () => {
  it.each(backendServices)("%s: a production configuration the settings schema accepts", (service) => {
    const environment = environmentOf(service);
    expect(environment.NODE_ENV).toBe("production");
    expect(() => loadSettings(environment)).not.toThrow();
  });

  it.each(backendServices)("%s: only settings the schema knows (no misspelt names)", (service) => {
    const known = new Set(Object.keys(settingsSchema.shape));
    expect(Object.keys(environmentOf(service)).filter((name) => !known.has(name))).toEqual([]);
  });

  it("api: the staff area's settings, with the web server's fixed address as the one trusted proxy", () => {
    const api = environmentOf("api");
    for (const name of [
      "STAFF_PUBLIC_URL",
      "STAFF_AUTH_SECRET",
      "STAFF_SESSION_HOURS",
      "STAFF_SIGN_IN_LINK_MINUTES",
      "STAFF_INVITATION_HOURS",
      "RATE_LIMIT_SIGN_IN_PER_MINUTE",
      "STAFF_TRUSTED_PROXIES",
      "SMTP_URL",
      "MAIL_FROM",
    ])
      expect(api, name).toHaveProperty(name);
    const webAddress = project.services.web!.networks?.default?.ipv4_address;
    expect(webAddress).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    // The address lies in the network's own subnet (else Docker refuses to start the web server).
    const subnet = project.networks?.default?.ipam?.config?.[0]?.subnet ?? "";
    expect(subnet).toMatch(/\/24$/);
    expect(webAddress!.split(".").slice(0, 3)).toEqual(subnet.split("/")[0]!.split(".").slice(0, 3));
    // Turned on (a secret and a mail server), the api's settings take the staff area in production.
    const settings = loadSettings({
      ...api,
      STAFF_AUTH_SECRET: "s".repeat(48),
      SMTP_URL: "smtp://mail.example.org:587",
    });
    expect(settings.STAFF_TRUSTED_PROXIES).toEqual([webAddress]);
    expect(new URL(settings.STAFF_PUBLIC_URL).origin).toBe(api.WEB_ORIGINS);
  });

  it("api: its health check asks the port it listens on for /ready, which it serves", () => {
    const url = healthCheckUrl("api");
    expect(url.port).toBe(environmentOf("api").PORT);
    expect(url.pathname).toBe("/ready");
    expect(readFileSync(path.join(repositoryRoot, "api/src/health.router.ts"), "utf8")).toMatch(/["']\/ready["']/);
  });

  it("worker: its health check asks the port it listens on for /ready, which it serves", () => {
    const url = healthCheckUrl("worker");
    expect(url.port).toBe(environmentOf("worker").WORKER_PORT);
    expect(url.pathname).toBe("/ready");
    expect(readFileSync(path.join(repositoryRoot, "worker/src/worker-http-server.ts"), "utf8")).toMatch(
      /["']\/ready["']/,
    );
  });

  it("web: only the settings it or Next.js reads (web/src/config/web-settings.ts, web/server.mjs, NODE_ENV), its api the api service, the same token as the api", () => {
    const source = ["web/src/config/web-settings.ts", "web/server.mjs"]
      .map((file) => readFileSync(path.join(repositoryRoot, file), "utf8"))
      .join("\n");
    // NODE_ENV is read by Next.js itself (production build and runtime), not by our settings module.
    const read = new Set(["NODE_ENV", ...[...source.matchAll(/\benv\.([A-Z_][A-Z0-9_]*)/g)].map((match) => match[1]!)]);
    const environment = environmentOf("web");
    expect(Object.keys(environment).filter((name) => !read.has(name))).toEqual([]);
    expect(new URL(environment.API_URL!).host).toBe(`api:${environmentOf("api").PORT}`);
    expect(environment.WEB_SERVER_TOKEN).toBe(environmentOf("api").WEB_SERVER_TOKEN);
  });

  it("web: its health check asks the port its server is given", () => {
    const command = project.services.web!.command ?? [];
    expect(healthCheckUrl("web").port).toBe(command[command.indexOf("--port") + 1]);
  });
});
