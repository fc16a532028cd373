// Seals personal data before it is written anywhere (Postgres columns, the inbox) and opens it when
// the application reads it. Equality lookups (an attendee's email) use a keyed blind index: an HMAC
// under a key of its own, stable across encryption-key rotations, so the plaintext is never stored.
import { createHmac } from "node:crypto";
import { createFieldCipher, type FieldCipher } from "./field-cipher.js";
import { resolveKeyring } from "./keyring.js";

export interface PersonalDataProtector {
  sealText(value: string | null, purpose: string): string | null;
  openText(value: string | null, purpose: string): string | null;
  sealJson(value: unknown, purpose: string): string | null;
  openJson<T = unknown>(value: string | null, purpose: string): T | null;
  /** Deterministic keyed index of an email address (case-insensitive), for equality lookups. */
  emailIndex(email: string): string;
  cipher: FieldCipher;
}

export function createPersonalDataProtector(deps: {
  cipher: FieldCipher;
  blindIndexKey: Buffer;
}): PersonalDataProtector {
  if (deps.blindIndexKey.length < 32) throw new Error("the blind index key must be at least 32 bytes");
  return {
    cipher: deps.cipher,
    sealText: (value, purpose) => (value === null ? null : deps.cipher.encrypt(value, purpose)),
    openText: (value, purpose) => (value === null ? null : deps.cipher.decrypt(value, purpose)),
    sealJson: (value, purpose) =>
      value === null || value === undefined ? null : deps.cipher.encrypt(JSON.stringify(value), purpose),
    openJson: <T>(value: string | null, purpose: string) =>
      value === null ? null : (JSON.parse(deps.cipher.decrypt(value, purpose)) as T),
    emailIndex: (email) => createHmac("sha256", deps.blindIndexKey).update(email.trim().toLowerCase()).digest("hex"),
  };
}

/** A fixed blind-index key for local development only; production must configure BLIND_INDEX_KEY. */
export const DEVELOPMENT_BLIND_INDEX_KEY = Buffer.from("churchhub-dev-blind-index-key-32", "utf8");

/** The configured blind-index key (base64, ≥ 32 bytes), or the development one outside production. */
function resolveBlindIndexKey(spec: string | undefined, options: { production: boolean }): Buffer {
  if (!spec) {
    if (options.production) throw new Error("BLIND_INDEX_KEY is required in production");
    return DEVELOPMENT_BLIND_INDEX_KEY;
  }
  const key = Buffer.from(spec, "base64");
  if (key.length < 32) throw new Error("BLIND_INDEX_KEY must be at least 32 bytes, base64-encoded");
  if (options.production && key.equals(DEVELOPMENT_BLIND_INDEX_KEY))
    throw new Error("the development blind-index key must not be used in production");
  return key;
}

/** The protector for a process, from its settings: one place decides keys for api, worker and tools. */
export function createProtectorFromSettings(settings: {
  DATA_ENCRYPTION_KEYS?: string;
  BLIND_INDEX_KEY?: string;
  NODE_ENV: string;
}): PersonalDataProtector {
  const production = settings.NODE_ENV === "production";
  return createPersonalDataProtector({
    cipher: createFieldCipher(resolveKeyring(settings.DATA_ENCRYPTION_KEYS, { production })),
    blindIndexKey: resolveBlindIndexKey(settings.BLIND_INDEX_KEY, { production }),
  });
}
