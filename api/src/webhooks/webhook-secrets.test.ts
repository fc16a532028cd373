import { describe, expect, it } from "vitest";
import { acceptedWebhookSecrets } from "./webhook-secrets.js";

describe("acceptedWebhookSecrets", () => {
  let now = new Date("2026-11-24T10:00:00Z");
  const clock = () => now;
  const secrets = acceptedWebhookSecrets(
    { current: "new-secret-value-1", previous: "old-secret-value-1", previousUntil: "2026-11-25T00:00:00Z" },
    clock,
  );

  it("accepts both secrets during the overlap window", () => {
    expect(secrets()).toEqual(["new-secret-value-1", "old-secret-value-1"]);
  });

  it("accepts only the new secret once the window has passed", () => {
    now = new Date("2026-11-25T00:00:01Z");
    expect(secrets()).toEqual(["new-secret-value-1"]);
  });

  it("accepts only the current secret without a cut-off time", () => {
    expect(acceptedWebhookSecrets({ current: "only-secret-value", previous: "old-secret-value-1" }, clock)()).toEqual([
      "only-secret-value",
    ]);
  });
});
