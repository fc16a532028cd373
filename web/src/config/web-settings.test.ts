// parseWebSettings: defaults, and every problem listed at once.
import { describe, expect, it } from "vitest";
import { InvalidWebSettingsError, parseWebSettings } from "./web-settings";

describe("parseWebSettings", () => {
  it("defaults the api address", () => {
    expect(parseWebSettings({ WEB_SERVER_TOKEN: "t".repeat(32) })).toEqual({
      API_URL: "http://127.0.0.1:3001",
      WEB_SERVER_TOKEN: "t".repeat(32),
      TEMPORAL_NAMESPACE: "default",
    });
  });

  it("takes the Temporal UI's address without a trailing slash, and refuses one that is not http(s)", () => {
    const settings = parseWebSettings({ WEB_SERVER_TOKEN: "t".repeat(32), TEMPORAL_UI_URL: "http://localhost:8233/" });
    expect(settings.TEMPORAL_UI_URL).toBe("http://localhost:8233");
    expect(() =>
      parseWebSettings({ WEB_SERVER_TOKEN: "t".repeat(32), TEMPORAL_UI_URL: "javascript:alert(1)" }),
    ).toThrow(InvalidWebSettingsError);
  });

  it("drops a trailing slash from API_URL", () => {
    expect(parseWebSettings({ API_URL: "http://api.test/", WEB_SERVER_TOKEN: "t".repeat(32) }).API_URL).toBe(
      "http://api.test",
    );
  });

  it("lists every problem at once", () => {
    try {
      parseWebSettings({ API_URL: "ftp://api.test", WEB_SERVER_TOKEN: "short" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidWebSettingsError);
      expect((error as InvalidWebSettingsError).problems.map((problem) => problem.split(":")[0])).toEqual([
        "API_URL",
        "WEB_SERVER_TOKEN",
      ]);
    }
  });
});
