// Secure notes against the real thing (Postgres for the notes, a second database as the key store,
// Better Auth sessions): only the author reads a note's text, an administrator sees only that it exists,
// each read is in the access log, versions are append-only, and a deleted note cannot be read from a
// copy of the database taken before the deletion, with every key that still exists.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNoteKeystore, openNoteText } from "@churchhub/database";
import {
  createFieldCipher,
  createPersonalDataProtector,
  DEVELOPMENT_BLIND_INDEX_KEY,
  parseKeyring,
} from "@churchhub/field-encryption";
import { dumpDatabase } from "@churchhub/test-support/dump-database";
import { startStaffHarness, type StaffHarness, type StaffSession } from "@churchhub/test-support/staff-harness";

const HOST_A = 93_001;
const HOST_B = 93_002;

let harness: StaffHarness;
let admin: StaffSession;
let hostA: StaffSession;
let hostB: StaffSession;
let bookingA: string;

beforeAll(async () => {
  harness = await startStaffHarness();
  bookingA = await harness.seedBooking({
    calUserId: HOST_A,
    attendeeName: "Ruth Notes",
    attendeeEmail: "ruth@example.net",
  });
  await harness.seedBooking({ calUserId: HOST_B, attendeeName: "Boaz Other", attendeeEmail: "boaz@example.net" });
  admin = await harness.signInNew("admin");
  hostA = await harness.signInNew("host", { calUserId: HOST_A });
  hostB = await harness.signInNew("host", { calUserId: HOST_B });
});

afterAll(async () => {
  const violations = harness?.contractViolations ?? [];
  await harness?.stop();
  expect(violations).toEqual([]);
});

const notesOf = (uid: string) => `/staff/bookings/${encodeURIComponent(uid)}/notes`;

async function writeNote(text: string, eraseWithPersonalData?: boolean): Promise<string> {
  const response = await hostA.change("POST", notesOf(bookingA), { text, eraseWithPersonalData });
  expect(response.status).toBe(201);
  return ((await response.json()) as { note: { id: string } }).note.id;
}

async function noteReadsLogged(userId: string): Promise<number> {
  const { rows } = await harness.pool.query(
    "SELECT count(*)::int AS n FROM staff_access_log WHERE staff_user_id = $1 AND action = 'note.read' AND booking_uid = $2",
    [userId, bookingA],
  );
  return rows[0].n;
}

describe("who reads a note", () => {
  it("lets the author read it, shows an administrator only that it exists, and hides it from other hosts", async () => {
    const canary = `note-canary-${randomUUID()}`;
    const noteId = await writeNote(`Spoke about ${canary}`);

    const own = await hostA.get(`${notesOf(bookingA)}/${noteId}`);
    expect(own.status).toBe(200);
    const read = (await own.json()) as { note: { yours: boolean }; versions: Array<{ text: string }> };
    expect(read.note.yours).toBe(true);
    expect(read.versions.map((version) => version.text)).toEqual([`Spoke about ${canary}`]);

    const listed = await admin.get(notesOf(bookingA));
    expect(listed.status).toBe(200);
    const listing = await listed.text();
    expect(listing).not.toContain(canary);
    const notes = (JSON.parse(listing) as { notes: Array<{ id: string; yours: boolean; authorStaffUserId: string }> })
      .notes;
    expect(notes.find((note) => note.id === noteId)).toMatchObject({ yours: false, authorStaffUserId: hostA.userId });
    const adminRead = await admin.get(`${notesOf(bookingA)}/${noteId}`);
    expect(adminRead.status).toBe(403);
    expect(await adminRead.text()).not.toContain(canary);

    // Another host: the booking is outside their scope, so neither it nor its notes exist for them.
    expect((await hostB.get(notesOf(bookingA))).status).toBe(404);
    expect((await hostB.get(`${notesOf(bookingA)}/${noteId}`)).status).toBe(404);
    expect((await hostB.change("POST", notesOf(bookingA), { text: "intrusion" })).status).toBe(404);
    expect((await hostB.change("DELETE", `${notesOf(bookingA)}/${noteId}`)).status).toBe(404);
  });

  it("logs every read of a note's text, and only reads (not the listing, not a refused read)", async () => {
    const noteId = await writeNote("Read me twice");
    const before = await noteReadsLogged(hostA.userId);
    expect((await hostA.get(`${notesOf(bookingA)}/${noteId}`)).status).toBe(200);
    expect((await hostA.get(`${notesOf(bookingA)}/${noteId}`)).status).toBe(200);
    expect((await hostA.get(notesOf(bookingA))).status).toBe(200);
    expect(await noteReadsLogged(hostA.userId)).toBe(before + 2);
    const adminBefore = await noteReadsLogged(admin.userId);
    expect((await admin.get(`${notesOf(bookingA)}/${noteId}`)).status).toBe(403);
    expect(await noteReadsLogged(admin.userId)).toBe(adminBefore);

    // Administrators see those reads in the booking's access log, and the chain still verifies.
    const log = (await (await admin.get(`/staff/bookings/${bookingA}/access-log`)).json()) as {
      entries: Array<{ action: string; staffUserId: string }>;
    };
    expect(
      log.entries.filter((entry) => entry.action === "note.read" && entry.staffUserId === hostA.userId).length,
    ).toBeGreaterThanOrEqual(2);
    expect(await harness.area.accessLog.verify()).toMatchObject({ intact: true });
  });

  it("takes notes from hosts only, with the session's CSRF token, and names a wrong field", async () => {
    expect((await admin.change("POST", notesOf(bookingA), { text: "an admin's note" })).status).toBe(403);
    const withoutToken = await hostA.post(notesOf(bookingA));
    expect(withoutToken.status).toBe(403);
    const empty = await hostA.change("POST", notesOf(bookingA), { text: "   " });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { error: { message: string } }).error.message).toMatch(/^text: /);
    const unknown = await hostA.get(`${notesOf(bookingA)}/${randomUUID()}`);
    expect(unknown.status).toBe(404);
  });
});

describe("the request to forget the person", () => {
  it("is for administrators only, with the CSRF token, and says when Temporal is not there to run it", async () => {
    const forget = `/staff/bookings/${encodeURIComponent(bookingA)}/forget`;
    expect((await hostA.change("POST", forget)).status).toBe(403);
    expect((await admin.post(forget)).status).toBe(403);
    expect((await admin.change("POST", `/staff/bookings/no-such-booking/forget`)).status).toBe(404);
    // This harness serves the staff area without Temporal (sensitive-retention.test.ts runs the erasure).
    expect((await admin.change("POST", forget)).status).toBe(503);
  });
});

describe("versions", () => {
  it("keeps every version, sealed, and the database refuses to edit one", async () => {
    const noteId = await writeNote("First thoughts");
    const second = await hostA.change("POST", `${notesOf(bookingA)}/${noteId}/versions`, { text: "Second thoughts" });
    expect(second.status).toBe(201);
    expect(((await second.json()) as { note: { versions: number } }).note.versions).toBe(2);
    const read = (await (await hostA.get(`${notesOf(bookingA)}/${noteId}`)).json()) as {
      versions: Array<{ version: number; text: string }>;
    };
    expect(read.versions.map(({ version, text }) => [version, text])).toEqual([
      [1, "First thoughts"],
      [2, "Second thoughts"],
    ]);
    // Others cannot add versions to it.
    expect(
      (await admin.change("POST", `${notesOf(bookingA)}/${noteId}/versions`, { text: "overwritten" })).status,
    ).toBe(403);

    const { rows } = await harness.pool.query(
      "SELECT body_encrypted FROM secure_note_versions WHERE note_id = $1 ORDER BY version",
      [noteId],
    );
    expect(rows).toHaveLength(2);
    expect(JSON.stringify(rows)).not.toContain("thoughts");
    await expect(
      harness.pool.query("UPDATE secure_note_versions SET body_encrypted = 'x' WHERE note_id = $1", [noteId]),
    ).rejects.toThrow(/append-only/);
    await expect(harness.pool.query("DELETE FROM secure_note_versions WHERE note_id = $1", [noteId])).rejects.toThrow(
      /append-only/,
    );
  });
});

describe("key rotation", () => {
  it("re-wraps the note keys under a new active key, so the old one can be removed", async () => {
    const noteId = await writeNote("Survives a key rotation");
    const oldRing = harness.protector.cipher.keyring;
    const oldSpec = [...oldRing.keys].map(([id, key]) => `${id}:${key.toString("base64")}`).join(",");
    const newKey = `rotated:${Buffer.alloc(32, 7).toString("base64")}`;
    const keystoreUnder = (spec: string) =>
      createNoteKeystore({
        url: harness.noteKeystoreUrl,
        notesDatabaseUrl: harness.databaseUrl,
        protector: createPersonalDataProtector({
          cipher: createFieldCipher(parseKeyring(spec)),
          blindIndexKey: DEVELOPMENT_BLIND_INDEX_KEY,
        }),
      });
    const onlyNew = keystoreUnder(newKey);
    const both = keystoreUnder(`${oldSpec},${newKey}`);
    const back = keystoreUnder(`${newKey},${oldSpec}`);
    try {
      await expect(onlyNew.find(noteId)).rejects.toThrow(/not configured/);
      expect(await both.rewrap()).toBeGreaterThan(0);
      expect(await both.rewrap()).toBe(0);
      const key = await onlyNew.find(noteId);
      const [row] = (
        await harness.pool.query("SELECT version, body_encrypted FROM secure_note_versions WHERE note_id = $1", [
          noteId,
        ])
      ).rows;
      expect(openNoteText(key!, noteId, row.version, row.body_encrypted)).toBe("Survives a key rotation");
    } finally {
      // Back under the harness's key, for the tests after this one.
      await back.rewrap();
      await Promise.all([onlyNew.close(), both.close(), back.close()]);
    }
  });
});

describe("deletion", () => {
  it("destroys the note's key: a copy of the database taken before cannot be read with every key that is left", async () => {
    const canary = `shredded-canary-${randomUUID()}`;
    const noteId = await writeNote(`Confided ${canary}`);
    await hostA.change("POST", `${notesOf(bookingA)}/${noteId}/versions`, { text: `Later: ${canary}` });

    // The copy taken before the deletion: every row of the notes' database.
    const copy = await dumpDatabase(harness.databaseUrl);
    const copied = versionsIn(copy, noteId);
    expect(copied).toHaveLength(2);
    expect(copy).not.toContain(canary);
    // While the key exists, that copy opens (so the check below can fail).
    const key = await harness.area.noteKeystore.find(noteId);
    expect(key).not.toBeNull();
    expect(copied.map((row) => openNoteText(key!, noteId, row.version, row.body_encrypted))).toEqual([
      `Confided ${canary}`,
      `Later: ${canary}`,
    ]);

    const deleted = await hostA.change("DELETE", `${notesOf(bookingA)}/${noteId}`);
    expect(deleted.status).toBe(204);

    // Everything still available: the key ring, the copy, and every key left in the key store.
    expect(await harness.area.noteKeystore.find(noteId)).toBeNull();
    const keystore = new pg.Client({ connectionString: harness.noteKeystoreUrl });
    await keystore.connect();
    const remaining = await keystore
      .query<{ note_id: string; wrapped_key: string }>("SELECT note_id, wrapped_key FROM note_keys")
      .finally(() => keystore.end());
    expect(remaining.rows.length).toBeGreaterThan(0);
    expect(remaining.rows.map((row) => row.note_id)).not.toContain(noteId);
    const keysLeft = await Promise.all(remaining.rows.map((row) => harness.area.noteKeystore.find(row.note_id)));
    const keyRing = [...harness.protector.cipher.keyring.keys.values()];
    for (const candidate of [...keysLeft, ...keyRing]) {
      for (const row of copied)
        expect(() => openNoteText(candidate!, noteId, row.version, row.body_encrypted)).toThrow(/decrypted/);
    }

    // What remains in the database says only that a note existed; its text answers 410.
    const after = await dumpDatabase(harness.databaseUrl);
    expect(versionsIn(after, noteId)).toEqual([]);
    expect((await hostA.get(`${notesOf(bookingA)}/${noteId}`)).status).toBe(410);
    const listed = (await (await hostA.get(notesOf(bookingA))).json()) as {
      notes: Array<{ id: string; deleted: { reason: string } | null; versions: number }>;
    };
    expect(listed.notes.find((note) => note.id === noteId)).toMatchObject({
      deleted: { reason: "deleted" },
      versions: 0,
    });
    expect((await hostA.change("DELETE", `${notesOf(bookingA)}/${noteId}`)).status).toBe(204);
    expect((await hostA.change("POST", `${notesOf(bookingA)}/${noteId}/versions`, { text: "again" })).status).toBe(410);
  });
});

/** The secure_note_versions rows of one note in a dump (one JSON row per line under its table's header). */
function versionsIn(dump: string, noteId: string): Array<{ version: number; body_encrypted: string }> {
  const section = dump.split(/^-- /m).find((part) => part.startsWith("public.secure_note_versions\n")) ?? "";
  return section
    .split("\n")
    .slice(1)
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { note_id: string; version: number; body_encrypted: string })
    .filter((row) => row.note_id === noteId);
}
