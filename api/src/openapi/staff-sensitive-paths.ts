// OpenAPI entries of sensitive mode on a booking's staff page: secure notes (api/src/staff/notes/) and the
// request to forget the person (api/src/staff/erasure/). Built by the document with its own helpers, so
// every answer's body is checked against these schemas in the tests.
import { z } from "zod";
import {
  staffNoteCreateBodySchema,
  staffNoteParamsSchema,
  staffNoteVersionBodySchema,
} from "../staff/notes/staff-notes.router.js";
import { staffBookingParamsSchema } from "../staff/staff.router.js";

type Schema = z.ZodType;
interface DocumentHelpers {
  json: (schema: Schema) => Record<string, unknown>;
  ok: (description: string, schema: Schema) => Record<string, unknown>;
  error: (description: string) => Record<string, unknown>;
  parametersOf: (location: "path" | "query", schema: z.ZodObject) => unknown[];
}

const noteSchema = z.object({
  id: z.uuid(),
  authorStaffUserId: z.string(),
  yours: z.boolean(),
  eraseWithPersonalData: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime().nullable(),
  versions: z.number().int().min(0),
  deleted: z.object({ at: z.iso.datetime(), reason: z.enum(["deleted", "expired", "forgotten"]) }).nullable(),
});
const erasureSchema = z.object({
  bookingUid: z.string(),
  reason: z.enum(["expired", "forgotten"]),
  erasedAt: z.iso.datetime(),
  notesDestroyed: z.number().int().min(0),
  bookingFound: z.boolean(),
});
const versionSchema = z.object({ version: z.number().int().min(1), text: z.string(), writtenAt: z.iso.datetime() });

export function buildStaffSensitivePaths({ json, ok, error, parametersOf }: DocumentHelpers) {
  const security = [{ staffSession: [] }];
  const csrf = { name: "X-CSRF-Token", in: "header", required: true, schema: { type: "string" } };
  const signedIn = { "401": error("No live staff session (signed out, expired, deactivated)") };
  const notFound = { "404": error("No such booking or note, or a booking the person may not see (the same answer)") };
  const bodyErrors = { "413": error("Body over the size limit"), "415": error("Not JSON in UTF-8") };
  return {
    "/staff/bookings/{uid}/notes": {
      get: {
        summary: "The secure notes on a booking: that they exist, who wrote them, when (never their text)",
        tags: ["staff"],
        security,
        parameters: parametersOf("path", staffBookingParamsSchema),
        responses: {
          "200": ok("Oldest first, deleted ones included (without text)", z.object({ notes: z.array(noteSchema) })),
          "400": error("Not a booking uid"),
          ...signedIn,
          ...notFound,
        },
      },
      post: {
        summary: "Write a secure note on your own booking (hosts): sealed under a data key of its own",
        // Only hosts write notes (the access test reads it: an administrator gets 403 here).
        "x-staff-role": "host",
        tags: ["staff"],
        security,
        parameters: [...parametersOf("path", staffBookingParamsSchema), csrf],
        requestBody: { required: true, content: json(staffNoteCreateBodySchema) },
        responses: {
          "201": ok("The note (without its text)", z.object({ note: noteSchema })),
          "400": error("Bad input (the message names the field)"),
          ...signedIn,
          "403": error("Not a host, or the CSRF token or Origin is wrong"),
          ...notFound,
          ...bodyErrors,
        },
      },
    },
    "/staff/bookings/{uid}/notes/{noteId}": {
      get: {
        summary: "Read your own note, every version (its author only); the read is access-logged first",
        tags: ["staff"],
        security,
        parameters: parametersOf("path", staffNoteParamsSchema),
        responses: {
          "200": ok(
            "The note and its versions, oldest first",
            z.object({ note: noteSchema, versions: z.array(versionSchema) }),
          ),
          "400": error("Not a booking uid or note id"),
          ...signedIn,
          "403": error("Not the note's author (administrators see only that it exists)"),
          ...notFound,
          "410": error("The note was deleted: its key is destroyed"),
        },
      },
      delete: {
        summary: "Delete your own note for good: its key is destroyed, so no copy of the database can open it",
        tags: ["staff"],
        security,
        parameters: [...parametersOf("path", staffNoteParamsSchema), csrf],
        responses: {
          "204": { description: "Deleted (also when it already was)" },
          "400": error("Not a booking uid or note id"),
          ...signedIn,
          "403": error("Not the note's author, or the CSRF token or Origin is wrong"),
          ...notFound,
        },
      },
    },
    "/staff/bookings/{uid}/notes/{noteId}/versions": {
      post: {
        summary: "Write a new version of your own note (earlier versions are kept)",
        tags: ["staff"],
        security,
        parameters: [...parametersOf("path", staffNoteParamsSchema), csrf],
        requestBody: { required: true, content: json(staffNoteVersionBodySchema) },
        responses: {
          "201": ok("The note (without its text)", z.object({ note: noteSchema })),
          "400": error("Bad input (the message names the field)"),
          ...signedIn,
          "403": error("Not the note's author, or the CSRF token or Origin is wrong"),
          ...notFound,
          "410": error("The note was deleted: its key is destroyed"),
          ...bodyErrors,
        },
      },
    },
    "/staff/bookings/{uid}/forget": {
      post: {
        summary:
          "Forget the person behind a booking now (administrators): personal data, questionnaire answers and the notes marked for it are erased; an audit entry remains",
        tags: ["staff"],
        "x-staff-role": "admin",
        security,
        parameters: [...parametersOf("path", staffBookingParamsSchema), csrf],
        responses: {
          "200": ok("What was erased", z.object({ erasure: erasureSchema })),
          "400": error("Not a booking uid"),
          ...signedIn,
          "403": error("Not an administrator, or the CSRF token or Origin is wrong"),
          ...notFound,
          "503": error("Erasure is not available (no Temporal)"),
        },
      },
    },
  };
}
