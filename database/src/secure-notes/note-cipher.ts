// How one version of a secure note's text is sealed: AES-256-GCM (field-cipher.ts) under the note's own
// data key, bound to the note id and version number, so a version moved to another note or number fails.
import { createFieldCipher, type FieldCipher } from "@churchhub/field-encryption";

const purposeOf = (noteId: string, version: number) => `secure_note_versions.body:${noteId}:${version}`;

function cipherFor(key: Buffer): FieldCipher {
  return createFieldCipher({ activeKeyId: "note", keys: new Map([["note", key]]) });
}

export function sealNoteText(key: Buffer, noteId: string, version: number, text: string): string {
  return cipherFor(key).encrypt(text, purposeOf(noteId, version));
}

/** Throws DecryptionError for any other key (a destroyed note's key is the only one that opens it). */
export function openNoteText(key: Buffer, noteId: string, version: number, sealed: string): string {
  return cipherFor(key).decrypt(sealed, purposeOf(noteId, version));
}
