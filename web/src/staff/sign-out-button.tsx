"use client";
// Ends the session (Better Auth deletes it in the api's database) and returns to the sign-in page.
import { signOut } from "./passkey-client";

export function SignOutButton() {
  return (
    <button
      type="button"
      className="staff-button staff-button-secondary"
      onClick={async () => {
        await signOut();
        window.location.assign("/staff/sign-in");
      }}
    >
      Sign out
    </button>
  );
}
