export { createFieldCipher, DecryptionError, type FieldCipher } from "./field-cipher.js";
export { DEVELOPMENT_KEYRING_SPEC, parseKeyring, type Keyring } from "./keyring.js";
export {
  createPersonalDataProtector,
  createProtectorFromSettings,
  DEVELOPMENT_BLIND_INDEX_KEY,
  type PersonalDataProtector,
} from "./personal-data-protector.js";
export { createEnvelopeSealer, type Enveloped, type EnvelopeSealer } from "./envelope-sealer.js";
