// hostSchema: the api's GET /hosts/{username} answer, and how the page learns which Cal.com provider a host needs.
import { describe, expect, it } from "vitest";
import { hostSchema } from "./host.schema";

const answer = {
  username: "ruth-mensah",
  name: "Ruth Mensah",
  church: { name: "Grace Community Church" },
  calApiUrl: "http://127.0.0.1:5555/v2",
  calClientId: "clxsandbox0oauth2",
  publicName: null,
  eventTypes: [{ id: 9101, slug: "youth-mentoring", title: "Youth mentoring", lengthInMinutes: 45, description: null }],
};

describe("hostSchema", () => {
  it.each(["platform", "oauth2"] as const)('keeps calProvider "%s" as the api sent it', (calProvider) => {
    expect(hostSchema.parse({ ...answer, calProvider }).calProvider).toBe(calProvider);
  });

  it.each(["OAuth2", "api-key", null, 1, undefined])(
    "refuses a calProvider it does not know (%j), or none, rather than guess a provider",
    (calProvider) => {
      expect(hostSchema.safeParse({ ...answer, calProvider }).success).toBe(false);
    },
  );
});
