"use client";
// Ends the session (Better Auth deletes it in the api's database) and returns to the sign-in page.
import { LogOutIcon } from "lucide-react";
import { Button } from "../components/ui/button";
import { signOut } from "./passkey-client";

export function SignOutButton() {
  return (
    <Button
      type="button"
      variant="outline"
      size="sm"
      data-testid="staff-sign-out"
      onClick={async () => {
        await signOut();
        window.location.assign("/staff/sign-in");
      }}
    >
      <LogOutIcon aria-hidden="true" />
      Sign out
    </Button>
  );
}
