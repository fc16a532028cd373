// The one data converter for every Temporal client and worker in the project: same codec, same
// failure converter, so what one side encrypts the other can read.
import { createRequire } from "node:module";
import type { DataConverter } from "@temporalio/common";
import type { Keyring } from "@churchhub/field-encryption";
import { createEncryptionCodec } from "./payload-codec.js";

const failureConverterPath = createRequire(import.meta.url).resolve("@churchhub/temporal-encryption/failure-converter");

export function createDataConverter(keyring: Keyring): DataConverter {
  return { payloadCodecs: [createEncryptionCodec(keyring)], failureConverterPath };
}
