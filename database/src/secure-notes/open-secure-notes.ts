// The secure notes for a process that does not serve the staff area (the worker erases notes when a
// booking's retention ends): a small pool of its own on the notes' database, and the key store.
import type { PersonalDataProtector } from "@churchhub/field-encryption";
import pg from "pg";
import { createNoteKeystore } from "./note-keystore.js";
import { createSecureNoteStore, type SecureNoteStore } from "./secure-note-store.js";

export function openSecureNotes(options: {
  databaseUrl: string;
  noteKeystoreUrl: string;
  createNoteKeystoreDatabase: boolean;
  protector: PersonalDataProtector;
  clock: () => Date;
}): { notes: SecureNoteStore; close(): Promise<void> } {
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 2, application_name: "churchhub-notes" });
  const keystore = createNoteKeystore({
    url: options.noteKeystoreUrl,
    protector: options.protector,
    notesDatabaseUrl: options.databaseUrl,
    createDatabase: options.createNoteKeystoreDatabase,
  });
  return {
    notes: createSecureNoteStore({ pool, keystore, clock: options.clock }),
    close: async () => {
      await Promise.all([pool.end(), keystore.close()]);
    },
  };
}
