import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createEnvelopeSealer } from "./envelope-sealer.js";
import { createFieldCipher, DecryptionError } from "./field-cipher.js";
import { parseKeyring } from "./keyring.js";

const spec = (id: string) => `${id}:${randomBytes(32).toString("base64")}`;
const purposes = (id: string) => ({ value: `answers:${id}`, wrap: "answers.data_key" });

describe("envelope sealer", () => {
  const keyOne = spec("k1");
  const sealer = createEnvelopeSealer(createFieldCipher(parseKeyring(keyOne)));

  it("round-trips a value under a data key of its own, never writing the plaintext", () => {
    const sealed = sealer.seal("grief: my father", purposes("r1"));
    expect(JSON.stringify(sealed)).not.toContain("grief");
    expect(sealer.open(sealed, purposes("r1"))).toBe("grief: my father");
  });

  it("uses a different data key for every value", () => {
    const one = sealer.seal("same", purposes("r1"));
    const two = sealer.seal("same", purposes("r1"));
    const crossed = { ciphertext: one.ciphertext, wrappedKey: two.wrappedKey };
    expect(() => sealer.open(crossed, purposes("r1"))).toThrow(DecryptionError);
  });

  it("opens after the key ring's key is rotated and only the wrapped key is rewritten", () => {
    const sealed = sealer.seal("value", purposes("r1"));
    const rotatedCipher = createFieldCipher(parseKeyring(`${keyOne},${spec("k2")}`));
    const rewrapped = rotatedCipher.encrypt(
      rotatedCipher.decrypt(sealed.wrappedKey, "answers.data_key"),
      "answers.data_key",
    );
    const afterRotation = createEnvelopeSealer(createFieldCipher(parseKeyring(`${spec("k2x")}`)));
    // Without the ring's keys the data key stays shut.
    expect(() => afterRotation.open(sealed, purposes("r1"))).toThrow(DecryptionError);
    const opened = createEnvelopeSealer(rotatedCipher).open(
      { ciphertext: sealed.ciphertext, wrappedKey: rewrapped },
      purposes("r1"),
    );
    expect(rewrapped.split(".")[1]).toBe("k2");
    expect(opened).toBe("value");
  });

  it("refuses a value moved to another row", () => {
    const sealed = sealer.seal("value", purposes("r1"));
    expect(() => sealer.open(sealed, purposes("r2"))).toThrow(DecryptionError);
  });
});
