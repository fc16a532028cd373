"use client";
// The form for a host's short public name: the rules in words, the api's refusal (why) or the new address.
import { useActionState } from "react";
import { Alert, AlertDescription } from "../components/ui/alert";
import { Button } from "../components/ui/button";
import { Input } from "../components/ui/input";
import { Label } from "../components/ui/label";
import { choosePublicName, type PublicNameFormState } from "./public-name-action";

export function PublicNameForm({ current, forAdministrator }: { current: string | null; forAdministrator: boolean }) {
  const [state, action, saving] = useActionState<PublicNameFormState, FormData>(choosePublicName, { status: "idle" });
  return (
    <form action={action} className="grid gap-4">
      {forAdministrator ? (
        <div className="grid gap-2">
          <Label htmlFor="public-name-host">Host’s Cal.com user id</Label>
          <Input id="public-name-host" name="calUserId" inputMode="numeric" required pattern="[0-9]+" />
        </div>
      ) : null}
      <div className="grid gap-2">
        <Label htmlFor="public-name">Public name</Label>
        <Input
          id="public-name"
          name="publicName"
          defaultValue={current ?? ""}
          required
          minLength={2}
          maxLength={40}
          autoComplete="off"
          spellCheck={false}
          aria-describedby="public-name-rules"
          aria-invalid={state.status === "refused" || undefined}
        />
        <p id="public-name-rules" className="text-muted-foreground text-sm">
          2 to 40 lowercase letters, digits and hyphens. Earlier links keep working: they lead to the new name.
        </p>
      </div>
      <div>
        <Button type="submit" disabled={saving}>
          {saving ? "Saving…" : "Save public name"}
        </Button>
      </div>
      <div role="status" aria-live="polite" data-testid="public-name-result">
        {state.status === "saved" ? (
          <p>
            Saved. The booking page is now{" "}
            <a className="underline" href={state.bookingPath}>
              {state.bookingPath}
            </a>
          </p>
        ) : null}
      </div>
      {state.status === "refused" ? (
        <Alert variant="destructive" role="alert" data-testid="public-name-refused">
          <AlertDescription>{state.message}</AlertDescription>
        </Alert>
      ) : null}
    </form>
  );
}
