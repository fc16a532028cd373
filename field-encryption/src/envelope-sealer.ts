// Envelope encryption: a value sealed under a data key of its own (AES-256-GCM, random per value), and
// that data key sealed by the key ring. Rotating the key ring re-wraps the small data key and leaves the
// sealed value untouched; the value's associated data names what it belongs to (e.g. a response id), so
// a ciphertext or wrapped key moved to another row fails to open.
import { randomBytes } from "node:crypto";
import { createFieldCipher, type FieldCipher } from "./field-cipher.js";

export interface Enveloped {
  /** The value under its data key. */
  ciphertext: string;
  /** The data key, sealed by the key ring under `wrapPurpose`. */
  wrappedKey: string;
}

export interface EnvelopeSealer {
  seal(plaintext: string, purposes: { value: string; wrap: string }): Enveloped;
  open(sealed: Enveloped, purposes: { value: string; wrap: string }): string;
}

/** The data key's own id in the sealed value's header: it is never looked up in the key ring. */
const DATA_KEY_ID = "dk";

const dataKeyCipher = (key: Buffer): FieldCipher =>
  createFieldCipher({ activeKeyId: DATA_KEY_ID, keys: new Map([[DATA_KEY_ID, key]]) });

export function createEnvelopeSealer(keyRingCipher: FieldCipher): EnvelopeSealer {
  return {
    seal(plaintext, purposes) {
      const dataKey = randomBytes(32);
      return {
        ciphertext: dataKeyCipher(dataKey).encrypt(plaintext, purposes.value),
        wrappedKey: keyRingCipher.encrypt(dataKey.toString("base64"), purposes.wrap),
      };
    },
    open(sealed, purposes) {
      const dataKey = Buffer.from(keyRingCipher.decrypt(sealed.wrappedKey, purposes.wrap), "base64");
      return dataKeyCipher(dataKey).decrypt(sealed.ciphertext, purposes.value);
    },
  };
}
