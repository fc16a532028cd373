// Managed-user tokens: minted by Temporal activities against the Cal.com emulator over HTTP, cached
// encrypted in Postgres, refreshed, force-refreshed, and never minted twice for concurrent callers.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { readJson, startPipeline, type Pipeline } from "@churchhub/test-support/pipeline";

const START = new Date("2026-11-24T10:00:00.000Z").getTime();
let now = START;
const clock = () => new Date(now);

const FORCE_REFRESH = "POST /v2/oauth-clients/:clientId/users/:userId/force-refresh";
const REFRESH = "POST /v2/oauth/:clientId/refresh";
const LIST_USERS = "GET /v2/oauth-clients/:clientId/users";

let pipeline: Pipeline;
let username: string;

beforeAll(async () => {
  pipeline = await startPipeline({ calEmulator: { clock }, clock });
  username = pipeline.cal!.emulator.fixtures.managedUsers[0]!.username;
});
afterAll(async () => {
  await pipeline?.stop();
});
beforeEach(async () => {
  now = START;
  pipeline.cal!.emulator.reset();
  await pipeline.dataSource.query("DELETE FROM managed_user_tokens");
});

function requestToken(body: unknown, token = pipeline.webServerToken) {
  return fetch(`${pipeline.baseUrl}/tokens/cal/managed-user`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
}

const calls = (route: string) => pipeline.cal!.emulator.callCount(route as never);

describe("POST /tokens/cal/managed-user", () => {
  it("mints a token for a known managed user through Cal.com, valid for Cal.com’s 60 minutes", async () => {
    const response = await requestToken({ username });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await readJson(response);
    expect(Object.keys(body).sort()).toEqual(["accessToken", "expiresAt"]);
    expect(new Date(body.expiresAt).getTime() - START).toBe(60 * 60_000);
    expect(calls(FORCE_REFRESH)).toBe(1);

    // The token works at Cal.com.
    const me = await fetch(`${pipeline.cal!.running.url}/me`, {
      headers: { authorization: `Bearer ${body.accessToken}` },
    });
    expect(me.status).toBe(200);
  });

  it("serves the cached token on the second call without calling Cal.com", async () => {
    const first = await readJson(await requestToken({ username }));
    const before = pipeline.cal!.emulator.callCounts();
    const second = await readJson(await requestToken({ username }));
    expect(second.accessToken).toBe(first.accessToken);
    expect(pipeline.cal!.emulator.callCounts()).toEqual(before);
  });

  it("stores the tokens encrypted, with the key id", async () => {
    const { accessToken } = await readJson(await requestToken({ username }));
    const [row] = await pipeline.dataSource.query("SELECT * FROM managed_user_tokens");
    expect(JSON.stringify(row)).not.toContain(accessToken);
    expect(row.refresh_token_encrypted).toMatch(/^v1\.test\./);
    expect(row.key_id).toBe("test");
  });

  it("refreshes with the refresh token once the cached token is close to expiry", async () => {
    const first = await readJson(await requestToken({ username }));
    now += 56 * 60_000;
    const second = await readJson(await requestToken({ username }));
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(calls(REFRESH)).toBe(1);
    expect(calls(FORCE_REFRESH)).toBe(1);
  });

  it("falls back to force-refresh when Cal.com has revoked the refresh token", async () => {
    await requestToken({ username });
    const [row] = await pipeline.dataSource.query("SELECT cal_user_id FROM managed_user_tokens");
    // Revoke every refresh token the emulator holds for this user.
    const state = pipeline.cal!.emulator.state as unknown as { refreshTokens: Map<string, { userId: number }> };
    for (const [token, entry] of state.refreshTokens)
      if (entry.userId === row.cal_user_id) pipeline.cal!.emulator.revokeRefreshToken(token);
    now += 56 * 60_000;
    const response = await requestToken({ username });
    expect(response.status).toBe(200);
    expect(calls(REFRESH)).toBe(1);
    expect(calls(FORCE_REFRESH)).toBe(2);
  });

  it("treats a cache entry it cannot open (key no longer configured) as a miss and mints anew", async () => {
    await requestToken({ username });
    await pipeline.dataSource.query(
      "UPDATE managed_user_tokens SET refresh_token_encrypted = 'v1.gone.AAAA.AAAA.AAAA', access_token_encrypted = 'v1.gone.AAAA.AAAA.AAAA'",
    );
    const response = await requestToken({ username });
    expect(response.status).toBe(200);
    expect(calls(FORCE_REFRESH)).toBe(2);
    const [row] = await pipeline.dataSource.query("SELECT key_id FROM managed_user_tokens");
    expect(row.key_id).toBe("test");
  });

  it("answers 404 with a clear message for an unknown user", async () => {
    const response = await requestToken({ username: "nobody-clxsandbox0client-example-org" });
    expect(response.status).toBe(404);
    expect((await readJson(response)).error.message).toBe(
      "No managed user with that username exists for this OAuth client",
    );
  });

  it("retries while Cal.com answers 500 and succeeds when it recovers", async () => {
    pipeline.cal!.emulator.failNext(FORCE_REFRESH as never, 2, 500);
    const response = await requestToken({ username });
    expect(response.status).toBe(200);
    expect(calls(FORCE_REFRESH)).toBe(3);
  });

  it("answers 503 without upstream details when Cal.com keeps failing", async () => {
    pipeline.cal!.emulator.failNext(FORCE_REFRESH as never, 50, 503);
    const response = await requestToken({ username });
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("10");
    expect(await readJson(response)).toEqual({
      error: { code: "cal_unavailable", message: "Cal.com is unavailable; retry later" },
    });
  });

  it("mints once for 50 concurrent requests for one user", async () => {
    const responses = await Promise.all(Array.from({ length: 50 }, () => requestToken({ username })));
    const tokens = new Set(
      await Promise.all(responses.map(async (response) => (await readJson(response)).accessToken)),
    );
    expect(responses.every((response) => response.status === 200)).toBe(true);
    expect(tokens.size).toBe(1);
    expect(calls(FORCE_REFRESH) + calls(REFRESH)).toBe(1);
  });

  it.each([
    [{}, "username: is required"],
    [{ username: "" }, "username: must not be empty"],
    [{ username: 42 }, "username: is required"],
    [{ username: "x", extra: true }, "Unrecognized key"],
  ])("answers 400 naming the problem for %j", async (body, message) => {
    const response = await requestToken(body);
    expect(response.status).toBe(400);
    expect((await readJson(response)).error.message).toContain(message);
  });

  it("answers 400 for a body that is not JSON", async () => {
    const response = await fetch(`${pipeline.baseUrl}/tokens/cal/managed-user`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${pipeline.webServerToken}` },
      body: '{"username":',
    });
    expect(response.status).toBe(400);
  });

  it("answers 401 to anyone but our web server", async () => {
    expect((await requestToken({ username }, "not-the-web-server-token")).status).toBe(401);
    const anonymous = await fetch(`${pipeline.baseUrl}/tokens/cal/managed-user`, { method: "POST", body: "{}" });
    expect(anonymous.status).toBe(401);
    expect(calls(FORCE_REFRESH)).toBe(0);
  });
});

describe("Cal.com refusing our OAuth client", () => {
  let refused: Pipeline;
  beforeAll(async () => {
    refused = await startPipeline({ calEmulator: { clientSecret: "wrong-secret" } });
  });
  afterAll(async () => {
    await refused?.stop();
  });

  it("answers 502 and does not retry a 401 from Cal.com", async () => {
    const response = await fetch(`${refused.baseUrl}/tokens/cal/managed-user`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${refused.webServerToken}` },
      body: JSON.stringify({ username: refused.cal!.emulator.fixtures.managedUsers[0]!.username }),
    });
    expect(response.status).toBe(502);
    expect((await readJson(response)).error.code).toBe("cal_rejected");
    expect(refused.cal!.emulator.callCount(LIST_USERS as never)).toBe(1);
  });
});

describe("GET /tokens/cal/refresh (the Atoms refreshUrl)", () => {
  it("replaces a token Cal.com refused as expired with a new one", async () => {
    const { accessToken } = await readJson(await requestToken({ username }));
    pipeline.cal!.emulator.expireAccessTokens({ accessToken });
    const response = await fetch(`${pipeline.baseUrl}/tokens/cal/refresh`, {
      headers: { authorization: `Bearer ${accessToken}`, "content-type": "application/json" },
    });
    expect(response.status).toBe(200);
    const body = await readJson(response);
    expect(Object.keys(body)).toEqual(["accessToken"]);
    expect(body.accessToken).not.toBe(accessToken);
    const me = await fetch(`${pipeline.cal!.running.url}/me`, {
      headers: { authorization: `Bearer ${body.accessToken}` },
    });
    expect(me.status).toBe(200);
  });

  it("answers 401 for a token that is not one of ours", async () => {
    const response = await fetch(`${pipeline.baseUrl}/tokens/cal/refresh`, {
      headers: { authorization: "Bearer someone-elses-token" },
    });
    expect(response.status).toBe(401);
  });
});

describe("GET /hosts/{username}", () => {
  it("describes a managed user and their public event types for our web server", async () => {
    const response = await fetch(`${pipeline.baseUrl}/hosts/${username}`, {
      headers: { authorization: `Bearer ${pipeline.webServerToken}` },
    });
    expect(response.status).toBe(200);
    const body = await readJson(response);
    expect(body).toMatchObject({
      username,
      church: { name: "Grace Community Church" },
      calApiUrl: pipeline.cal!.running.url,
      calClientId: pipeline.cal!.clientId,
    });
    expect(body.eventTypes.length).toBeGreaterThan(0);
    expect(Object.keys(body.eventTypes[0]).sort()).toEqual(["description", "id", "lengthInMinutes", "slug", "title"]);
  });

  it("answers 404 for an unknown host and 401 without our web server’s token", async () => {
    const unknown = await fetch(`${pipeline.baseUrl}/hosts/nobody-at-all`, {
      headers: { authorization: `Bearer ${pipeline.webServerToken}` },
    });
    expect(unknown.status).toBe(404);
    expect((await fetch(`${pipeline.baseUrl}/hosts/${username}`)).status).toBe(401);
  });
});
