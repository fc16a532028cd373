// The secure notes on a booking's staff page: every note that exists (author, when, versions), the text
// of one of your own notes when you open it (each opening is a logged read, so texts are never shown
// unasked), a form to write a note (hosts), to add a version or delete a note (its author), and for
// administrators the request to forget the person.
import "server-only";
import Link from "next/link";
import { Alert, AlertDescription } from "../../components/ui/alert";
import { Button } from "../../components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "../../components/ui/card";
import { Label } from "../../components/ui/label";
import { LocalTime } from "../local-time";
import type { StaffRole } from "../staff-api";
import { loadStaffData } from "../staff-page-data";
import { deleteNote, forgetPerson, writeNote, writeNoteVersion } from "./note-actions";

interface StaffNote {
  id: string;
  authorStaffUserId: string;
  yours: boolean;
  eraseWithPersonalData: boolean;
  createdAt: string;
  updatedAt: string | null;
  versions: number;
  deleted: { at: string; reason: string } | null;
}

interface StaffNoteVersion {
  version: number;
  text: string;
  writtenAt: string;
}

const textareaClass =
  "min-h-28 w-full rounded-md border border-input bg-transparent px-3 py-2 text-sm shadow-xs outline-none focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50";

export async function SecureNotesSection(props: {
  uid: string;
  role: StaffRole;
  openNoteId: string | null;
  message: string | null;
}) {
  const { uid, role } = props;
  const base = `/staff/bookings/${encodeURIComponent(uid)}`;
  const { notes } = await loadStaffData<{ notes: StaffNote[] }>(`${base}/notes`);
  const open = notes.find((note) => note.id === props.openNoteId && note.yours && !note.deleted);
  const versions = open
    ? (await loadStaffData<{ versions: StaffNoteVersion[] }>(`${base}/notes/${encodeURIComponent(open.id)}`)).versions
    : [];
  const latest = versions.at(-1);

  return (
    <Card id="secure-notes" data-testid="secure-notes">
      <CardHeader>
        <CardTitle>Secure notes</CardTitle>
        <CardDescription>
          Only a note's author can read it; each reading is logged. Deleting a note destroys its key: no copy of the
          database can open it afterwards.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {props.message && (
          <Alert data-testid="secure-notes-message">
            <AlertDescription>{props.message}</AlertDescription>
          </Alert>
        )}
        {notes.length === 0 ? (
          <p className="text-muted-foreground text-sm">No notes on this booking.</p>
        ) : (
          <ul className="grid gap-2 text-sm" data-testid="secure-notes-list">
            {notes.map((note) => (
              <li key={note.id} className="flex flex-wrap items-center gap-2" data-note-id={note.id}>
                <span className="font-medium">{note.yours ? "Your note" : "A colleague's note"}</span>
                <span className="text-muted-foreground">
                  written <LocalTime iso={note.createdAt} />
                  {note.deleted ? `, deleted (${note.deleted.reason})` : `, ${note.versions} version(s)`}
                </span>
                {note.yours && !note.deleted && note.id !== open?.id && (
                  <Link
                    href={`${base}?note=${encodeURIComponent(note.id)}#secure-notes`}
                    className="text-primary underline underline-offset-4"
                    data-testid="open-note"
                  >
                    Read
                  </Link>
                )}
              </li>
            ))}
          </ul>
        )}

        {open && latest && (
          <section className="grid gap-3 rounded-md border p-3" aria-label="Your note" data-testid="open-note-text">
            <ol className="grid gap-2 text-sm">
              {versions.map((version) => (
                <li key={version.version}>
                  <span className="text-muted-foreground">
                    Version {version.version}, <LocalTime iso={version.writtenAt} />
                  </span>
                  <p className="whitespace-pre-wrap">{version.text}</p>
                </li>
              ))}
            </ol>
            <form action={writeNoteVersion} className="grid gap-2">
              <input type="hidden" name="uid" value={uid} />
              <input type="hidden" name="noteId" value={open.id} />
              <Label htmlFor="note-version-text">New version</Label>
              <textarea
                id="note-version-text"
                name="text"
                required
                defaultValue={latest.text}
                className={textareaClass}
              />
              <Button type="submit" variant="outline" className="justify-self-start">
                Save as a new version
              </Button>
            </form>
            <form action={deleteNote} className="flex flex-wrap items-center gap-3">
              <input type="hidden" name="uid" value={uid} />
              <input type="hidden" name="noteId" value={open.id} />
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="confirm" required /> I understand it cannot be recovered
              </label>
              <Button type="submit" variant="destructive" data-testid="delete-note">
                Delete for good
              </Button>
            </form>
          </section>
        )}

        {role === "host" && (
          <form action={writeNote} className="grid gap-2" data-testid="write-note">
            <input type="hidden" name="uid" value={uid} />
            <Label htmlFor="note-text">New note</Label>
            <textarea id="note-text" name="text" required className={textareaClass} />
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="eraseWithPersonalData" defaultChecked /> Erase it with the person's data when
              the booking's retention ends
            </label>
            <Button type="submit" className="justify-self-start">
              Save note
            </Button>
          </form>
        )}

        {role === "admin" && (
          <form action={forgetPerson} className="flex flex-wrap items-center gap-3 border-t pt-4" data-testid="forget">
            <input type="hidden" name="uid" value={uid} />
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="confirm" required /> The person asked to be forgotten
            </label>
            <Button type="submit" variant="destructive">
              Erase their personal data now
            </Button>
          </form>
        )}
      </CardContent>
    </Card>
  );
}
