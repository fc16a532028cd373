"use client";
// The form for a host's short public name: the rules in words, the api's refusal (why) or the new address.
import { useActionState } from "react";
import { choosePublicName, type PublicNameFormState } from "./public-name-action";

export function PublicNameForm({ current, forAdministrator }: { current: string | null; forAdministrator: boolean }) {
  const [state, action, saving] = useActionState<PublicNameFormState, FormData>(choosePublicName, { status: "idle" });
  return (
    <form action={action} className="staff-stack" aria-describedby="public-name-rules">
      {forAdministrator ? (
        <label>
          Host’s Cal.com user id
          <input name="calUserId" inputMode="numeric" required pattern="[0-9]+" />
        </label>
      ) : null}
      <label>
        Public name
        <input
          name="publicName"
          defaultValue={current ?? ""}
          required
          minLength={2}
          maxLength={40}
          autoComplete="off"
          spellCheck={false}
        />
      </label>
      <p id="public-name-rules">
        2 to 40 lowercase letters, digits and hyphens. Your earlier links keep working: they lead to the new name.
      </p>
      <button type="submit" className="staff-button" disabled={saving}>
        {saving ? "Saving…" : "Save public name"}
      </button>
      <div role="status" aria-live="polite" data-testid="public-name-result">
        {state.status === "saved" ? (
          <p>
            Saved. The booking page is now <a href={state.bookingPath}>{state.bookingPath}</a>
          </p>
        ) : null}
      </div>
      {state.status === "refused" ? (
        <p role="alert" data-testid="public-name-refused">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
