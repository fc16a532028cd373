"use client";
// Asks for a sign-in link by email (Better Auth's magic link, through our same-origin proxy), or signs in
// with a passkey registered earlier.
import { KeyRoundIcon, MailIcon } from "lucide-react";
import { useState, type FormEvent } from "react";
import { Button } from "../components/ui/button";
import { Input } from "../components/ui/input";
import { Label } from "../components/ui/label";
import { Separator } from "../components/ui/separator";

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
    // Loaded on demand: the WebAuthn client is only needed by those who press the button.
    const { signInWithPasskey } = await import("./passkey-client");
    const problem = await signInWithPasskey();
    if (problem) setPasskeyProblem(problem);
    else window.location.assign("/staff");
  }

  return (
    <div className="grid gap-4">
      <form onSubmit={requestLink} className="grid gap-3" aria-describedby="sign-in-status">
        <Label htmlFor="email">Email address</Label>
        <Input
          id="email"
          name="email"
          type="email"
          autoComplete="email webauthn"
          required
          data-testid="sign-in-email"
        />
        <Button type="submit" disabled={state === "sending"} data-testid="sign-in-request-link">
          <MailIcon aria-hidden="true" />
          Email me a sign-in link
        </Button>
      </form>
      <p id="sign-in-status" role="status" aria-live="polite" className="text-sm empty:hidden">
        {state === "sent" && "If that address belongs to a staff account, a sign-in link is on its way."}
        {state === "failed" && "That did not work. Please try again."}
        {state === "limited" && "Too many attempts. Please wait a minute and try again."}
      </p>
      <div className="flex items-center gap-3 text-muted-foreground text-xs">
        <Separator className="flex-1" />
        or
        <Separator className="flex-1" />
      </div>
      <Button type="button" variant="outline" onClick={signInByPasskey} data-testid="sign-in-passkey">
        <KeyRoundIcon aria-hidden="true" />
        Sign in with a passkey
      </Button>
      {passkeyProblem && (
        <p role="alert" className="text-destructive text-sm">
          {passkeyProblem}
        </p>
      )}
    </div>
  );
}
