export { createFieldCipher, DecryptionError, type FieldCipher } from "./field-cipher.js";
export {
  DEVELOPMENT_KEYRING_SPEC,
  isDevelopmentKeyring,
  KeyringError,
  parseKeyring,
  resolveKeyring,
  type Keyring,
} from "./keyring.js";
export {
  createPersonalDataProtector,
  createProtectorFromSettings,
  DEVELOPMENT_BLIND_INDEX_KEY,
  resolveBlindIndexKey,
  type PersonalDataProtector,
} from "./personal-data-protector.js";
