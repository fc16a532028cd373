import { describe, expect, it } from "vitest";
import { ConnectLinkUsageError, parseConnectLinkArguments } from "./connect-link-arguments.js";

describe("the arguments of npm run connect:link", () => {
  it("takes no arguments (a link without a label) or a --label, trimmed", () => {
    expect(parseConnectLinkArguments([])).toEqual({ hostLabel: null });
    expect(parseConnectLinkArguments(["--label", "  Pastor Ruth "])).toEqual({ hostLabel: "Pastor Ruth" });
    expect(parseConnectLinkArguments(["--label=Youth: Ruth"])).toEqual({ hostLabel: "Youth: Ruth" });
  });

  it.each([
    [["--label"], /--label <value>' argument missing/],
    [["--label", "   "], /--label must be 1 to 120 characters/],
    [["--label", "x".repeat(121)], /--label must be 1 to 120 characters/],
    [["--label", "Ruth\u0000"], /no U\+0000/],
    [["--name", "Ruth"], /Unknown option '--name'/],
    [["Pastor", "Ruth"], /Unexpected argument "Pastor" \(put the label after --label, quoted\)/],
  ])("refuses %j with a message saying what to change, and the usage", (args, message) => {
    let thrown: unknown;
    try {
      parseConnectLinkArguments(args);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConnectLinkUsageError);
    expect((thrown as Error).message).toMatch(message);
    expect((thrown as Error).message).toContain('usage: npm run connect:link -- [--label "<who the link is for>"]');
  });
});
