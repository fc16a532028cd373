// What a staff page needs before it renders: the signed-in person, or a redirect to sign in.
import "server-only";
import { notFound, redirect } from "next/navigation";
import { StaffNotFoundError, StaffSignInRequiredError, staffApiGet } from "./staff-api";

/** Reads from the staff api; no session → the sign-in page, out of scope or missing → 404. */
export async function loadStaffData<T>(path: string): Promise<T> {
  try {
    return await staffApiGet<T>(path);
  } catch (error) {
    if (error instanceof StaffSignInRequiredError) redirect("/staff/sign-in");
    if (error instanceof StaffNotFoundError) notFound();
    throw error;
  }
}
