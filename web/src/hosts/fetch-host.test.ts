// fetchHost: what each answer of the api's GET /hosts/{username} means for the booking page.
import { describe, expect, it } from "vitest";
import { fetchHost, HostLookupUnavailableError, HostNotFoundError } from "./fetch-host";

const host = {
  username: "pastor-anna",
  name: "Pastor Anna",
  church: { name: "Grace Community Church" },
  calApiUrl: "http://127.0.0.1:5555/v2",
  calClientId: "client-1",
  calProvider: "platform",
  publicName: "anna",
  eventTypes: [{ id: 1, slug: "talk", title: "A talk", lengthInMinutes: 30, description: null }],
};
const token = "w".repeat(40);

function answering(status: number, body: unknown, seen: Request[] = []): typeof fetch {
  return async (input, init) => {
    seen.push(new Request(input, init));
    return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  };
}

const lookup = (fetchImplementation: typeof fetch, username = "pastor-anna") =>
  fetchHost(username, { apiUrl: "http://api.test", webServerToken: token, fetch: fetchImplementation });

describe("fetchHost", () => {
  it("asks the api for the host with the web server’s bearer token", async () => {
    const seen: Request[] = [];
    await lookup(answering(200, host, seen));
    expect(seen[0]?.url).toBe("http://api.test/hosts/pastor-anna");
    expect(seen[0]?.headers.get("authorization")).toBe(`Bearer ${token}`);
  });

  it("keeps only the fields of the contract, whatever else the api sends", async () => {
    const found = await lookup(answering(200, { ...host, accessToken: "secret", email: "anna@example.org" }));
    expect(found).toEqual(host);
  });

  it("treats a 404 as an unknown host", async () => {
    await expect(lookup(answering(404, { error: { code: "not_found", message: "x" } }))).rejects.toBeInstanceOf(
      HostNotFoundError,
    );
  });

  it("does not ask the api about a name that cannot be a Cal.com username", async () => {
    const seen: Request[] = [];
    await expect(lookup(answering(200, host, seen), "../admin")).rejects.toBeInstanceOf(HostNotFoundError);
    expect(seen).toEqual([]);
  });

  it.each([
    [502, "cal-unavailable"],
    [503, "cal-unavailable"],
    [401, "api-rejected-credentials"],
    [500, "api-error"],
  ])("treats a %i as unavailable (%s)", async (status, reason) => {
    await expect(lookup(answering(status, {}))).rejects.toMatchObject({ name: "HostLookupUnavailableError", reason });
  });

  it("treats an unreachable api as unavailable", async () => {
    const refused: typeof fetch = async () => {
      throw new TypeError("fetch failed");
    };
    await expect(lookup(refused)).rejects.toMatchObject({ reason: "api-unreachable" });
  });

  it("treats an answer of the wrong shape as unavailable, not as a host", async () => {
    await expect(lookup(answering(200, { username: "pastor-anna" }))).rejects.toBeInstanceOf(
      HostLookupUnavailableError,
    );
  });
});
