export { createFieldCipher, DecryptionError, type FieldCipher } from './field-cipher.js';
export { DEVELOPMENT_KEYRING_SPEC, isDevelopmentKeyring, KeyringError, parseKeyring, resolveKeyring, type Keyring } from './keyring.js';
