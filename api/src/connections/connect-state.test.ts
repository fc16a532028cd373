import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createStateSigner, newPkcePair, resolveStateKey, sameText } from "./connect-state.js";

const key = Buffer.alloc(32, 1);
let now = new Date("2026-11-24T12:00:00Z");
const signer = createStateSigner(key, () => now);
const state = { attemptId: "4b1d5a3e-0f7c-4c55-9a64-2f9e1b6c7d80", expiresAt: new Date("2026-11-24T12:15:00Z") };

describe("the OAuth state", () => {
  it("verifies what it signed, until it expires", () => {
    const signed = signer.sign(state);
    expect(signer.verify(signed)).toEqual({ ok: true, state });
    now = new Date("2026-11-24T12:15:00Z");
    expect(signer.verify(signed)).toEqual({ ok: false, refusal: "expired" });
    now = new Date("2026-11-24T12:00:00Z");
  });

  it("refuses a state changed in any way, or signed with another key", () => {
    const [body, signature] = signer.sign(state).split(".") as [string, string];
    const longer = Buffer.from(JSON.stringify({ a: state.attemptId, e: 2_000_000_000 })).toString("base64url");
    expect(signer.verify(`${longer}.${signature}`)).toEqual({ ok: false, refusal: "bad_signature" });
    expect(signer.verify(`${body}.${signature.slice(0, -2)}AA`)).toEqual({ ok: false, refusal: "bad_signature" });
    expect(createStateSigner(Buffer.alloc(32, 2), () => now).verify(`${body}.${signature}`)).toEqual({
      ok: false,
      refusal: "bad_signature",
    });
  });

  it("refuses malformed values without throwing", () => {
    for (const value of [undefined, 42, "", "no-dot", "a.b.c", `${"x".repeat(600)}.y`, ["a", "b"]]) {
      expect(signer.verify(value)).toMatchObject({ ok: false });
    }
  });
});

describe("PKCE and keys", () => {
  it("makes an S256 challenge of a fresh 43-character verifier", () => {
    const { verifier, challenge } = newPkcePair();
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(challenge).toBe(createHash("sha256").update(verifier).digest("base64url"));
    expect(newPkcePair().verifier).not.toBe(verifier);
  });

  it("uses the configured state key, refuses a short one, and makes a random one for development", () => {
    expect(resolveStateKey(Buffer.alloc(32, 3).toString("base64"))).toEqual(Buffer.alloc(32, 3));
    expect(() => resolveStateKey(Buffer.alloc(8).toString("base64"))).toThrow(/32 bytes/);
    expect(resolveStateKey(undefined)).toHaveLength(32);
    expect(sameText("abc", "abc")).toBe(true);
    expect(sameText("abc", "abd")).toBe(false);
    expect(sameText("abc", "abcd")).toBe(false);
  });
});
