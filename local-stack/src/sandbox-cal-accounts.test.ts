// Sandbox mode's OAuth 2.0 wiring: the public URLs follow the ports in use unless set, and the emulator
// accepts our callback URL whatever port the api listens on.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadFixtures } from "@churchhub/cal-emulator";
import { loadSettings } from "@churchhub/settings";
import { localPublicUrls, prepareSandboxOAuth2Client } from "./sandbox-cal-accounts.js";

describe("localPublicUrls", () => {
  it("follows the api and web ports when no public URL is set", () => {
    const env = { PORT: "4101", WEB_PORT: "4100" };
    expect(localPublicUrls(loadSettings(env), env)).toEqual({
      apiPublicUrl: "http://127.0.0.1:4101",
      webPublicUrl: "http://127.0.0.1:4100",
    });
  });

  it("keeps API_PUBLIC_URL and WEB_PUBLIC_URL when they are set (a tunnel, a proxy)", () => {
    const env = { PORT: "4101", API_PUBLIC_URL: "https://api.example.org", WEB_PUBLIC_URL: "https://book.example.org" };
    expect(localPublicUrls(loadSettings(env), env)).toEqual({
      apiPublicUrl: "https://api.example.org",
      webPublicUrl: "https://book.example.org",
    });
  });

  it("turns an api listening on every interface into a loopback URL a browser can open", () => {
    const env = { API_HOST: "0.0.0.0" };
    expect(localPublicUrls(loadSettings(env), env).apiPublicUrl).toBe("http://127.0.0.1:3001");
  });
});

describe("prepareSandboxOAuth2Client", () => {
  let dataDir: string;
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it("uses the fixture file as it is when it already lists our callback (port 3001)", async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "sandbox-oauth2-"));
    const client = await prepareSandboxOAuth2Client({ apiPublicUrl: "http://127.0.0.1:3001", dataDir });
    expect(client).toEqual({
      clientId: "clxsandbox0oauth2",
      clientSecret: "sandbox-oauth2-secret-not-for-production",
      fixturesFile: null,
      accountUsernames: ["ruth-mensah", "samuel-osei"],
    });
  });

  it("writes fixtures whose confidential client accepts the callback of an api on another port", async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "sandbox-oauth2-"));
    const client = await prepareSandboxOAuth2Client({ apiPublicUrl: "http://127.0.0.1:4101/", dataDir });
    expect(client?.fixturesFile).toBe(path.join(dataDir, "cal-emulator-fixtures.json"));
    const written = loadFixtures(client!.fixturesFile!);
    const confidential = written.oauth2Clients.find((candidate) => candidate.clientId === "clxsandbox0oauth2")!;
    expect(confidential.redirectUris).toContain("http://127.0.0.1:4101/oauth/cal/callback");
    expect(confidential.redirectUris).toContain("http://127.0.0.1:3001/oauth/cal/callback");
    // Everything else is the sandbox data unchanged.
    expect({ ...written, oauth2Clients: [] }).toEqual({ ...loadFixtures(), oauth2Clients: [] });
  });
});
