// Encryption keys come from configuration as "id:base64key" pairs; the last one encrypts, all of them
// decrypt, so a new key can be added, data re-encrypted, and the old key removed without downtime.
export interface Keyring {
  activeKeyId: string;
  keys: ReadonlyMap<string, Buffer>;
}

export class KeyringError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "KeyringError";
  }
}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * A fixed key for local development only, so `npm run dev` works without setup and its data stays
 * readable across restarts. Production refuses to start with it (see isDevelopmentKeyring).
 */
export const DEVELOPMENT_KEYRING_SPEC = "dev:Y2h1cmNoaHViLWRldmVsb3BtZW50LWtleS0zMmJ5dGU=";

export function parseKeyring(spec: string): Keyring {
  const keys = new Map<string, Buffer>();
  let activeKeyId: string | undefined;
  for (const entry of spec
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const separator = entry.indexOf(":");
    const id = entry.slice(0, separator);
    const key = Buffer.from(entry.slice(separator + 1), "base64");
    if (separator <= 0 || !KEY_ID.test(id))
      throw new KeyringError(`key id "${id}" must be 1–32 letters, digits, - or _`);
    if (key.length !== 32) throw new KeyringError(`key "${id}" must be 32 bytes, base64-encoded (got ${key.length})`);
    if (keys.has(id)) throw new KeyringError(`key id "${id}" appears twice`);
    keys.set(id, key);
    activeKeyId = id;
  }
  if (!activeKeyId) throw new KeyringError('at least one key is required, as "id:base64key"');
  return { activeKeyId, keys };
}

export function isDevelopmentKeyring(keyring: Keyring): boolean {
  const development = parseKeyring(DEVELOPMENT_KEYRING_SPEC);
  const developmentKey = development.keys.get(development.activeKeyId)!;
  return [...keyring.keys.values()].some((key) => key.equals(developmentKey));
}

/** The configured keyring, or the development one outside production; production never runs on it. */
export function resolveKeyring(spec: string | undefined, options: { production: boolean }): Keyring {
  if (!spec) {
    if (options.production) throw new KeyringError("DATA_ENCRYPTION_KEYS is required in production");
    return parseKeyring(DEVELOPMENT_KEYRING_SPEC);
  }
  const keyring = parseKeyring(spec);
  if (options.production && isDevelopmentKeyring(keyring))
    throw new KeyringError("the development key must not be used in production");
  return keyring;
}
