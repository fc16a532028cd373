"use server";
// The secure notes' and the erasure's forms on a booking's staff page, as server actions: each calls the
// api (which checks the session, role, scope, authorship and CSRF token) and returns to the booking's
// page, with the api's message when it refused.
import { notFound, redirect } from "next/navigation";
import { refusalMessage, StaffSignInRequiredError, staffApiSend } from "../staff-api";

const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

function bookingPage(uid: string, query: Record<string, string> = {}): string {
  const search = new URLSearchParams(query).toString();
  return `/staff/bookings/${encodeURIComponent(uid)}${search ? `?${search}` : ""}#secure-notes`;
}

/** The api's refusal for the person, or null when the change was made. */
async function change(uid: string, method: "POST" | "DELETE", path: string, body?: unknown): Promise<string | null> {
  let answer: Awaited<ReturnType<typeof staffApiSend>>;
  try {
    answer = await staffApiSend(method, `/staff/bookings/${encodeURIComponent(uid)}${path}`, body);
  } catch (error) {
    if (error instanceof StaffSignInRequiredError) redirect("/staff/sign-in");
    throw error;
  }
  if (answer.status === 404) notFound();
  if (answer.status < 400) return null;
  return refusalMessage(answer) ?? `The request was refused (HTTP ${answer.status})`;
}

export async function writeNote(form: FormData): Promise<void> {
  const uid = field(form, "uid");
  const refused = await change(uid, "POST", "/notes", {
    text: field(form, "text"),
    eraseWithPersonalData: form.get("eraseWithPersonalData") === "on",
  });
  redirect(bookingPage(uid, refused ? { notesMessage: refused } : {}));
}

export async function writeNoteVersion(form: FormData): Promise<void> {
  const uid = field(form, "uid");
  const noteId = field(form, "noteId");
  const refused = await change(uid, "POST", `/notes/${encodeURIComponent(noteId)}/versions`, {
    text: field(form, "text"),
  });
  redirect(bookingPage(uid, refused ? { note: noteId, notesMessage: refused } : { note: noteId }));
}

export async function deleteNote(form: FormData): Promise<void> {
  const uid = field(form, "uid");
  const refused = await change(uid, "DELETE", `/notes/${encodeURIComponent(field(form, "noteId"))}`);
  redirect(bookingPage(uid, refused ? { notesMessage: refused } : { notesMessage: "The note was deleted for good." }));
}

export async function forgetPerson(form: FormData): Promise<void> {
  const uid = field(form, "uid");
  const refused = await change(uid, "POST", "/forget");
  redirect(bookingPage(uid, { notesMessage: refused ?? "The person's personal data was erased." }));
}
