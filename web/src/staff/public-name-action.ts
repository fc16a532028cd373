"use server";
// Saves a host's short public name through the api (the signed-in host their own; an administrator any
// host's by Cal.com user id). Next.js checks a server action's Origin; the api checks the CSRF token.
import { revalidatePath } from "next/cache";
import { staffApiChange, type StaffPublicName } from "./staff-api";

export type PublicNameFormState =
  | { status: "idle" }
  | { status: "saved"; publicName: string; bookingPath: string }
  | { status: "refused"; message: string };

export async function choosePublicName(_previous: PublicNameFormState, form: FormData): Promise<PublicNameFormState> {
  const name = String(form.get("publicName") ?? "");
  const calUserId = form.get("calUserId");
  const path =
    calUserId === null
      ? "/staff/profile/public-name"
      : `/staff/hosts/${encodeURIComponent(String(calUserId).trim())}/public-name`;
  const result = await staffApiChange<StaffPublicName>("PUT", path, { name });
  if (!result.ok) return { status: "refused", message: result.message };
  revalidatePath("/staff/profile");
  return {
    status: "saved",
    publicName: result.data.publicName ?? name,
    bookingPath: result.data.bookingPath ?? `/book/${name}`,
  };
}
