// Asks the staff area for a sign-in link as the sign-in page does (POST /staff/auth/sign-in/magic-link
// from our origin), from a given client address (X-Forwarded-For, as our web server's proxy sends it).
import type { StaffHarness } from "./staff-harness.js";

export async function createSignInLinkRequest(
  harness: StaffHarness,
  email: string,
  clientAddress: string,
): Promise<{ status: number; sentAt: Date }> {
  const sentAt = new Date();
  const response = await fetch(`http://127.0.0.1:${new URL(harness.origin).port}/staff/auth/sign-in/magic-link`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: harness.origin, "x-forwarded-for": clientAddress },
    body: JSON.stringify({ email, callbackURL: "/staff", errorCallbackURL: "/staff/sign-in" }),
  });
  await response.arrayBuffer();
  return { status: response.status, sentAt };
}
