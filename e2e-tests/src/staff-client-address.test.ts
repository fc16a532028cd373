// The client address through the web server's /staff/auth route handler: the api's sign-in limit counts
// the browser's address, not the web server's (both on loopback here, from different addresses).
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, expect, it } from "vitest";
import { freePort } from "@churchhub/local-stack";
import { startStaffHarness, type StaffHarness } from "@churchhub/test-support/staff-harness";
import { buildWebAppOnce, startWebApp, type RunningWebApp } from "./support/web-app.js";

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
  });
}, 600_000);

afterAll(async () => {
  await web?.stop();
  await harness?.stop();
});

/** A sign-in link request to the web server, as a browser at `localAddress` makes it. */
function requestLinkThroughWeb(localAddress: string): Promise<number> {
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

it("counts sign-in attempts by the browser's address, which the web server passes on", async () => {
  expect(await requestLinkThroughWeb("127.0.0.2")).toBe(200);
  const { rows } = await harness.pool.query<{ key: string }>("SELECT key FROM staff_rate_limits");
  const addresses = rows.map((row) => row.key.split("|")[0]);
  expect(addresses).toContain("127.0.0.2");
  // Not the web server's own address (127.0.0.1), which every browser would then share.
  expect(addresses).not.toContain("127.0.0.1");
});
