// The staff:invite command's argument rules.
import { describe, expect, it } from "vitest";
import { parseStaffInviteArguments, StaffInviteUsageError } from "./invite-arguments.js";

describe("parseStaffInviteArguments", () => {
  it("reads an administrator's invitation", () => {
    expect(parseStaffInviteArguments(["--email", " Ann@Example.org ", "--role", "admin"])).toEqual({
      email: "Ann@Example.org",
      role: "admin",
      hostUsername: null,
      name: null,
    });
  });

  it("reads a host's invitation with the Cal.com username and a name", () => {
    expect(
      parseStaffInviteArguments([
        "--email",
        "a@example.org",
        "--role",
        "host",
        "--host",
        "ruth-mensah",
        "--name",
        "Ruth",
      ]),
    ).toEqual({ email: "a@example.org", role: "host", hostUsername: "ruth-mensah", name: "Ruth" });
  });

  it.each([
    [["--role", "admin"], /--email/],
    [["--email", "not-an-address", "--role", "admin"], /--email/],
    [["--email", "a@example.org", "--role", "pastor"], /--role must be one of admin, host/],
    [["--email", "a@example.org", "--role", "host"], /--host <Cal.com username> is required/],
    [["--email", "a@example.org", "--role", "admin", "--host", "x"], /--host is only for hosts/],
    [["--email", "a@example.org", "--role", "admin", "--bogus"], /Unknown option/],
    [["--email", "a@example.org", "--role", "admin", "stray"], /Unexpected argument "stray"/],
  ])("refuses %j with a message saying what to change", (args, message) => {
    expect(() => parseStaffInviteArguments(args)).toThrow(StaffInviteUsageError);
    expect(() => parseStaffInviteArguments(args)).toThrow(message);
  });
});
