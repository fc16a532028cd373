"use client";
// Asks for a sign-in link by email (Better Auth's magic link, through our same-origin proxy), or signs in
// with a passkey registered earlier.
import { useState, type FormEvent } from "react";
import { signInWithPasskey } from "./passkey-client";

type State = "idle" | "sending" | "sent" | "failed" | "limited";

export function SignInForm() {
  const [state, setState] = useState<State>("idle");
  const [passkeyProblem, setPasskeyProblem] = useState<string | null>(null);

  async function requestLink(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = new FormData(event.currentTarget).get("email");
    setState("sending");
    const response = await fetch("/staff/auth/sign-in/magic-link", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, callbackURL: "/staff", errorCallbackURL: "/staff/sign-in" }),
    }).catch(() => null);
    setState(response?.ok ? "sent" : response?.status === 429 ? "limited" : "failed");
  }

  async function signInByPasskey() {
    setPasskeyProblem(null);
    const problem = await signInWithPasskey();
    if (problem) setPasskeyProblem(problem);
    else window.location.assign("/staff");
  }

  return (
    <div className="staff-stack">
      <form onSubmit={requestLink} className="staff-stack" aria-describedby="sign-in-status">
        <label htmlFor="email">Email address</label>
        <input id="email" name="email" type="email" autoComplete="email webauthn" required />
        <button type="submit" className="staff-button" disabled={state === "sending"}>
          Email me a sign-in link
        </button>
      </form>
      <p id="sign-in-status" role="status" aria-live="polite">
        {state === "sent" && "If that address belongs to a staff account, a sign-in link is on its way."}
        {state === "failed" && "That did not work. Please try again."}
        {state === "limited" && "Too many attempts. Please wait a minute and try again."}
      </p>
      <button type="button" className="staff-button staff-button-secondary" onClick={signInByPasskey}>
        Sign in with a passkey
      </button>
      {passkeyProblem && <p role="alert">{passkeyProblem}</p>}
    </div>
  );
}
