"use client";
// After signing in by link: offers to register a passkey on this device, so the next sign-in needs no mail.
import { KeyRoundIcon } from "lucide-react";
import { useState } from "react";
import { Button } from "../components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "../components/ui/card";
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
    <Card aria-labelledby="passkey-heading" role="region" className="max-w-xl">
      <CardHeader>
        <CardTitle id="passkey-heading">Passkey</CardTitle>
        {!saved && (
          <CardDescription>Register a passkey on this device to sign in without waiting for an email.</CardDescription>
        )}
      </CardHeader>
      <CardContent className="grid gap-3">
        {!saved && (
          <Button type="button" onClick={register} className="w-fit" data-testid="passkey-register">
            <KeyRoundIcon aria-hidden="true" />
            Register a passkey
          </Button>
        )}
        <p role="status" aria-live="polite" className="text-sm">
          {message ?? (saved ? "You have a passkey for signing in." : "")}
        </p>
      </CardContent>
    </Card>
  );
}
