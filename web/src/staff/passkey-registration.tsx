"use client";
// After signing in by link: offers to register a passkey on this device, so the next sign-in needs no mail.
import { useState } from "react";
import { registerPasskey } from "./passkey-client";

export function PasskeyRegistration({ hasPasskey }: { hasPasskey: boolean }) {
  const [message, setMessage] = useState<string | null>(null);
  const [saved, setSaved] = useState(hasPasskey);

  async function register() {
    setMessage(null);
    const problem = await registerPasskey(`Passkey added ${new Date().toISOString().slice(0, 10)}`);
    if (problem) setMessage(problem);
    else {
      setSaved(true);
      setMessage("Passkey saved. Next time, sign in with it.");
    }
  }

  return (
    <section aria-labelledby="passkey-heading" className="staff-card">
      <h2 id="passkey-heading">Passkey</h2>
      {!saved && (
        <>
          <p>Register a passkey on this device to sign in without waiting for an email.</p>
          <button type="button" className="staff-button" onClick={register}>
            Register a passkey
          </button>
        </>
      )}
      <p role="status" aria-live="polite">
        {message ?? (saved ? "You have a passkey for signing in." : "")}
      </p>
    </section>
  );
}
