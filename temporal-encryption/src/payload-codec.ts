// Encrypts every Temporal payload (workflow inputs and results, activity arguments, memos, encoded
// failures) before it leaves the process, so histories, the Temporal database and the Web UI hold
// only ciphertext. AES-256-GCM over the whole serialised payload, 96-bit random IV, the key id in the
// payload's metadata so keys rotate like the database's; payloads we did not encrypt pass through.
// (@temporalio/proto is CommonJS: its namespace comes in as the default export under ESM.)
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { ApplicationFailure, type Payload, type PayloadCodec } from "@temporalio/common";
import proto from "@temporalio/proto";
import type { Keyring } from "@churchhub/field-encryption";

const ENCRYPTED_ENCODING = "binary/encrypted";
const KEY_ID_METADATA = "encryption-key-id";
const AAD = Buffer.from("temporal.payload", "utf8");
const utf8 = (value: string) => new Uint8Array(Buffer.from(value, "utf8"));

export function createEncryptionCodec(keyring: Keyring): PayloadCodec {
  return {
    async encode(payloads: Payload[]): Promise<Payload[]> {
      const key = keyring.keys.get(keyring.activeKeyId)!;
      return payloads.map((payload) => {
        const iv = randomBytes(12);
        const cipher = createCipheriv("aes-256-gcm", key, iv);
        cipher.setAAD(AAD);
        const plaintext = proto.temporal.api.common.v1.Payload.encode(payload).finish();
        const sealed = Buffer.concat([iv, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
        return {
          metadata: { encoding: utf8(ENCRYPTED_ENCODING), [KEY_ID_METADATA]: utf8(keyring.activeKeyId) },
          data: new Uint8Array(sealed),
        };
      });
    },

    async decode(payloads: Payload[]): Promise<Payload[]> {
      return payloads.map((payload) => {
        const encoding = payload.metadata?.encoding
          ? Buffer.from(payload.metadata.encoding).toString("utf8")
          : undefined;
        if (encoding !== ENCRYPTED_ENCODING) return payload;
        const keyIdBytes = payload.metadata?.[KEY_ID_METADATA];
        const keyId = keyIdBytes ? Buffer.from(keyIdBytes).toString("utf8") : "";
        const key = keyring.keys.get(keyId);
        if (!key)
          throw ApplicationFailure.nonRetryable(
            `Payload encrypted with key "${keyId}", which is not configured`,
            "DecryptionError",
          );
        const sealed = Buffer.from(payload.data ?? new Uint8Array());
        try {
          const decipher = createDecipheriv("aes-256-gcm", key, sealed.subarray(0, 12));
          decipher.setAAD(AAD);
          decipher.setAuthTag(sealed.subarray(sealed.length - 16));
          const plaintext = Buffer.concat([decipher.update(sealed.subarray(12, sealed.length - 16)), decipher.final()]);
          return proto.temporal.api.common.v1.Payload.decode(plaintext);
        } catch {
          throw ApplicationFailure.nonRetryable(
            "Payload failed authentication (tampered, or the wrong key)",
            "DecryptionError",
          );
        }
      });
    },
  };
}
