"use client";
// Passkeys in the browser through Better Auth's client (WebAuthn via @simplewebauthn/browser), against
// our same-origin proxy of the api's /staff/auth. Each returns a sentence for the person, or null on success.
import { passkeyClient } from "@better-auth/passkey/client";
import { createAuthClient } from "better-auth/client";

let client: ReturnType<typeof createClient> | undefined;
function createClient() {
  return createAuthClient({ baseURL: window.location.origin, basePath: "/staff/auth", plugins: [passkeyClient()] });
}
const authClient = () => {
  client ??= createClient();
  return client;
};

export async function registerPasskey(name: string): Promise<string | null> {
  const result = await authClient().passkey.addPasskey({ name });
  return result?.error ? `The passkey was not saved (${result.error.message ?? "cancelled"}).` : null;
}

export async function signInWithPasskey(): Promise<string | null> {
  const result = await authClient().signIn.passkey();
  return result?.error ? `Signing in with a passkey did not work (${result.error.message ?? "cancelled"}).` : null;
}

export async function signOut(): Promise<void> {
  await authClient().signOut();
}
