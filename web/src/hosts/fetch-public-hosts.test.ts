// fetchPublicHosts: what the front page takes from the api's GET /public/hosts.
import { describe, expect, it } from "vitest";
import { fetchPublicHosts, PublicHostsUnavailableError } from "./fetch-public-hosts";

const answering =
  (status: number, body: unknown): typeof fetch =>
  async () =>
    new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

const list = (fetchImplementation: typeof fetch) =>
  fetchPublicHosts({ apiUrl: "http://api.test", fetch: fetchImplementation });

describe("fetchPublicHosts", () => {
  it("keeps each host's name, public name and path, and nothing else the api might add", async () => {
    const hosts = await list(
      answering(200, { hosts: [{ name: "Anna", publicName: "anna", path: "/book/anna", email: "a@example.org" }] }),
    );
    expect(hosts).toEqual([{ name: "Anna", publicName: "anna", path: "/book/anna" }]);
  });

  it.each(["https://elsewhere.example/book/anna", "/staff", "/book/anna/../../staff"])(
    "refuses a path that is not a booking page of this site (%s)",
    async (path) => {
      await expect(list(answering(200, { hosts: [{ name: "A", publicName: null, path }] }))).rejects.toBeInstanceOf(
        PublicHostsUnavailableError,
      );
    },
  );

  it("treats an error status or an unreachable api as unavailable", async () => {
    await expect(list(answering(503, {}))).rejects.toMatchObject({ reason: "HTTP 503" });
    await expect(
      list(async () => {
        throw new TypeError("fetch failed");
      }),
    ).rejects.toMatchObject({ reason: "api-unreachable" });
  });
});
