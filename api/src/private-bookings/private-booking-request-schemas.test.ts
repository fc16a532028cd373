import { describe, expect, it } from "vitest";
import { describeIssues } from "../http/validate-request.js";
import { privateBookingBodySchema } from "./private-booking-request-schemas.js";

const refusal = (body: unknown) => {
  const result = privateBookingBodySchema.safeParse(body);
  return result.success ? null : describeIssues(result.error);
};

describe("privateBookingBodySchema", () => {
  it("takes every detail as optional, and empty inputs as left out", () => {
    expect(privateBookingBodySchema.parse({ eventTypeId: 9002 })).toEqual({ eventTypeId: 9002 });
    expect(privateBookingBodySchema.parse({ eventTypeId: 9002, name: " ", email: "", phone: "" })).toEqual({
      eventTypeId: 9002,
    });
    expect(
      privateBookingBodySchema.parse({
        eventTypeId: 9002,
        name: "  Ruth Miller ",
        email: "ruth@example.org",
        phone: "+44 (0)20 7946-0958",
      }),
    ).toEqual({ eventTypeId: 9002, name: "Ruth Miller", email: "ruth@example.org", phone: "+44 (0)20 7946-0958" });
  });

  it("names the refused field, never its value", () => {
    expect(refusal({ eventTypeId: 9002, email: "ruth-at-example" })).toMatch(/^email: /);
    expect(refusal({ eventTypeId: 9002, phone: "ring 0207" })).toMatch(/^phone: /);
    expect(refusal({ eventTypeId: 9002, phone: "12345" })).toBe("phone: must have 6 to 15 digits");
    expect(refusal({ eventTypeId: 9002, phone: "1234567890123456" })).toBe("phone: must have 6 to 15 digits");
    expect(refusal({ eventTypeId: 9002, name: "a".repeat(201) })).toBe("name: must be at most 200 characters");
    expect(refusal({ eventTypeId: 9002, name: "Ruth\u0000" })).toMatch(/^name: /);
    const secret = refusal({ eventTypeId: 9002, email: "secret-value" }) ?? "";
    expect(secret).not.toContain("secret-value");
  });

  it("refuses fields it does not know and a missing event type", () => {
    expect(refusal({ eventTypeId: 9002, notes: "x" })).toMatch(/^body: /);
    expect(refusal({})).toMatch(/^eventTypeId: /);
  });
});
