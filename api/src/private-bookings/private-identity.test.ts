import { describe, expect, it } from "vitest";
import { newPrivateIdentity, newPrivateLinkToken } from "./private-identity.js";

describe("newPrivateIdentity", () => {
  it("gives a 'Guest NNNN' pseudonym and a guest-<24 base32 characters> address at the relay domain", () => {
    const identity = newPrivateIdentity("relay.example.org");
    expect(identity.pseudonym).toMatch(/^Guest \d{4}$/);
    expect(identity.relayAddress).toMatch(/^guest-[a-z2-7]{24}@relay\.example\.org$/);
  });

  it("pads the digits and encodes the random bytes, nothing else", () => {
    const identity = newPrivateIdentity("relay.example.org", {
      digits: () => 7,
      bytes: (size) => Buffer.alloc(size, 0xff),
    });
    expect(identity).toEqual({ pseudonym: "Guest 0007", relayAddress: `guest-${"7".repeat(24)}@relay.example.org` });
    const zero = newPrivateIdentity("r.example", { digits: () => 9999, bytes: (size) => Buffer.alloc(size, 0) });
    expect(zero).toEqual({ pseudonym: "Guest 9999", relayAddress: `guest-${"a".repeat(24)}@r.example` });
  });

  it("never gives two bookings the same address (120 random bits)", () => {
    const addresses = new Set(Array.from({ length: 2_000 }, () => newPrivateIdentity("r.example").relayAddress));
    expect(addresses.size).toBe(2_000);
  });
});

describe("newPrivateLinkToken", () => {
  it("is 32 random bytes in base64url", () => {
    const token = newPrivateLinkToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(newPrivateLinkToken()).not.toBe(token);
  });
});
