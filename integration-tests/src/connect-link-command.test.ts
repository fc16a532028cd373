// `npm run connect:link`, run as a process against a test database, prints a one-time link the real api
// accepts (its argument rules are unit-tested beside them: api/src/connections/connect-link-arguments.test.ts).
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFieldCipher, createPersonalDataProtector, parseKeyring } from "@churchhub/field-encryption";
import { projectRoot } from "@churchhub/local-stack";
import { startPipeline, type Pipeline } from "@churchhub/test-support/pipeline";

describe("npm run connect:link, run as a process", () => {
  // The command and the api must share the data keys (the label is sealed) and the public URL.
  const dataEncryptionKeys = `cli:${randomBytes(32).toString("base64")}`;
  const protector = createPersonalDataProtector({
    cipher: createFieldCipher(parseKeyring(dataEncryptionKeys)),
    blindIndexKey: randomBytes(32),
  });
  let pipeline: Pipeline;

  beforeAll(async () => {
    pipeline = await startPipeline({ protector, calEmulator: { oauth2: true } });
  });
  afterAll(async () => {
    await pipeline?.stop();
  });

  function runCommand(
    args: string[],
    env: Record<string, string> = {},
  ): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        ["--import", "tsx", "api/src/connections/connect-link-command.ts", ...args],
        {
          cwd: projectRoot,
          env: {
            PATH: process.env.PATH,
            NODE_ENV: "development",
            DATABASE_URL: pipeline.databaseUrl,
            DATA_ENCRYPTION_KEYS: dataEncryptionKeys,
            API_PUBLIC_URL: pipeline.baseUrl,
            CAL_OAUTH2_CLIENT_ID: pipeline.oauth2!.clientId,
            CONNECT_LINK_TTL_HOURS: "2",
            ...env,
          },
          timeout: 60_000,
        },
        (error, stdout, stderr) =>
          resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr }),
      );
    });
  }

  const linkCount = async () =>
    (await pipeline.dataSource.query("SELECT count(*)::int AS n FROM cal_connect_links"))[0].n as number;

  it("prints a one-time link with its expiry, stored for the api, which sends its host to the consent page", async () => {
    const before = Date.now();
    const { code, stdout, stderr } = await runCommand(["--label", "Pastor Ruth"]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });

    const [heading, url, ...rest] = stdout.trimEnd().split("\n");
    expect(rest).toEqual([]);
    const printed =
      /^One-time Cal\.com connect link for Pastor Ruth \(link ([0-9a-f-]{36})\), usable until (\S+):$/.exec(heading!);
    expect(printed, heading).not.toBeNull();
    const expiresAt = new Date(printed![2]!);
    expect(expiresAt.getTime()).toBeGreaterThanOrEqual(before + 2 * 3_600_000 - 1_000);
    expect(expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 2 * 3_600_000);
    expect(url).toMatch(new RegExp(`^${pipeline.baseUrl}/connect/cal/[A-Za-z0-9_-]{43}$`));

    const [row] = await pipeline.dataSource.query("SELECT * FROM cal_connect_links WHERE id = $1", [printed![1]]);
    expect(row).toMatchObject({ created_by: expect.stringMatching(/^cli:/), used_at: null, connection_id: null });
    expect(new Date(row.expires_at).toISOString()).toBe(expiresAt.toISOString());
    expect(protector.cipher.decrypt(row.host_label_encrypted, "cal_connect_links.host_label")).toBe("Pastor Ruth");
    // Only the token's hash is kept.
    expect(JSON.stringify(row)).not.toContain(url!.split("/").pop());

    const opened = await fetch(url!, { redirect: "manual" });
    expect(opened.status).toBe(302);
    expect(opened.headers.get("location")).toMatch(
      new RegExp(`^${pipeline.cal!.running.origin}/auth/oauth2/authorize\\?client_id=${pipeline.oauth2!.clientId}&`),
    );
  });

  it("refuses bad input with exit code 2 and the usage, and stores nothing", async () => {
    const before = await linkCount();
    const { code, stdout, stderr } = await runCommand(["--label", ""]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      '--label must be 1 to 120 characters (spaces around it do not count), with no U+0000\nusage: npm run connect:link -- [--label "<who the link is for>"]\n',
    );
    expect(await linkCount()).toBe(before);
  });

  it("says which database it could not reach (password hidden), with exit code 1", async () => {
    const { code, stdout, stderr } = await runCommand([], {
      DATABASE_URL: "postgres://churchhub:s3cret-password@127.0.0.1:1/churchhub",
    });
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(
      /^Cannot reach the database at postgres:\/\/churchhub:\*\*\*@127\.0\.0\.1:1\/churchhub \(.*ECONNREFUSED.*\)\. Is it running \(npm run dev\), and is DATABASE_URL right\?\n$/,
    );
    expect(stderr).not.toContain("s3cret-password");
  });

  it("notes when OAuth 2.0 is not configured in its environment, and still makes the link", async () => {
    const { code, stderr, stdout } = await runCommand([], { CAL_OAUTH2_CLIENT_ID: "" });
    expect(code).toBe(0);
    expect(stderr).toContain("CAL_OAUTH2_CLIENT_ID is not set here");
    expect(stdout).toMatch(/^One-time Cal\.com connect link \(link [0-9a-f-]{36}\), usable until /);
  });
});
