// Encrypts one value at a time with AES-256-GCM: a random 96-bit IV per value, the key id stored with
// the value ("v1.<keyId>.<iv>.<ciphertext>.<tag>", base64url), and the purpose bound as associated
// data so a ciphertext moved to another column fails to decrypt instead of being silently accepted.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { Keyring } from "./keyring.js";

const VERSION = "v1";

export class DecryptionError extends Error {
  constructor(reason: string) {
    super(`Encrypted value could not be decrypted: ${reason}`);
    this.name = "DecryptionError";
  }
}

export interface FieldCipher {
  encrypt(plaintext: string, purpose: string): string;
  decrypt(ciphertext: string, purpose: string): string;
  activeKeyId: string;
  /** The keys themselves, for the Temporal payload codec (same keys, other associated data). */
  keyring: Keyring;
}

export function createFieldCipher(keyring: Keyring): FieldCipher {
  return {
    activeKeyId: keyring.activeKeyId,
    keyring,

    encrypt(plaintext, purpose) {
      const key = keyring.keys.get(keyring.activeKeyId)!;
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      cipher.setAAD(Buffer.from(purpose, "utf8"));
      const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      return [
        VERSION,
        keyring.activeKeyId,
        iv.toString("base64url"),
        ciphertext.toString("base64url"),
        cipher.getAuthTag().toString("base64url"),
      ].join(".");
    },

    decrypt(value, purpose) {
      const parts = value.split(".");
      if (parts.length !== 5 || parts[0] !== VERSION) throw new DecryptionError("not an encrypted value");
      const [, keyId, iv, ciphertext, tag] = parts as [string, string, string, string, string];
      const key = keyring.keys.get(keyId);
      if (!key) throw new DecryptionError(`key "${keyId}" is not configured`);
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
        decipher.setAAD(Buffer.from(purpose, "utf8"));
        decipher.setAuthTag(Buffer.from(tag, "base64url"));
        return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString(
          "utf8",
        );
      } catch {
        throw new DecryptionError("authentication failed (tampered, or the wrong key or purpose)");
      }
    },
  };
}
