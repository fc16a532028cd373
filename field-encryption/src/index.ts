export { createFieldCipher, DecryptionError, type FieldCipher } from "./field-cipher.js";
export { parseKeyring, type Keyring } from "./keyring.js";
export {
  createPersonalDataProtector,
  createProtectorFromSettings,
  type PersonalDataProtector,
} from "./personal-data-protector.js";
