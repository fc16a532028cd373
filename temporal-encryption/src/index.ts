export { createDataConverter, failureConverterPath } from "./data-converter.js";
export { createEncryptionCodec, ENCRYPTED_ENCODING, KEY_ID_METADATA } from "./payload-codec.js";
