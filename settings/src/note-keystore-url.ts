// Where the secure notes' key store is: NOTE_KEYSTORE_URL, or outside production a database of its own
// beside the notes' one on the same server (`<database>_note_keys`), created on first use.
import { requireSetting } from "./load-settings.js";
import type { Settings } from "./settings.schema.js";

export function noteKeystoreUrlFor(settings: Settings, notesDatabaseUrl: string): string {
  if (settings.NOTE_KEYSTORE_URL || settings.NODE_ENV === "production")
    return requireSetting(settings, "NOTE_KEYSTORE_URL");
  const url = new URL(notesDatabaseUrl);
  url.pathname = `${url.pathname.replace(/\/+$/, "")}_note_keys`;
  return url.toString();
}

/** The key store where notes can exist: null in production without one (then there is no staff area). */
export function optionalNoteKeystoreUrlFor(settings: Settings, notesDatabaseUrl: string): string | null {
  if (settings.NODE_ENV === "production" && !settings.NOTE_KEYSTORE_URL) return null;
  return noteKeystoreUrlFor(settings, notesDatabaseUrl);
}
