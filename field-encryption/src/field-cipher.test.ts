import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createFieldCipher, DecryptionError } from "./field-cipher.js";
import { DEVELOPMENT_KEYRING_SPEC, isDevelopmentKeyring, KeyringError, parseKeyring } from "./keyring.js";

const spec = (id: string) => `${id}:${randomBytes(32).toString("base64")}`;

describe("field cipher", () => {
  const keyOne = spec("k1");
  const cipher = createFieldCipher(parseKeyring(keyOne));

  it("round-trips a value and never writes the plaintext", () => {
    const encrypted = cipher.encrypt("refresh-token-secret", "cal_tokens.refresh_token");
    expect(encrypted).not.toContain("refresh-token-secret");
    expect(cipher.decrypt(encrypted, "cal_tokens.refresh_token")).toBe("refresh-token-secret");
  });

  it("uses a fresh IV for every value", () => {
    expect(cipher.encrypt("same", "p")).not.toBe(cipher.encrypt("same", "p"));
  });

  it("stores the key id with the value and decrypts with an older key after rotation", () => {
    const old = cipher.encrypt("value", "p");
    const rotated = createFieldCipher(parseKeyring(`${keyOne},${spec("k2")}`));
    const keyIdOf = (value: string) => value.split(".")[1];
    expect(keyIdOf(old)).toBe("k1");
    expect(keyIdOf(rotated.encrypt("value", "p"))).toBe("k2");
    expect(rotated.decrypt(old, "p")).toBe("value");
  });

  it("detects tampering loudly", () => {
    const encrypted = cipher.encrypt("value", "p");
    const parts = encrypted.split(".");
    const flipped = Buffer.from(parts[3]!, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    parts[3] = flipped.toString("base64url");
    expect(() => cipher.decrypt(parts.join("."), "p")).toThrow(DecryptionError);
  });

  it("refuses a value moved to another purpose", () => {
    expect(() => cipher.decrypt(cipher.encrypt("value", "a"), "b")).toThrow(DecryptionError);
  });

  it("names a missing key", () => {
    const other = createFieldCipher(parseKeyring(spec("k9")));
    expect(() => other.decrypt(cipher.encrypt("v", "p"), "p")).toThrow('key "k1" is not configured');
  });
});

describe("keyring", () => {
  it.each([
    ["k1:short", "must be 32 bytes"],
    [`bad id!:${randomBytes(32).toString("base64")}`, "key id"],
    ["", "at least one key"],
  ])("rejects %j", (value, message) => {
    expect(() => parseKeyring(value)).toThrow(KeyringError);
    expect(() => parseKeyring(value)).toThrow(message);
  });

  it("recognises the development key wherever it appears in the ring", () => {
    expect(isDevelopmentKeyring(parseKeyring(DEVELOPMENT_KEYRING_SPEC))).toBe(true);
    expect(isDevelopmentKeyring(parseKeyring(`${DEVELOPMENT_KEYRING_SPEC},${spec("k2")}`))).toBe(true);
    expect(isDevelopmentKeyring(parseKeyring(spec("k2")))).toBe(false);
  });
});
