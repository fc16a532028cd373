// The role choice of the staff forms, both ways.
import { describe, expect, it } from "vitest";
import { parseRoleChoice, roleChoiceValue } from "./role-choice";

describe("role choice", () => {
  it("reads back what it wrote", () => {
    expect(parseRoleChoice(roleChoiceValue({ role: "admin" }))).toEqual({ role: "admin" });
    expect(parseRoleChoice(roleChoiceValue({ role: "host", calUserId: 7001 }))).toEqual({
      role: "host",
      calUserId: 7001,
    });
  });

  it.each(["", "host", "host:", "host:0", "host:abc", "host:12345678901", "pastor", "admin "])(
    "refuses %j",
    (value) => {
      expect(parseRoleChoice(value)).toBeNull();
    },
  );
});
