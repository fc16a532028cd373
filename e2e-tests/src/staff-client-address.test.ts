// The client address through the web server's /staff/auth route handler: the api's sign-in limit counts
// the browser's address, not the web server's (both on loopback here, from different addresses), and
// not one the browser names itself in X-Forwarded-For; only the proxy in front (WEB_TRUSTED_PROXIES)
// may name the client.
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, expect, it } from "vitest";
import { freePort } from "@churchhub/local-stack";
import { startStaffHarness, type StaffHarness } from "@churchhub/test-support/staff-harness";
import { buildWebAppOnce, startWebApp, type RunningWebApp } from "./support/web-app.js";

/** The address of the TLS proxy in front of the web server, as this test plays it. */
const TLS_PROXY = "127.0.0.3";

let harness: StaffHarness;
let web: RunningWebApp;

beforeAll(async () => {
  await buildWebAppOnce();
  const webPort = await freePort();
  harness = await startStaffHarness({ publicUrl: `http://localhost:${webPort}` });
  web = await startWebApp({
    apiUrl: harness.apiUrl,
    webServerToken: "e2e-web-server-token-of-32-characters!",
    port: webPort,
    trustedProxies: TLS_PROXY,
  });
}, 600_000);

afterAll(async () => {
  await web?.stop();
  await harness?.stop();
});

/** A sign-in link request to the web server from `localAddress`, naming `forwardedFor` if given. */
function requestLinkThroughWeb(localAddress: string, forwardedFor?: string): Promise<number> {
  const body = JSON.stringify({ email: "nobody@example.net", callbackURL: "/staff" });
  return new Promise((resolve, reject) => {
    const sent = httpRequest(
      `${web.url}/staff/auth/sign-in/magic-link`,
      {
        method: "POST",
        localAddress,
        headers: {
          "content-type": "application/json",
          origin: harness.origin,
          "content-length": Buffer.byteLength(body),
          ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}),
        },
      },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
      },
    );
    sent.on("error", reject);
    sent.end(body);
  });
}

async function countedAddresses(): Promise<string[]> {
  const { rows } = await harness.pool.query<{ key: string }>("SELECT key FROM staff_rate_limits");
  return rows.map((row) => row.key.split("|")[0]!);
}

it("counts sign-in attempts by the browser's address, which the web server passes on", async () => {
  expect(await requestLinkThroughWeb("127.0.0.2")).toBe(200);
  const addresses = await countedAddresses();
  expect(addresses).toContain("127.0.0.2");
  // Not the web server's own address (127.0.0.1), which every browser would then share.
  expect(addresses).not.toContain("127.0.0.1");
});

it("a browser that names another address in X-Forwarded-For is still counted by its own", async () => {
  expect(await requestLinkThroughWeb("127.0.0.4", "203.0.113.9")).toBe(200);
  const addresses = await countedAddresses();
  expect(addresses).toContain("127.0.0.4");
  expect(addresses).not.toContain("203.0.113.9");
});

it("the TLS proxy in front names the client, and only the hop it added counts", async () => {
  // The client claimed 192.0.2.1 itself; the proxy appended the address it saw, 198.51.100.7.
  expect(await requestLinkThroughWeb(TLS_PROXY, "192.0.2.1, 198.51.100.7")).toBe(200);
  const addresses = await countedAddresses();
  expect(addresses).toContain("198.51.100.7");
  expect(addresses).not.toContain("192.0.2.1");
  expect(addresses).not.toContain(TLS_PROXY);
});
