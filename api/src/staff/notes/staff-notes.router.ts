// Secure notes on a booking's page: a host writes notes on their own booking; only the author reads
// them (an administrator sees that a note exists and who wrote it, never the text); every read of a
// note's text goes into the access log before it is answered; changes append a version; deletion
// destroys the note's key (see database/src/secure-notes/). Mounted behind requireStaff and the CSRF
// check; a booking outside the person's scope answers the same 404 as a missing one.
import express, { type Response, Router } from "express";
import { z } from "zod";
import { type SecureNoteStore, type SecureNoteSummary, SecureNoteUnreadableError } from "@churchhub/database";
import { HttpError, notFound } from "../../http/http-errors.js";
import { validateRequest } from "../../http/validate-request.js";
import type { StaffAccessLog } from "../access-log/staff-access-log.js";
import { clientAddress } from "../client-address.js";
import { principalOf, requireStaffRole } from "../staff-access.js";
import type { StaffBookings } from "../staff-bookings.js";
import type { StaffPrincipal } from "../staff-principal.js";
import { staffBookingParamsSchema } from "../staff.router.js";

/** Long enough for pages of notes, short enough that one request stays small. */
export const NOTE_TEXT_MAX_LENGTH = 20_000;
const noteText = z.string().trim().min(1).max(NOTE_TEXT_MAX_LENGTH);

export const staffNoteParamsSchema = staffBookingParamsSchema.extend({ noteId: z.uuid() });
export const staffNoteCreateBodySchema = z.strictObject({
  text: noteText,
  /** Erase the note with the booking's personal data when the booking's retention ends (sensitive bookings). */
  eraseWithPersonalData: z.boolean().default(true),
});
export const staffNoteVersionBodySchema = z.strictObject({ text: noteText });

export const noteAuthorOnly = () =>
  new HttpError(403, "forbidden", "Only a note's author may read or change it (administrators see that it exists)");
export const noteDeleted = () =>
  new HttpError(410, "gone", "This note was deleted: its key is destroyed and its text can no longer be read");

/** What every staff member in scope may see of a note: that it exists, by whom, when, how many versions. */
export interface StaffNoteView {
  id: string;
  authorStaffUserId: string;
  yours: boolean;
  eraseWithPersonalData: boolean;
  createdAt: string;
  updatedAt: string | null;
  versions: number;
  deleted: { at: string; reason: string } | null;
}

function viewOf(note: SecureNoteSummary, principal: StaffPrincipal): StaffNoteView {
  return {
    id: note.id,
    authorStaffUserId: note.authorStaffUserId,
    yours: note.authorStaffUserId === principal.userId,
    eraseWithPersonalData: note.eraseWithPersonalData,
    createdAt: note.createdAt.toISOString(),
    updatedAt: note.updatedAt?.toISOString() ?? null,
    versions: note.versions,
    deleted: note.destroyedAt ? { at: note.destroyedAt.toISOString(), reason: note.destroyedReason! } : null,
  };
}

export interface StaffNotesRouterDependencies {
  notes: SecureNoteStore;
  bookings: Pick<StaffBookings, "inScope">;
  accessLog: StaffAccessLog;
  trustedProxies: readonly string[];
}

export function createStaffNotesRouter(deps: StaffNotesRouterDependencies): Router {
  const router = Router();
  const bookingParams = validateRequest({ params: staffBookingParamsSchema });
  const noteParams = validateRequest({ params: staffNoteParamsSchema });
  const createNote = validateRequest({ params: staffBookingParamsSchema, body: staffNoteCreateBodySchema });
  const addVersion = validateRequest({ params: staffNoteParamsSchema, body: staffNoteVersionBodySchema });
  const json = express.json({ limit: "64kb" });

  async function requireBookingInScope(response: Response, uid: string): Promise<StaffPrincipal> {
    const principal = principalOf(response);
    if (!(await deps.bookings.inScope(principal, uid))) throw notFound("No booking with that uid");
    return principal;
  }

  /** The note on that booking, written by this person; 404 when not on it, 403 for anyone but its author. */
  async function authoredNote(response: Response, uid: string, noteId: string) {
    const principal = await requireBookingInScope(response, uid);
    const note = await deps.notes.summary(noteId);
    if (!note || note.bookingUid !== uid) throw notFound("No note with that id on this booking");
    if (note.authorStaffUserId !== principal.userId) throw noteAuthorOnly();
    return { principal, note };
  }

  router.get("/staff/bookings/:uid/notes", bookingParams, async (_request, response) => {
    const { uid } = bookingParams.parsed(response).params;
    const principal = await requireBookingInScope(response, uid);
    const notes = await deps.notes.list(uid);
    response.json({ notes: notes.map((note) => viewOf(note, principal)) });
  });

  router.post("/staff/bookings/:uid/notes", requireStaffRole("host"), json, createNote, async (_request, response) => {
    const { params, body } = createNote.parsed(response);
    const principal = await requireBookingInScope(response, params.uid);
    const note = await deps.notes.create({
      bookingUid: params.uid,
      authorStaffUserId: principal.userId,
      text: body.text,
      eraseWithPersonalData: body.eraseWithPersonalData,
    });
    response.status(201).json({ note: viewOf(note, principal) });
  });

  router.get("/staff/bookings/:uid/notes/:noteId", noteParams, async (request, response) => {
    const { uid, noteId } = noteParams.parsed(response).params;
    const { principal, note } = await authoredNote(response, uid, noteId);
    if (note.destroyedAt) throw noteDeleted();
    let versions: Awaited<ReturnType<SecureNoteStore["read"]>>;
    try {
      versions = await deps.notes.read(noteId);
    } catch (error) {
      if (error instanceof SecureNoteUnreadableError) throw noteDeleted();
      throw error;
    }
    // Logged before the text leaves: a read that cannot be logged is not answered.
    await deps.accessLog.record([
      {
        staffUserId: principal.userId,
        staffRole: principal.role,
        bookingUid: uid,
        action: "note.read",
        clientAddress: clientAddress(request, deps.trustedProxies),
      },
    ]);
    response.json({
      note: viewOf(note, principal),
      versions: versions.map((version) => ({
        version: version.version,
        text: version.text,
        writtenAt: version.writtenAt.toISOString(),
      })),
    });
  });

  router.post("/staff/bookings/:uid/notes/:noteId/versions", json, addVersion, async (_request, response) => {
    const { params, body } = addVersion.parsed(response);
    const { principal, note } = await authoredNote(response, params.uid, params.noteId);
    if (note.destroyedAt) throw noteDeleted();
    try {
      response.status(201).json({ note: viewOf(await deps.notes.addVersion(params.noteId, body.text), principal) });
    } catch (error) {
      if (error instanceof SecureNoteUnreadableError) throw noteDeleted();
      throw error;
    }
  });

  router.delete("/staff/bookings/:uid/notes/:noteId", noteParams, async (_request, response) => {
    const { uid, noteId } = noteParams.parsed(response).params;
    await authoredNote(response, uid, noteId);
    // Repeating a deletion is harmless: the key is already gone.
    await deps.notes.destroy([noteId], "deleted");
    response.status(204).end();
  });

  return router;
}
