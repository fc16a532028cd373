export { createDataConverter } from "./data-converter.js";
export { createEncryptionCodec } from "./payload-codec.js";
